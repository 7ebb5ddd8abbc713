"""``teikit pdf``: writes the PDF, or fails with one line and writes nothing."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from pdf_checks import CONTRACT
from teikit.cli import main


def test_writes_the_pdf_next_to_the_document(tmp_path):
    doc = tmp_path / "memo.xml"
    shutil.copy(CONTRACT, doc)
    result = CliRunner().invoke(main, ["pdf", str(doc)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "memo.pdf").read_bytes().startswith(b"%PDF-")


def test_output_option(tmp_path):
    out = tmp_path / "out" / "edition.pdf"
    result = CliRunner().invoke(main, ["pdf", str(CONTRACT), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")


def test_bad_xml_is_one_line_with_file_and_line_and_writes_nothing(tmp_path):
    doc = tmp_path / "broken.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n<p>open\n</TEI>\n')
    result = CliRunner().invoke(main, ["pdf", str(doc)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{doc}:") and "Traceback" not in result.output
    assert not (tmp_path / "broken.pdf").exists()


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["pdf", "--help"])
    assert result.exit_code == 0
    assert "Example: teikit pdf" in result.output
