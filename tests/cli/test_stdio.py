"""``-`` for standard input and output in every command that reads or writes a file;
clear refusals where it makes no sense; no output ever replaces an input."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner
from lxml import etree

from readme_commands import ROOT

SEED_XML = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.xml"
SEED_TXT = SEED_XML.with_suffix(".txt")
TEI = "{http://www.tei-c.org/ns/1.0}"


def invoke(*args, input=None):
    from teikit.cli import main

    return CliRunner().invoke(main, list(map(str, args)), input=input)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_convert_reads_stdin_and_writes_stdout():
    meta = SEED_TXT.with_suffix(".meta.toml")
    result = invoke("convert", "-", "--meta", meta, "--register", ROOT / "tei" / "register.xml",
                    input=SEED_TXT.read_bytes())
    assert result.exit_code == 0, result.output
    from teikit.convert import convert_file

    # The same TEI as from the file, but for the document's id, which is made from the name.
    from_file = convert_file(SEED_TXT).tree.getroot()
    from_stdin = etree.fromstring(result.stdout_bytes)
    for root in (from_file, from_stdin):
        del root.attrib["{http://www.w3.org/XML/1998/namespace}id"]
    assert etree.tostring(from_stdin, method="c14n2") == etree.tostring(from_file, method="c14n2")


def test_output_and_report_on_one_file_is_refused(tmp_path):
    result = invoke("convert", SEED_TXT, "-o", tmp_path / "x.xml", "--report", tmp_path / "." / "x.xml")
    assert result.exit_code == 2 and "name the same file" in result.output
    assert not (tmp_path / "x.xml").exists()


def test_convert_pipes_into_text_and_back():
    tei = invoke("convert", "-", "-o", "-", input=SEED_TXT.read_bytes())
    assert tei.exit_code == 0
    text = invoke("text", "-", input=tei.stdout_bytes)
    assert text.exit_code == 0
    assert text.stdout.split() == SEED_TXT.read_text(encoding="utf-8").split()


def test_report_to_stdout_with_the_tei_in_a_file(tmp_path):
    result = invoke("convert", SEED_TXT, "-o", tmp_path / "seed.xml", "--report", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("Conversion report for")
    assert etree.parse(str(tmp_path / "seed.xml")).getroot().tag == f"{TEI}TEI"


def test_report_and_tei_both_on_stdout_is_refused():
    result = invoke("convert", SEED_TXT, "--report", "-")
    assert result.exit_code == 2 and "cannot both go to stdout" in result.output


@pytest.mark.parametrize(
    "head, kind",
    [(b"PK\x03\x04\x14\x00\x06\x00", "Word (.docx)"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "old Word (.doc)"),
     (b"%PDF-1.7\n", "a PDF"), (b"{\\rtf1\\ansi", "RTF"), (b"\xff\xfeS\x00e\x00", "UTF-16")],
)
def test_binary_input_gets_a_hint(tmp_path, head, kind):
    path = tmp_path / "memo.docx"
    path.write_bytes(head + b"\x00\xab" * 50)
    result = invoke("convert", path, "-o", tmp_path / "memo.xml")
    assert result.exit_code == 1
    assert result.output.startswith(f"{path}:1: this is ") and kind in result.output
    assert "save it as plain text in UTF-8" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "memo.xml").exists()
    from_stdin = invoke("convert", "-", input=path.read_bytes())
    assert from_stdin.exit_code == 1 and from_stdin.output.startswith("stdin:1: this is ")


@pytest.mark.parametrize(
    "command",
    [
        ["convert", "{txt}", "-o", "{txt}"],
        ["convert", "{txt}", "-o", "{meta}"],
        ["convert", "{txt}", "-o", "out.xml", "--report", "{txt}"],
        ["text", "{xml}", "-o", "{xml}"],
        ["pdf", "{xml}", "-o", "{xml}"],
    ],
    ids=["convert-onto-source", "convert-onto-sidecar", "report-onto-source", "text-onto-tei", "pdf-onto-tei"],
)
def test_no_output_replaces_an_input(tmp_path, command):
    txt, xml = tmp_path / "memo.txt", tmp_path / "memo.xml"
    meta = tmp_path / "memo.meta.toml"
    txt.write_bytes(SEED_TXT.read_bytes())
    meta.write_bytes(SEED_TXT.with_suffix(".meta.toml").read_bytes())
    xml.write_bytes(SEED_XML.read_bytes())
    before = {p.name: _digest(p) for p in tmp_path.iterdir()}
    # Another spelling of the same file is caught too.
    args = [a.format(txt=txt, xml=tmp_path / "." / "memo.xml", meta=meta) for a in command]
    args = [str(tmp_path / a) if a == "out.xml" else a for a in args]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "would overwrite the input" in result.output
    assert {p.name: _digest(p) for p in tmp_path.iterdir()} == before


def test_html_from_stdin_to_stdout():
    result = invoke("html", "-", input=SEED_XML.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "Fadeyev" in result.stdout


def test_html_of_a_file_to_stdout_links_from_the_current_folder(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = invoke("html", SEED_XML, "-o", "-")
    assert result.exit_code == 0
    assert f'href="tei/{SEED_XML.name}"' in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["html", "{xml}", "{xml2}", "-o", "-"], "several pages cannot go to stdout"),
        (["html", "-", "-o", "{dir}"], "has no name for its page"),
        (["validate", "-", "{xml}"], "is one document"),
        (["convert", "{txt}", "--meta", "-"], "standard input is for SOURCE only"),
    ],
)
def test_refusals_where_a_stream_makes_no_sense(tmp_path, args, message):
    xml2 = tmp_path / "other.xml"
    xml2.write_bytes(SEED_XML.read_bytes())
    filled = [a.format(xml=SEED_XML, xml2=xml2, dir=tmp_path / "out", txt=SEED_TXT) for a in args]
    result = invoke(*filled, input=SEED_XML.read_bytes())
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_html_refuses_to_write_into_a_built_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / ".teikit-build.json").write_text("{}")
    result = invoke("html", SEED_XML, "-o", site)
    assert result.exit_code == 2 and "teikit build" in result.output
    assert sorted(p.name for p in site.iterdir()) == [".teikit-build.json"]


@pytest.mark.slow
def test_pdf_from_stdin_to_stdout():
    result = invoke("pdf", "-", input=SEED_XML.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"%PDF-")
    assert b"wrote" not in result.stdout_bytes


def test_pdf_refuses_a_terminal():
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-c", "from teikit.cli import main; main()", "pdf", str(SEED_XML),
                               "-o", "-"], stdout=follower, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert done.stderr.decode().strip() == "teikit: not writing a PDF to a terminal: give -o FILE, or redirect standard output"
