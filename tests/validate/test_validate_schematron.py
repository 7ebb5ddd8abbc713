"""The Schematron compiler: ISO semantics, and TEI's own 241 rules."""

from __future__ import annotations

import pytest
from lxml import etree

from teikit.errors import UsageError
from teikit.validate.schematron import SchematronChecker, line_of_path
from teikit.validate.schematron_compile import compile_schematron
from teikit.xmlparse import parse_bytes, parse_file
from validate_support import CONTRACT, FOREIGN_DIR, TEI_ALL_SCH

SCH_HEAD = '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3"><ns prefix="t" uri="urn:t"/>'


def check(tmp_path, body: str, document: str, params=None, name="rules.sch"):
    schema = tmp_path / name
    schema.write_text(SCH_HEAD + body + "</schema>", encoding="utf-8")
    tree = parse_bytes(document.encode(), "doc.xml")
    return SchematronChecker(schema).check(tree, "doc.xml", params)


DOC = '<t:r xmlns:t="urn:t">\n<t:a n="1"/>\n<t:a n="2"/>\n<t:b n="x">text</t:b>\n</t:r>'


def test_assert_report_lines_and_messages(tmp_path):
    findings = check(
        tmp_path,
        '<pattern><rule context="t:a"><assert id="is-one" test="@n = \'1\'">a has n=<value-of select="@n"/> in <name path=".."/></assert>'
        '<report id="has-n" test="@n = \'2\'" role="warning">second <name/></report></rule></pattern>',
        DOC,
    )
    assert [(f.rule, f.line, f.severity, f.message) for f in findings] == [
        ("is-one", 3, "error", "a has n=2 in t:r"),
        ("has-n", 3, "warning", "second t:a"),
    ]


def test_first_matching_rule_of_a_pattern_wins(tmp_path):
    findings = check(
        tmp_path,
        '<pattern id="p"><rule context="t:a[@n=\'1\']"><report id="first" test="true()">first</report></rule>'
        '<rule context="t:a"><report id="second" test="true()">second</report></rule></pattern>',
        DOC,
    )
    assert [(f.rule, f.line) for f in findings] == [("first", 2), ("second", 3)]


def test_lets_at_every_level_and_parameters(tmp_path):
    body = (
        '<let name="limit" value="\'0\'"/>'
        '<pattern><let name="count-a" value="count(//t:a)"/>'
        '<rule context="t:r"><let name="twice" value="$count-a * 2"/>'
        '<report id="sum" test="true()"><value-of select="$twice"/> over <value-of select="$limit"/></report></rule></pattern>'
    )
    [finding] = check(tmp_path, body, DOC, params={"limit": "7", "undeclared": "ignored"})
    assert finding.message == "4 over 7"


def test_attribute_contexts_report_their_element_line(tmp_path):
    [finding] = check(tmp_path, '<pattern><rule context="@n[. = \'x\']"><report id="x" test="true()">bad n</report></rule></pattern>', DOC)
    assert (finding.rule, finding.line) == ("x", 4)


def test_diagnostics_abstract_rules_and_patterns(tmp_path):
    body = (
        '<pattern abstract="true" id="has"><rule context="$el"><assert id="need" test="$attr" diagnostics="d">missing</assert></rule></pattern>'
        '<pattern is-a="has" id="b-needs-m"><param name="el" value="t:b"/><param name="attr" value="@m"/></pattern>'
        '<pattern><rule abstract="true" id="base"><report id="inherited" test="@n = \'x\'">from base</report></rule>'
        '<rule context="t:b"><extends rule="base"/></rule></pattern>'
        '<diagnostics><diagnostic id="d">(on <name/>)</diagnostic></diagnostics>'
    )
    findings = check(tmp_path, body, DOC)
    assert sorted((f.rule, f.message) for f in findings) == [("inherited", "from base"), ("need", "missing (on t:b)")]


