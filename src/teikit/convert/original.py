"""The original-language text named by the sidecar's ``[original]`` table.

``text`` is a plain UTF-8 file of the original in its language, its
paragraphs separated by blank lines (a line break inside a paragraph is
kept as ``<lb/>``); the path is relative to the sidecar and may not leave the
sidecar's folder. ``language`` is its ISO 639 code (default: the sidecar's
``original_language``). The converter writes it as a second
``<text type="original" xml:lang="...">`` after the translation's, each
paragraph ``<p xml:id="o1" corresp="#p1">`` pointing at the translation
blocks it stands beside (see :mod:`.align`); where the alignment is
uncertain the paragraph has ``cert="low"`` and the report says why.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from .. import TEI_NS, XML_NS
from ..anchors import alignable_blocks, assign_block_ids
from ..errors import TeikitError
from .align import align
from .report import Report, Warning_
from .source import read_source

#: The keys of the ``[original]`` table.
KEYS = {"text", "language"}
#: ``<text type="...">`` of the original (teikit.rnc: text.type).
TYPE = "original"
_NEWLINES = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the original: the source line it starts on and its lines."""

    line: int
    lines: tuple[str, ...]


def key_line(raw: str | None, key: str, table: str | None = None) -> int | None:
    """The line of ``key = ...`` in the TOML text ``raw`` (inside ``[table]`` if given), for messages."""
    if raw is None:
        return None
    inside = table is None
    for number, line in enumerate(raw.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            header = stripped.split("#")[0].strip().strip("[]").strip()
            if table is None:
                # A top-level key is written before the first table, or is that table.
                return number if header == key else None
            inside = header == table
            continue
        if inside and re.match(rf"""["']?{re.escape(key)}["']?\s*=""", stripped):
            return number
    return None


def check_original(value, name: str, raw: str | None = None, base: str | os.PathLike | None = None) -> dict:
    """Check the ``[original]`` table; with ``base`` (the sidecar's folder) its path is made relative to it."""
    line = key_line(raw, "original")
    if not isinstance(value, dict):
        raise TeikitError("'original' must be a table ([original] with text = \"NAME.ru.txt\")", name, line)
    for key, item in value.items():
        where = key_line(raw, key, "original") or line
        if key not in KEYS:
            raise TeikitError(f"unknown key {key!r} in [original] (known: {', '.join(sorted(KEYS))})", name, where)
        if not isinstance(item, str):
            raise TeikitError(f"'original.{key}' must be a string", name, where)
    if "text" not in value:
        raise TeikitError("[original] needs text = \"FILE\": the original-language text", name, line)
    path = PurePosixPath(value["text"].replace("\\", "/"))
    # A sidecar file names a file beside it (a built site must not publish any other); a caller's dict any file.
    if base is not None and (path.is_absolute() or ".." in path.parts or re.match(r"[A-Za-z]:", value["text"])) \
            or not path.parts:
        raise TeikitError(f"'original.text' must be a path inside the sidecar's folder, not {value['text']!r}", name,
                          key_line(raw, "text", "original") or line)
    if "language" in value and not _LANGUAGE.fullmatch(value["language"]):
        raise TeikitError(f"'original.language' must be an ISO 639 code (ru, zh), not {value['language']!r}", name,
                          key_line(raw, "language", "original") or line)
    checked = dict(value)
    if base is not None:
        checked["text"] = str(Path(base) / path)
        # Nor through a link: a built site would publish the file it leads to.
        if not Path(checked["text"]).resolve().is_relative_to(Path(base).resolve()):
            raise TeikitError(f"'original.text' leads outside the sidecar's folder: {value['text']!r}", name,
                              key_line(raw, "text", "original") or line)
    return checked


def read_paragraphs(path: str | os.PathLike) -> list[Paragraph]:
    """The paragraphs of the original file: runs of non-blank lines, each line stripped."""
    paragraphs: list[Paragraph] = []
    current: list = []
    for line in read_source(path) + [None]:
        if line is None or line.blank:
            if current:
                paragraphs.append(Paragraph(current[0].number, tuple(c.text for c in current)))
            current = []
        else:
            current.append(line)
    return paragraphs


def _block_text(block) -> str:
    """What of a translation block is translated text: not the translator's notes."""
    parts = []

    def walk(element) -> None:
        parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str) and etree.QName(child).localname != "note":
                walk(child)
            parts.append(child.tail or "")

    walk(block)
    return " ".join("".join(parts).split())


