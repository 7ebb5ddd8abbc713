"""Validation reports whatever the file names hold: no forged CI command, a complete report in every format."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest
from hostile_support import CONTRACT, assert_no_traceback, run
from lxml import etree

from teikit.errors import printable
from teikit.validate.finding import Finding
from teikit.validate.report import FORMATTERS, Outcome
from teikit.validate.runner import FileResult

FORGED = "x.xml\n::add-mask::hidden\n::error file=forged.xml,line=1::forged.xml"
NAMES = [FORGED, "ctl\x01\x1b[2J.xml", "not-utf8-\udcff\udcfe.xml", "tab\tand\rreturn.xml", "fine.xml"]
#: What a CI runner would act on if it began a line.
COMMAND = re.compile(r"^\s*::")


def _outcome() -> Outcome:
    results = [FileResult(name, [Finding(name, 3, 1, "error", f"bad {name}", "rule\n::warning::x")]) for name in NAMES]
    return Outcome(results=results)


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
def test_every_format_is_written_whatever_the_names(fmt):
    report = FORMATTERS[fmt](_outcome())
    report.encode("utf-8")  # writable as UTF-8 (no lone surrogate)
    lines = report.splitlines()
    if fmt == "github":
        # one annotation per finding, then the summary; nothing forged between them
        assert len(lines) == len(NAMES) + 1, lines
        assert all(ln.startswith("::error file=") for ln in lines[:-1]), lines
        assert not any("\x1b" in ln or "\x01" in ln for ln in lines)
    else:
        assert not [ln for ln in lines if COMMAND.match(ln) or "::add-mask::" in ln and ln.startswith("::")], lines
    if fmt == "text":
        assert len(lines) == len(NAMES) + 1
        for name, line in zip(NAMES, lines):
            assert line.startswith(printable(name) + ":3:1: error: ")
    if fmt == "junit":
        suite = etree.fromstring(report.encode("utf-8"))
        cases = suite.findall(".//testcase")
        assert [c.get("file") for c in cases] == [printable(n) for n in NAMES]
        assert len(suite.findall(".//failure")) == len(NAMES)
    if fmt == "json":
        data = json.loads(report)
        assert len(data["files"]) == len(NAMES)
        assert data["files"][0]["path"] == FORGED  # valid UTF-8: kept exactly, JSON escapes it


@pytest.mark.parametrize("fmt", ["text", "junit", "json", "github"])
def test_validate_a_folder_of_hostile_names(tmp_path, fmt):
    folder = tmp_path / "tei"
    folder.mkdir()
    for name in NAMES:
        if "\r" in name:
            continue
        shutil.copy(CONTRACT, os.path.join(os.fsencode(folder), os.fsencode(name)))
    report = tmp_path / f"report.{fmt}"
    # The register the contract document's names point at, from outside the folder of hostile names.
    register = CONTRACT.parents[1] / "schemas" / "valid" / "register.xml"
    result = run("validate", "-f", fmt, "-o", report, "--register", register, folder)
    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    text = report.read_text(encoding="utf-8")
    if fmt != "github":
        assert not [ln for ln in text.splitlines() if COMMAND.match(ln)]
    if fmt == "junit":
        assert len(etree.fromstring(text.encode()).findall(".//testcase")) == len(NAMES) - 1


def test_convert_warnings_name_a_forged_file_on_one_line(tmp_path):
    source = os.path.join(os.fsencode(tmp_path), b"memo\n::error file=x::forged.txt")
    with open(source, "wb") as out:
        out.write(b"Memo\n\nText [sic\n")
    result = run("convert", os.fsdecode(source), "-o", tmp_path / "out.xml")
    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(ln.startswith(str(tmp_path)) for ln in lines), lines
    assert any(ln.endswith("warning: unclosed bracket at column 6; kept as text") for ln in lines)
