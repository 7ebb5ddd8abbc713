"""``teikit validate``'s CI formats say what the exit status says, in every mode.

Also: a complete report when the run cannot start, JUnit's ``time``/``file``,
the JSON report checked key by key against the README's description of it,
and identical findings folded with their count.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from readme_commands import README, ROOT

CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"
VALID_DIR = ROOT / "tests" / "schemas" / "valid"
INVALID = ROOT / "tests" / "schemas" / "invalid" / "mark-without-hand.xml"

RULES_HEAD = '<schema xmlns="http://purl.oclc.org/dsdl/schematron"><ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'


def invoke(*args, input=None):
    from teikit.cli import main

    return CliRunner().invoke(main, ["validate", *map(str, args)], input=input)


@pytest.fixture
def warning_rules(tmp_path):
    """Schematron that gives the contract one warning and nothing else."""
    path = tmp_path / "warn.sch"
    path.write_text(RULES_HEAD + '<pattern><rule context="tei:TEI"><report id="w" role="warning" test="true()">'
                    "just so</report></rule></pattern></schema>")
    return path


@pytest.fixture
def repeating_rules(tmp_path):
    """Schematron whose one assertion is stated in three patterns, as TEI's rules do: three identical findings."""
    pattern = ('<pattern><rule context="tei:TEI"><report id="same" test="true()">the same problem</report>'
               "</rule></pattern>")
    path = tmp_path / "repeat.sch"
    path.write_text(RULES_HEAD + pattern * 3 + "</schema>")
    return path


def _junit(text: str) -> etree._Element:
    root = etree.fromstring(text.encode())
    assert root.tag == "testsuites"
    return root


@pytest.mark.parametrize("strict, status", [(False, 0), (True, 1)])
def test_every_format_agrees_with_the_exit_status_on_warnings(warning_rules, strict, status):
    flags = ["--strict"] if strict else []
    text = invoke(*flags, "--schematron", warning_rules, CONTRACT)
    assert text.exit_code == status, text.output
    assert text.output.splitlines()[-1].startswith("INVALID: " if strict else "valid: ")

    data = json.loads(invoke(*flags, "-f", "json", "--schematron", warning_rules, CONTRACT).output)
    assert data["exit_status"] == status and data["strict"] is strict
    assert data["status"] == ("invalid" if strict else "valid")
    assert data["files"][0]["valid"] is (not strict)
    assert data["summary"]["invalid"] == status

    junit = invoke(*flags, "-f", "junit", "--schematron", warning_rules, CONTRACT)
    assert junit.exit_code == status
    suite = _junit(junit.output).find("testsuite")
    assert suite.get("failures") == str(status)
    assert len(suite.findall("testcase/failure")) == status

    github = invoke(*flags, "-f", "github", "--schematron", warning_rules, CONTRACT)
    assert github.exit_code == status
    assert github.output.startswith("::error " if strict else "::warning ")


@pytest.mark.parametrize("fmt", ["json", "junit", "github", "text"])
def test_invalid_file_fails_in_every_format(fmt):
    result = invoke("-f", fmt, VALID_DIR, INVALID)
    assert result.exit_code == 1
    if fmt == "json":
        assert json.loads(result.output)["status"] == "invalid"
    elif fmt == "junit":
        assert _junit(result.output).find("testsuite").get("failures") == "1"
    elif fmt == "github":
        assert "invalid" in result.output.splitlines()[-1]
    else:
        assert result.output.splitlines()[-1].startswith("INVALID: ")


@pytest.mark.parametrize(
    "args",
    [["--schema", "no-such.rng"], ["--shard", "5/2"], ["--tei-all", "--tei-all-dir", "no-such-dir"]],
    ids=["missing-schema", "bad-shard", "no-tei-all"],
)
def test_a_run_that_cannot_start_still_writes_a_valid_junit_file(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = invoke(*args, "-f", "junit", "-o", "report.xml", CONTRACT)
    assert result.exit_code == 2
    root = _junit((tmp_path / "report.xml").read_text(encoding="utf-8"))
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("errors"), suite.get("failures")) == ("1", "1", "0")
    error = suite.find("testcase/error")
    assert error is not None and error.get("message")
    # The same reason is the one line on stderr.
    assert error.get("message") in result.output


def test_a_run_that_cannot_start_in_json_says_error(tmp_path):
    result = invoke("-f", "json", tmp_path / "nothing-here")
    assert result.exit_code == 2
    data = json.loads(result.output.split("\n", 1)[1] if result.output.startswith("teikit:") else result.output)
    assert (data["status"], data["exit_status"]) == ("error", 2)
    assert "nothing-here" in data["error"]


