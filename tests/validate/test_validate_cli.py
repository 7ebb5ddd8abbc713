"""``teikit validate``: formats, exit status, bad input, sharding and parallel runs."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from validate_support import CONTRACT, INVALID_DIR, SCHEMAS, VALID_DIR, pre_commit_hooks


def invoke(*args):
    return CliRunner().invoke(main, ["validate", *map(str, args)])


def test_valid_folder_exit_0_and_summary():
    result = invoke(VALID_DIR)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("valid: 3 file(s) checked, 3 valid, 0 invalid")


def test_text_format_lines(tmp_path):
    result = invoke(INVALID_DIR / "stamp-plain-number.xml")
    assert result.exit_code == 1
    first, summary = result.output.splitlines()
    assert first.startswith(f"{INVALID_DIR / 'stamp-plain-number.xml'}:64:0: error: ")
    assert first.endswith("[teikit-stamp-structured]")
    assert summary.startswith("INVALID: 1 file(s) checked, 0 valid, 1 invalid; 1 error(s)")


def test_json_format():
    result = invoke("--format", "json", VALID_DIR, INVALID_DIR / "date-not-iso.xml")
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert data["summary"]["files"] == 4 and data["summary"]["invalid"] == 1
    bad = [f for f in data["files"] if not f["valid"]][0]
    assert {f["rule"] for f in bad["findings"]} == {"relaxng", "teikit-when-iso"}
    assert set(bad["findings"][0]) == {"path", "line", "column", "severity", "message", "rule", "count"}


def test_junit_format_one_testcase_per_file():
    result = invoke("-f", "junit", VALID_DIR, INVALID_DIR / "mark-without-hand.xml")
    suites = etree.fromstring(result.output.encode())
    cases = suites.findall(".//testcase")
    assert len(cases) == 4
    failures = suites.findall(".//testcase/failure")
    assert len(failures) == 1 and failures[0].get("type") == "teikit-mark-hand"
    assert suites.find("testsuite").get("failures") == "1"


def test_github_format_annotations():
    result = invoke("-f", "github", INVALID_DIR / "header-date-disagrees.xml")
    first = result.output.splitlines()[0]
    assert first.startswith(f"::error file={INVALID_DIR / 'header-date-disagrees.xml'},line=51,title=teikit-date-dateline::")
    assert "%0A" not in first


BAD_INPUTS = {
    "not-well-formed.xml": (b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n</TEI>', 3, "well-formed"),
    "wrong-namespace.xml": (b'<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/2.0"/>', 2, "teikit-root-namespace"),
    "not-utf8.xml": ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI>Ç</TEI>'.encode("latin-1"), 2, "well-formed"),
    "entities.xml": (
        b'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n<!ENTITY x "xx">\n]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>',
        2,
        "well-formed",
    ),
    "external-dtd.xml": (b'<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://example.invalid/tei.dtd">\n<TEI/>', 2, "well-formed"),
    "empty.xml": (b"", 1, "well-formed"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_finding_exit_1_no_traceback(tmp_path, name):
    data, line, rule = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = invoke("-f", "json", path)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    [entry] = json.loads(result.output)["files"]
    [finding] = entry["findings"]
    assert (finding["path"], finding["line"], finding["rule"]) == (str(path), line, rule)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written beside it


@pytest.mark.parametrize(
    "args",
    [
        ["--schema", "no-such.rng", "x.xml"],
        ["--schematron", "no-such.sch", "x.xml"],
        ["no-such-folder/"],
        ["--shard", "3/2", "x.xml"],
        ["--shard", "a", "x.xml"],
        ["--format", "yaml", "x.xml"],
        ["empty-folder"],
    ],
)
def test_could_not_run_exit_2(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.xml").write_bytes(CONTRACT.read_bytes())
    (tmp_path / "empty-folder").mkdir()
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_unusable_schema_exit_2(tmp_path):
    broken = tmp_path / "broken.rng"
    broken.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nowhere"/></start></grammar>')
    result = CliRunner().invoke(main, ["validate", "--schema", str(broken), str(CONTRACT)])
    assert result.exit_code == 2


def test_tei_all_without_the_schema_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_TEI_ALL", str(tmp_path))
    result = invoke("--tei-all", CONTRACT)
    assert result.exit_code == 2
    assert "teikit fetch-tei-all" in result.output


def test_tei_all_from_a_folder(tmp_path, monkeypatch):
    folder = tmp_path / "tei"
    folder.mkdir()
    shutil.copy(SCHEMAS / "teikit.rng", folder / "tei_all.rng")  # any RelaxNG will do to show the lookup
    monkeypatch.setenv("TEIKIT_TEI_ALL", str(folder))
    result = invoke("--tei-all", VALID_DIR / "telegram-1962.xml")
    assert result.exit_code == 0, result.output


def test_shards_cover_every_file_once():
    seen = []
    for index in (1, 2, 3):
        result = invoke("-f", "json", "--shard", f"{index}/3", INVALID_DIR)
        seen += [f["path"] for f in json.loads(result.output)["files"]]
    assert sorted(seen) == sorted(str(p) for p in INVALID_DIR.rglob("*.xml"))


def test_register_unused_is_right_in_every_shard():
    # The register's entries are all used by the valid documents, whichever shard holds them.
    for index in (1, 2, 3):
        result = invoke("--shard", f"{index}/3", VALID_DIR)
        assert result.exit_code == 0, result.output


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["2", "0"])
def test_parallel_run_gives_the_same_findings(jobs):
    one = json.loads(invoke("-f", "json", INVALID_DIR, VALID_DIR).output)
    two = json.loads(invoke("-f", "json", "-j", jobs, INVALID_DIR, VALID_DIR).output)
    assert one == two


def test_strict_fails_on_warnings(tmp_path):
    rules = tmp_path / "warn.sch"
    rules.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron"><ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
        '<pattern><rule context="tei:TEI"><report id="w" role="warning" test="true()">just so</report></rule></pattern></schema>'
    )
    assert invoke("--schematron", rules, CONTRACT).exit_code == 0
    assert invoke("--strict", "--schematron", rules, CONTRACT).exit_code == 1


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert "Example: teikit validate" in result.output


def test_pre_commit_hooks_name_real_options():
    hooks = pre_commit_hooks(SCHEMAS.parent / ".pre-commit-hooks.yaml")
    assert {h["id"] for h in hooks} == {"teikit-validate", "teikit-validate-tei-all"}
    for hook in hooks:
        words = hook["entry"].split()
        assert words[:2] == ["teikit", "validate"]
        result = CliRunner().invoke(main, [*words[1:], "--help"])
        assert result.exit_code == 0, result.output
