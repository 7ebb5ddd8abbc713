"""`teikit html`: where pages go, what they link to, and how bad input is reported."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from lxml import html

from html_support import CONTRACT
from teikit.cli import main


def _run(*args: str):
    return CliRunner().invoke(main, ["html", *args], catch_exceptions=False)


def test_page_next_to_the_document_by_default(tmp_path):
    doc = tmp_path / "memo.xml"
    shutil.copy(CONTRACT, doc)
    result = _run(str(doc))
    assert result.exit_code == 0, result.output
    page = html.parse(str(tmp_path / "memo.html")).getroot()
    assert page.xpath("//nav[@class='downloads']//a/@href") == ["memo.xml"]


def test_output_folder_and_links(tmp_path):
    doc = tmp_path / "src" / "memo.xml"
    doc.parent.mkdir()
    shutil.copy(CONTRACT, doc)
    out = tmp_path / "site"
    result = _run(str(doc), "-o", str(out), "--register", "../register.html", "--pdf-link", "always")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out / "memo.html")
    page = html.parse(str(out / "memo.html")).getroot()
    assert page.xpath("//nav[@class='downloads']//a/@href") == ["../src/memo.xml", "memo.pdf"]
    assert "../register.html#per-fadeyev-yu" in page.xpath("//article//a/@href")


def test_pdf_linked_when_it_exists(tmp_path):
    doc = tmp_path / "memo.xml"
    shutil.copy(CONTRACT, doc)
    (tmp_path / "memo.pdf").write_bytes(b"%PDF-1.7\n")
    assert _run(str(doc)).exit_code == 0
    page = html.parse(str(tmp_path / "memo.html")).getroot()
    assert page.xpath("//nav[@class='downloads']//a/@href") == ["memo.xml", "memo.pdf"]
    assert _run(str(doc), "--pdf-link", "never").exit_code == 0
    page = html.parse(str(tmp_path / "memo.html")).getroot()
    assert page.xpath("//nav[@class='downloads']//a/@href") == ["memo.xml"]


def test_bad_input_is_one_line_and_writes_nothing(tmp_path):
    good = tmp_path / "good.xml"
    shutil.copy(CONTRACT, good)
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n<p>unclosed</text></TEI>', encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["html", str(good), str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}:3: ")
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists(), "no page is written when one document fails"


def test_not_tei_and_missing_files(tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<html><body/></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["html", str(other)])
    assert result.exit_code == 1 and "not a TEI P5 document" in result.output
    result = CliRunner().invoke(main, ["html", str(tmp_path / "missing.xml")])
    assert result.exit_code == 1 and "no such file" in result.output
    assert not list(tmp_path.glob("*.html"))


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["html", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "teikit html " in result.output


def test_two_documents_for_one_page_is_a_usage_error(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(CONTRACT, tmp_path / folder / "memo.xml")
    result = CliRunner().invoke(main, ["html", str(tmp_path / "a" / "memo.xml"), str(tmp_path / "b" / "memo.xml"),
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "would both be written to" in result.output
    assert not (tmp_path / "out").exists()
