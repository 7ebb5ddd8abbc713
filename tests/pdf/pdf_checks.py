"""Reading a rendered PDF back: text, fonts, glyph coverage, footnotes, metadata.

Uses poppler-utils (pdftotext, pdffonts) and pypdf, as a reader would.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"
SEED_TEI = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.xml"
DEV_DIR = SHARED / "corpus" / "dev"
P5SUBSET = SHARED / "tei" / "p5subset.xml"

WORD = re.compile(r"\w+")


def need_poppler() -> None:
    """Skip the calling test when poppler-utils are not installed."""
    import pytest

    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext, pdffonts) are not installed")


def pdftotext(path: Path) -> str:
    """The PDF's text as pdftotext reads it (reading order, no layout)."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


def words_of_pdf(path: Path) -> set[str]:
    """Every word pdftotext finds, with words hyphenated at a line end also rejoined."""
    text = pdftotext(path)
    # Typst marks its own hyphenation with a soft hyphen (U+00AD) or "-"
    joined = re.sub(r"(\w)[-\u00ad]\n(\w)", r"\1\2", text)
    # a footnote call sticks to the word before it: "leaders1" is "leaders"
    uncalled = re.sub(r"(?<=[^\W\d])\d+\b", " ", text)
    return set(WORD.findall(text)) | set(WORD.findall(joined)) | set(WORD.findall(uncalled))


def pdffonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: one dict per font with its name and 'emb' column."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()[2:]
    rows = []
    for line in lines:
        cols = line.split()
        # name, type (one or more words), encoding, emb, sub, uni, object ID (2)
        rows.append({"name": cols[0], "emb": cols[-5], "uni": cols[-3]})
    return rows


def mapped_characters(path: Path) -> set[str]:
    """Characters that some embedded font in the PDF has a glyph for.

    Typst writes a ToUnicode map for each font listing the glyphs it used;
    a character drawn with no font that has it appears in no map.
    """
    reader = pypdf.PdfReader(str(path))
    chars: set[str] = set()
    seen = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if id(font) in seen or "/ToUnicode" not in font:
                continue
            seen.add(id(font))
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for hexes in re.findall(r"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>", cmap):
                if len(hexes) % 4 == 0:
                    chars.update(bytes.fromhex(hexes).decode("utf-16-be", "replace"))
    # Typst draws a hyphen and its own hyphenation mark with one glyph, and its map may name only the
    # soft hyphen (U+00AD) for it: then a "-" of the text has its glyph too.
    if "\u00ad" in chars:
        chars.add("-")
    return chars


def structure_counts(path: Path) -> Counter:
    """How many tagged-PDF structure elements of each kind (/P, /Note, …)."""
    reader = pypdf.PdfReader(str(path))
    counts: Counter = Counter()
    todo = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.DictionaryObject):
            if "/S" in node:
                counts[str(node["/S"])] += 1
            kids = node.get("/K")
            if isinstance(kids, pypdf.generic.ArrayObject):
                todo.extend(kids)
            elif kids is not None:
                todo.append(kids)
    return counts


def xmp(path: Path) -> str:
    """The XMP metadata packet as text."""
    reader = pypdf.PdfReader(str(path))
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")


def word_boxes(path: Path) -> list[tuple[int, str, float, float]]:
    """(page, word, top, bottom) for every word, in points from the page's top."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    boxes = []
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        for y0, y1, word in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page):
            boxes.append((number, word, float(y0), float(y1)))
    return boxes


def mark_positions(renderer, tree) -> list[dict]:
    """Where the template draws the reader's marks: one dict per mark and page
    with ``id``, ``page`` and ``top``/``bottom`` in points from the page's top
    (the template records them as ``<tk-drawn>`` metadata for this purpose)."""
    import json

    import typst

    from teikit.pdf import fonts

    data = renderer.data(tree)
    paths = fonts.noto_dirs() if fonts.needs_all_fonts(data) else renderer._core_fonts
    inputs = {"doc": data, "fonts": json.dumps(fonts.families(paths))}
    compiler = typst.Compiler(input=str(renderer._main), root=str(renderer._root), font_paths=list(paths),
                              ignore_system_fonts=True, sys_inputs=inputs)
    return [item["value"] for item in json.loads(compiler.query("<tk-drawn>"))]