def add_original(tree: etree._ElementTree, table: dict, language: str | None, report: Report, *,
                 strict: bool) -> None:
    """Read the original the sidecar names, align it and append it to ``tree`` as a second ``<text>``."""
    path = table["text"]
    language = table.get("language") or language
    if not language:
        raise TeikitError("[original] has no language and the sidecar no original_language", path, 1)
    paragraphs = read_paragraphs(path)
    root = tree.getroot()
    assign_block_ids(tree)
    translation = root.find(f"{{{TEI_NS}}}text")
    # A block with no translated text of its own (only the translator's notes) has nothing to align.
    blocks = [b for b in alignable_blocks(translation) if _block_text(b).strip()]
    beads = align([" ".join(p.lines) for p in paragraphs], [_block_text(b) for b in blocks])

    text = etree.SubElement(root, f"{{{TEI_NS}}}text", {"type": TYPE, f"{{{XML_NS}}}lang": language})
    text.tail = "\n"
    body = etree.SubElement(text, f"{{{TEI_NS}}}body")
    elements: dict[int, etree._Element] = {}
    for number, paragraph in enumerate(paragraphs, start=1):
        p = etree.SubElement(body, f"{{{TEI_NS}}}p", {f"{{{XML_NS}}}id": f"o{number}"})
        p.text = paragraph.lines[0]
        for line in paragraph.lines[1:]:
            etree.SubElement(p, f"{{{TEI_NS}}}lb").tail = line
        elements[number - 1] = p
    for bead in beads:
        targets = " ".join("#" + blocks[j].get(f"{{{XML_NS}}}id") for j in bead.translation)
        for i in bead.original:
            if targets:
                elements[i].set("corresp", targets)
            if bead.doubt:
                elements[i].set("cert", "low")
                elements[i].set("resp", "#encoder")
        if not bead.doubt:
            continue
        shown = ", ".join(f"o{i + 1}" for i in bead.original) or "none"
        beside = " ".join(blocks[j].get(f"{{{XML_NS}}}id") for j in bead.translation) or "none"
        message = f"alignment uncertain: original {shown} beside translation {beside}: {bead.doubt}"
        line = paragraphs[bead.original[0]].line if bead.original else 1
        if strict:
            raise TeikitError(message, path, line)
        report.warnings.append(Warning_(line, message, path=path))
        report.alignment.append((path, line, message))
    report.aligned = len(beads)
    _indent(text, root)


def _indent(text, root) -> None:
    # The same layout as the rest of the converter's output: two spaces a level.
    etree.indent(text, space="  ", level=1)
    previous = text.getprevious()
    if previous is not None:
        previous.tail = "\n  "
    text.tail = "\n"


def export_original(tree, name: str | None = None) -> str:
    """The original-language text of a document: its paragraphs separated by blank lines, as the converter read them.

    Refuses (:class:`TeikitError`) a document without ``<text type="original">``.
    """
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    found = root.find(f"{{{TEI_NS}}}text[@type='{TYPE}']")
    if found is None:
        raise TeikitError("no original-language text (<text type=\"original\">) in the document", name, None)
    paragraphs = []
    for p in found.iter(f"{{{TEI_NS}}}p"):
        lines = [p.text or ""]
        for child in p:
            if isinstance(child.tag, str) and etree.QName(child).localname == "lb":
                lines.append(child.tail or "")
            else:
                lines[-1] += "".join(child.itertext()) + (child.tail or "")
        # Line ends inside a text node are XML layout (another project's TEI), not the original's.
        paragraphs.append("\n".join(_NEWLINES.sub(" ", line).strip() for line in lines))
    return "\n\n".join(paragraphs) + ("\n" if paragraphs else "")
