"""The seed and the dev documents as PDFs: every word, every note, every glyph."""

from __future__ import annotations

import re

import pytest

from pdf_checks import (DEV_DIR, SEED_TEI, SHARED, WORD, mapped_characters, need_poppler, pdffonts,
                        structure_counts, words_of_pdf, xmp)
from teikit.xmlparse import parse_file

TEI = "{http://www.tei-c.org/ns/1.0}"
SEED_TXT = SHARED / "corpus" / "seed" / "soviet-embassy-dprk-1969-06-09.txt"
DEV_TXT = sorted(DEV_DIR.glob("*.txt")) if DEV_DIR.is_dir() else []


def _convert(path):
    convert = pytest.importorskip("teikit.convert")
    return convert.convert_file(path).tree


@pytest.fixture(scope="module")
def seed(renderer, tmp_path_factory):
    """The seed's TEI (the committed file, else converted now) and its PDF."""
    if SEED_TEI.is_file():
        tree = parse_file(SEED_TEI)
    elif SEED_TXT.is_file():
        tree = _convert(SEED_TXT)
    else:
        pytest.skip("neither the seed's TEI nor its text is present")
    path = tmp_path_factory.mktemp("seed") / "seed.pdf"
    path.write_bytes(renderer.render(tree, name="seed"))
    return tree, path, list(renderer.warnings)


def _check_document(tree, path, warnings):
    text = " ".join(tree.getroot().find(f"{TEI}text").itertext())
    assert not warnings
    assert set(WORD.findall(text)) - words_of_pdf(path) == set()
    assert set(re.sub(r"\s", "", text)) - mapped_characters(path) == set()
    assert all(font["emb"] == "yes" for font in pdffonts(path))


def test_seed_every_word_and_glyph(seed):
    need_poppler()
    _check_document(*seed)


def test_seed_has_17_footnotes_for_its_17_notes(seed):
    tree, path, _ = seed
    assert len(tree.getroot().findall(f".//{TEI}note[@type='translator']")) == 17
    assert structure_counts(path)["/Note"] == 17


def test_seed_claims_pdfa_and_pdfua(seed):
    _, path, _ = seed
    meta = xmp(path)
    assert re.search(r"pdfaid:part[>=\"]+2", meta) and re.search(r"pdfuaid:part[>=\"]+1", meta)


@pytest.mark.parametrize("source", DEV_TXT, ids=[p.stem for p in DEV_TXT])
def test_dev_document_renders_completely(renderer, source, tmp_path):
    need_poppler()
    tree = _convert(source)
    path = tmp_path / f"{source.stem}.pdf"
    path.write_bytes(renderer.render(tree, name=source.name))
    _check_document(tree, path, list(renderer.warnings))