def test_junit_has_time_file_and_timestamp():
    suites = _junit(invoke("-f", "junit", VALID_DIR, INVALID).output)
    suite = suites.find("testsuite")
    assert float(suite.get("time")) > 0 and float(suites.get("time")) > 0
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", suite.get("timestamp"))
    cases = suite.findall("testcase")
    assert cases and all(Path(c.get("file")).is_file() and c.get("file") == c.get("name") for c in cases)


def test_identical_findings_are_folded_with_a_count(repeating_rules):
    data = json.loads(invoke("-f", "json", "--schematron", repeating_rules, CONTRACT).output)
    [finding] = data["files"][0]["findings"]
    assert (finding["rule"], finding["count"]) == ("same", 3)
    assert data["summary"]["errors"] == 3  # every occurrence counted
    text = invoke("--schematron", repeating_rules, CONTRACT).output.splitlines()
    assert len(text) == 2 and text[0].endswith("[same] (3 times)")
    junit = _junit(invoke("-f", "junit", "--schematron", repeating_rules, CONTRACT).output)
    assert junit.find(".//failure").text.count("the same problem") == 1


def _described_keys() -> dict[str, str]:
    """The README's table of the JSON report: key path -> type."""
    section = README[README.index("### The JSON report"):]
    section = section[: section.index("\n## ")]
    rows = re.findall(r"^\| `([^`]+)` \| ([^|]+) \|", section, re.M)
    assert rows, "the README's JSON report section has no table"
    return {key: kind.strip() for key, kind in rows}


_TYPES = {
    "string": str, "integer": int, "boolean": bool, "array": list, "object": dict,
    "string or null": (str, type(None)), "array of strings": list,
}


def _paths(value, prefix=""):
    """Every key path in ``value`` as the README writes them (``files[].path``)."""
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            yield path, item
            yield from _paths(item, path)
    elif isinstance(value, list):
        for item in value:
            yield from _paths(item, prefix + "[]")


@pytest.mark.parametrize("case", ["invalid", "could-not-run", "skipped"])
def test_json_report_matches_its_description_in_the_readme(case, tmp_path):
    described = _described_keys()
    if case == "invalid":
        result = invoke("-f", "json", VALID_DIR, INVALID)
    elif case == "skipped":
        other = tmp_path / "style.xsl"
        other.write_text('<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="3.0"/>')
        result = invoke("-f", "json", "--skip-non-tei", other, CONTRACT)
    else:
        result = invoke("-f", "json", "--schema", tmp_path / "missing.rng", CONTRACT)
    data = json.loads(result.output[result.output.index("{"):])
    seen = {}
    for path, value in _paths(data):
        assert path in described, f"the README does not describe the key {path}"
        expected = _TYPES[described[path]]
        assert isinstance(value, expected) and not (expected is int and isinstance(value, bool)), (path, value)
        seen[path] = value
    assert data["format"] == "teikit-validate" and data["version"] == 1
    assert data["exit_status"] == result.exit_code
    top = {k for k in described if "." not in k and "[" not in k}
    assert set(data) == top
    if case == "skipped":
        assert data["skipped"] == [str(tmp_path / "style.xsl")] and data["summary"]["skipped"] == 1


def test_stdin_is_one_document():
    result = invoke("-f", "json", "-", input=CONTRACT.read_bytes())
    assert result.exit_code == 0, result.output
    assert [f["path"] for f in json.loads(result.output)["files"]] == ["stdin"]
    bad = invoke("-", input=INVALID.read_bytes())
    assert bad.exit_code == 1 and bad.output.startswith("stdin:")
    assert invoke("-", CONTRACT, input=b"").exit_code == 2


def test_skip_non_tei_skips_only_other_vocabularies(tmp_path):
    (tmp_path / "style.xsl").write_text('<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="3.0"/>')
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (tmp_path / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><unclosed></TEI>")
    only_others = invoke("--skip-non-tei", tmp_path / "style.xsl", tmp_path / "logo.svg")
    assert only_others.exit_code == 0, only_others.output
    assert "2 skipped (root not TEI)" in only_others.output
    # A TEI file that is broken is still validated, and fails.
    broken = invoke("--skip-non-tei", tmp_path)
    assert broken.exit_code == 1 and "broken.xml" in broken.output
    # Without the option, an SVG fails as before.
    assert invoke(tmp_path / "logo.svg").exit_code == 1


def test_skip_non_tei_does_not_open_a_fifo(tmp_path):
    import os

    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    result = invoke("--skip-non-tei", fifo)  # would block forever if the FIFO were opened
    assert result.exit_code == 1 and "not a regular file" in result.output