def test_include_is_resolved_when_compiling(tmp_path):
    (tmp_path / "part.sch").write_text(
        '<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><rule context="t:b"><report id="inc" test="true()">included</report></rule></pattern>'
    )
    [finding] = check(tmp_path, '<include href="part.sch"/>', DOC)
    assert finding.rule == "inc"


def test_unsupported_query_binding_is_a_usage_error(tmp_path):
    path = tmp_path / "old.sch"
    path.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="exslt"/>')
    with pytest.raises(UsageError):
        compile_schematron(path)


def test_a_broken_xpath_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        check(tmp_path, '<pattern><rule context="t:a"><assert test="((">x</assert></rule></pattern>', DOC, name="broken.sch")


def test_path_to_line_follows_namespaced_steps():
    tree = parse_bytes(b'<r xmlns="urn:x">\n<a/>\n<a>\n<b/></a></r>', "d")
    assert line_of_path(tree.getroot(), "/Q{urn:x}r[1]/Q{urn:x}a[2]/Q{urn:x}b[1]") == 4
    assert line_of_path(tree.getroot(), "/Q{urn:x}r[1]/Q{urn:x}a[1]/@n") == 2
    assert line_of_path(tree.getroot(), "/Q{urn:x}r[1]/Q{urn:x}a[9]") == 1


@pytest.fixture(scope="module")
def tei_rules():
    if not TEI_ALL_SCH.is_file():
        pytest.skip("../shared/tei/tei_all.isosch is not present")
    return SchematronChecker(TEI_ALL_SCH)


def test_tei_rules_compile_all_241(tei_rules):
    source = etree.fromstring(compile_schematron(TEI_ALL_SCH).encode())
    modes = source.findall("{http://www.w3.org/1999/XSL/Transform}mode")
    templates = source.findall("{http://www.w3.org/1999/XSL/Transform}template")
    rules = [t for t in templates if (t.get("mode") or "").startswith("f:p") and not t.get("priority", "0").startswith("-")]
    assert len(rules) == 241
    assert len(modes) == 237


def test_tei_rules_pass_clean_documents(tei_rules):
    for path in (CONTRACT, FOREIGN_DIR / "frus-like.xml"):
        assert [f for f in tei_rules.check(parse_file(path), str(path)) if f.is_error] == []


def test_tei_rules_catch_what_they_should(tei_rules):
    document = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>\n'
        '<p><addSpan/></p>\n'
        '<p><date when="1962" from="1961">x</date></p>\n'
        '<div><head>x</head><list type="gloss"><item>no label</item></list></div>\n'
        "</body></text></TEI>"
    )
    findings = tei_rules.check(parse_bytes(document.encode(), "t.xml"), "t.xml")
    found = {(f.rule.rsplit("-", 1)[0], f.line, f.severity) for f in findings}
    assert ("schematron-constraint-tei_all-addSpan-addSpan-requires-spanTo", 2, "error") in found
    assert ("schematron-constraint-tei_all-att.datable.w3c-att-datable-w3c-when", 3, "warning") in found
    assert any(rule.startswith("schematron-constraint-tei_all-list-gloss") and line == 4 for rule, line, _ in found)


def test_a_dynamic_error_is_a_finding_for_that_document_only(tmp_path):
    body = '<pattern><rule context="t:b"><assert id="date" test="@n cast as xs:date gt xs:date(\'1900-01-01\')">old</assert></rule></pattern>'
    schema = tmp_path / "rules.sch"
    schema.write_text(SCH_HEAD.replace('<ns prefix="t"', '<ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/><ns prefix="t"') + body + "</schema>")
    checker = SchematronChecker(schema)
    bad = parse_bytes(DOC.encode(), "bad")
    good = parse_bytes(DOC.replace('n="x"', 'n="1999-01-01"').encode(), "good")
    assert [f.rule for f in checker.check(bad, "bad")] == ["schematron-dynamic-error"]
    assert checker.check(good, "good") == []
