"""Resource bombs that are valid XML: a document with 100,000 notes is refused by the PDF with one line
(before typesetting starts), and validated in bounded time; the other outputs still work."""

from __future__ import annotations

import pytest
from hostile_support import TEI_CLOSE, TEI_OPEN, assert_clean_failure, assert_no_traceback, need, run

from teikit.pdf.renderer import MAX_CHARACTERS, MAX_NOTES


def many_notes(count: int) -> bytes:
    return TEI_OPEN + b"<p>" + b"Text<note>a note</note> " * count + b"</p>" + TEI_CLOSE


@pytest.fixture
def notes_doc(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_bytes(many_notes(100_000))
    return path


def test_pdf_refuses_a_document_of_too_many_notes(notes_doc, tmp_path):
    need("pdf")
    out = tmp_path / "notes.pdf"
    result = run("pdf", notes_doc, "-o", out)
    assert_clean_failure(result, 1, notes_doc)
    assert f"too many notes to typeset as PDF (100000; the limit is {MAX_NOTES})" in result.stderr
    assert not out.exists()


def test_pdf_refuses_too_much_text(tmp_path):
    need("pdf")
    path = tmp_path / "long.xml"
    paragraph = b"<p>" + b"x" * 1000 + b"</p>\n"
    path.write_bytes(TEI_OPEN + paragraph * (MAX_CHARACTERS // 1000 + 10) + TEI_CLOSE)
    result = run("pdf", path, "-o", tmp_path / "long.pdf")
    assert_clean_failure(result, 1, path)
    assert "too much text to typeset as PDF" in result.stderr


def test_the_notes_just_under_the_limit_are_typeset(tmp_path):
    need("pdf")
    pytest.importorskip("typst")
    path = tmp_path / "some.xml"
    path.write_bytes(many_notes(50))
    result = run("pdf", path, "-o", tmp_path / "some.pdf")
    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "some.pdf").read_bytes().startswith(b"%PDF-")


def test_html_and_text_of_many_notes_still_work(notes_doc, tmp_path):
    result = run("text", notes_doc, "-o", tmp_path / "notes.txt")
    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
