"""The project's fixtures: valid ones pass (and are tei_all too), invalid ones fail where they say."""

from __future__ import annotations

import pytest

from teikit.validate import Options, run
from teikit.xmlparse import parse_file
from validate_support import CONTRACT, INVALID_DIR, VALID_DIR, expectation, invalid_fixtures


def test_valid_folder_passes():
    results = run([VALID_DIR])
    assert len(results) >= 3
    for result in results:
        assert result.findings == [], result.path


def test_contract_passes_with_the_register(project_validator):
    options = Options(register=str(VALID_DIR / "register.xml"))
    [result] = run([CONTRACT], options)
    assert result.findings == []


@pytest.mark.parametrize("path", sorted(VALID_DIR.glob("*.xml")) + [CONTRACT], ids=lambda p: p.name)
def test_valid_fixtures_are_tei_all(path, assert_tei_all):
    assert_tei_all(parse_file(path))


@pytest.fixture(scope="module")
def invalid_results():
    # The fixtures are judged on their own folders: the bundled edition's
    # register, which documents without a register beside them fall back to,
    # is hidden so that "no register at all" can be shown.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("teikit.bundled.bundled_register", lambda: None)
        return {r.path: r for r in run([INVALID_DIR])}


def test_without_a_register_beside_it_a_document_uses_the_bundled_one(tmp_path):
    """As the converter does: names tagged from the bundled register resolve against it."""
    from teikit.bundled import bundled_register

    if bundled_register() is None:
        pytest.skip("no bundled edition in this installation")
    memo = tmp_path / "memo.xml"
    # The fixture names one person the bundled edition's register does not list.
    fixture = (INVALID_DIR / "no-register" / "memo.xml").read_text(encoding="utf-8")
    memo.write_text(fixture.replace(' ref="register.xml#per-pak-seong-cheol"', ""), encoding="utf-8")
    findings = run([memo])[0].findings
    assert not [f for f in findings if f.rule.startswith("teikit-register")], findings
    text = memo.read_text(encoding="utf-8").replace("register.xml#per-yakovlev-p", "register.xml#per-nobody-x")
    memo.write_text(text, encoding="utf-8")
    rules = {f.rule for f in run([memo])[0].findings}
    assert "teikit-register-missing" in rules, rules


@pytest.mark.parametrize("path", invalid_fixtures(), ids=lambda p: str(p.relative_to(INVALID_DIR)))
def test_invalid_fixture_fails_with_its_rule_and_line(path, invalid_results):
    rule, line = expectation(path)
    result = invalid_results[str(path)]
    located = [(f.rule, f.line) for f in result.findings]
    assert (rule, line) in located, located
    severity = next(f.severity for f in result.findings if (f.rule, f.line) == (rule, line))
    # An unused register entry is a warning (the register may serve documents to come).
    assert result.valid == (severity == "warning")


def test_every_rule_of_the_schematron_has_an_invalid_fixture():
    from lxml import etree

    sch = etree.parse(str(VALID_DIR.parents[2] / "schemas" / "teikit.sch"))
    ns = {"sch": "http://purl.oclc.org/dsdl/schematron"}
    ids = {e.get("id") for e in sch.xpath("//sch:assert | //sch:report", namespaces=ns)}
    assert all(ids), "every assert and report needs an @id"
    covered = {expectation(p)[0] for p in invalid_fixtures()}
    assert ids <= covered, ids - covered


def test_register_alone_does_not_report_unused_entries(project_validator):
    # Without the documents that use it, "unused" cannot be known.
    assert project_validator.validate_file(VALID_DIR / "register.xml") == []


def test_trees_without_a_location_skip_register_checks(project_validator):
    assert project_validator.validate_tree(parse_file(CONTRACT), "contract") == []


def test_a_validator_given_the_register_uses_it_for_trees():
    from teikit.validate import Validator

    validator = Validator(register=VALID_DIR / "register.xml")
    assert validator.validate_tree(parse_file(CONTRACT), "contract.xml") == []
    broken = parse_file(INVALID_DIR / "register-entry-missing.xml")
    assert "teikit-register-missing" in {f.rule for f in validator.validate_tree(broken, "broken.xml")}
