"""PDF benchmarks: the seed and a ~20-page document, as a whole process and warm.

Run: python3 -m pytest tests/benchmarks/test_bench_pdf.py --benchmark-only
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from teikit.xmlparse import parse_file

ROOT = Path(__file__).resolve().parents[2]
SEED_TEI = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.xml"
SEED_TXT = ROOT.parent / "shared" / "corpus" / "seed" / "soviet-embassy-dprk-1969-06-09.txt"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _seed_tree():
    if SEED_TEI.is_file():
        return parse_file(SEED_TEI)
    convert = pytest.importorskip("teikit.convert")
    if not SEED_TXT.is_file():
        pytest.skip("the seed is not present")
    return convert.convert_file(SEED_TXT).tree


def _long_tree(copies: int = 2):
    """The seed with its sections repeated: about 20 pages and 51 footnotes at copies=2."""
    tree = copy.deepcopy(_seed_tree())
    doc = tree.getroot().find(f".//{TEI}div[@type='document']")
    sections = doc.findall(f"{TEI}div")
    closer = doc.find(f"{TEI}closer")
    for n in range(1, copies + 1):
        for section in sections:
            clone = copy.deepcopy(section)
            # ids must stay unique, and the notes' targets must follow them
            for el in clone.iter():
                if el.get(XML_ID):
                    el.set(XML_ID, f"{el.get(XML_ID)}-r{n}")
                if el.get("target"):
                    el.set("target", " ".join(f"{t}-r{n}" for t in el.get("target").split()))
            if closer is not None:
                closer.addprevious(clone)
            else:
                doc.append(clone)
    return tree


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench-pdf")
    paths = {"seed": folder / "seed.xml", "long": folder / "long.xml"}
    _seed_tree().write(str(paths["seed"]), encoding="utf-8")
    _long_tree().write(str(paths["long"]), encoding="utf-8")
    return paths


def _teikit() -> list[str]:
    exe = shutil.which("teikit")
    return [exe] if exe else [sys.executable, "-c", "from teikit.cli import main; main()"]


@pytest.mark.parametrize("which", ["seed", "long"])
def test_whole_process(benchmark, documents, which, tmp_path):
    """`teikit pdf` from process start to the written file."""
    out = tmp_path / "out.pdf"
    cmd = [*_teikit(), "pdf", str(documents[which]), "-o", str(out)]
    benchmark.pedantic(lambda: subprocess.run(cmd, check=True, capture_output=True), rounds=5, iterations=1)
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("which", ["seed", "long"])
def test_warm_new_document(benchmark, documents, which):
    """A renderer already loaded; each round a slightly different document (no cached layout)."""
    from teikit.pdf import PdfRenderer

    renderer = PdfRenderer()
    base = parse_file(documents[which])
    renderer.render(base)
    rounds = iter(range(1000))

    def setup():
        tree = copy.deepcopy(base)
        p = tree.getroot().find(f".//{TEI}p")
        p.text = f"Round {next(rounds)}. {p.text or ''}"
        return (tree,), {}

    pdf = benchmark.pedantic(renderer.render, setup=setup, rounds=5, iterations=1)
    assert pdf.startswith(b"%PDF-")


def test_long_document_has_about_twenty_pages(documents):
    """The 'long' document is the size the target speaks of."""
    pypdf = pytest.importorskip("pypdf")
    from io import BytesIO

    from teikit.pdf import PdfRenderer

    pdf = PdfRenderer().render(parse_file(documents["long"]))
    pages = len(pypdf.PdfReader(BytesIO(pdf)).pages)
    assert 16 <= pages <= 26, pages


@pytest.fixture(scope="module")
def distinct_trees(tmp_path_factory):
    """Generated documents, each different throughout (what a build typesets)."""
    convert = pytest.importorskip("teikit.convert")
    if not SEED_TXT.is_file():
        pytest.skip("the seed is not present")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        from corpus_gen import generate
    finally:
        sys.path.pop(0)
    folder = tmp_path_factory.mktemp("bench-pdf-distinct")
    return [convert.convert_file(path).tree for path in generate(folder, 31, sidecars=False)]


def test_warm_distinct_documents(benchmark, distinct_trees):
    """A renderer already loaded; each round a document it has not seen (no layout to reuse)."""
    from teikit.pdf import PdfRenderer

    renderer = PdfRenderer()
    renderer.render(distinct_trees[0])
    rest = iter(distinct_trees[1:])
    pdf = benchmark.pedantic(renderer.render, setup=lambda: ((next(rest),), {}), rounds=30, iterations=1)
    assert pdf.startswith(b"%PDF-")
