"""The ``convert`` and ``text`` commands."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from convert_support import BUNDLED_TXT, BUNDLED_XML, source_lines

from teikit.cli import main


def test_convert_to_stdout_and_text_back(tmp_path):
    runner = CliRunner()
    converted = runner.invoke(main, ["convert", str(BUNDLED_TXT)])
    assert converted.exit_code == 0, converted.stderr
    assert converted.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI ')
    doc = tmp_path / "doc.xml"
    doc.write_text(converted.stdout, encoding="utf-8")
    exported = runner.invoke(main, ["text", str(doc)])
    assert exported.exit_code == 0
    assert exported.stdout.splitlines() == source_lines(BUNDLED_TXT)


def test_convert_with_output_and_report_file(tmp_path):
    out, report = tmp_path / "o.xml", tmp_path / "r.txt"
    result = CliRunner().invoke(main, ["convert", str(BUNDLED_TXT), "-o", str(out), "--report", str(report)])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    assert out.read_bytes() == BUNDLED_XML.read_bytes()
    text = report.read_text(encoding="utf-8")
    assert "translator-note -> <note type=\"translator\">" in text and ":63:386:" in text
    assert "To review" in text


def test_report_to_stderr_without_file(tmp_path):
    result = CliRunner().invoke(main, ["convert", str(BUNDLED_TXT), "-o", str(tmp_path / "o.xml"), "--report"])
    assert result.exit_code == 0 and "Conversion report for" in result.stderr


def test_missing_sidecar_warns_with_file_and_line(tmp_path):
    source = tmp_path / "memo.txt"
    shutil.copy(BUNDLED_TXT, source)
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "memo.xml")])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"{source}:1: warning: no metadata sidecar")


def test_meta_option(tmp_path):
    meta = tmp_path / "m.toml"
    meta.write_text('title = "Another title"\ndate = "1969-06-09"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(BUNDLED_TXT), "--meta", str(meta)])
    assert result.exit_code == 0 and "<title type=\"main\">Another title</title>" in result.stdout


def test_text_to_file_and_bad_xml(tmp_path):
    out = tmp_path / "t.txt"
    assert CliRunner().invoke(main, ["text", str(BUNDLED_XML), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines() == source_lines(BUNDLED_TXT)
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n<p>\n</TEI>", encoding="utf-8")
    result = CliRunner().invoke(main, ["text", str(bad), "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == 1 and result.stderr.startswith(f"{bad}:3: ") and not (tmp_path / "x.txt").exists()


def test_help_has_examples():
    for command in ("convert", "text"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Example: teikit " + command in result.output


def test_rules_listing():
    from teikit.convert.rules import RULES

    result = CliRunner().invoke(main, ["convert", "--rules"])
    assert result.exit_code == 0
    for rule in RULES:
        assert f"{rule.name}: {rule.summary}" in result.output and rule.example in result.output
