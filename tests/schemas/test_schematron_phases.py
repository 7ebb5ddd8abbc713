"""Schematron phases: the phase asked for, the default phase, #ALL; an
unknown phase is refused; a schema whose rules do not compile is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main
from teikit.errors import UsageError
from teikit.validate.schematron import SchematronChecker
from teikit.xmlparse import parse_bytes

DOC = '<t:r xmlns:t="urn:t">\n<t:a/>\n<t:b/>\n</t:r>'


def _schema(tmp_path, default: str | None = None, body: str = "", name: str = "phased.sch", uri: str = "urn:t"):
    default_attr = f' defaultPhase="{default}"' if default else ""
    path = tmp_path / name
    path.write_text(
        f'<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3"{default_attr}>'
        f'<ns prefix="t" uri="{uri}"/>'
        '<phase id="only-a"><active pattern="pa"/></phase>'
        '<phase id="only-b"><let name="word" value="\'bee\'"/><active pattern="pb"/></phase>'
        '<pattern id="pa"><rule context="t:a"><report id="saw-a" test="true()">a</report></rule></pattern>'
        '<pattern id="pb"><rule context="t:b"><report id="saw-b" test="true()">b is <value-of select="$word"/></report>'
        '</rule></pattern>' + body + "</schema>", encoding="utf-8")
    return path


def _rules(path, phase=None):
    tree = parse_bytes(DOC.encode(), "doc.xml")
    return [(f.rule, f.message) for f in SchematronChecker(path, phase).check(tree, "doc.xml")]


def test_a_phase_runs_only_its_patterns_with_its_variables(tmp_path):
    path = _schema(tmp_path)
    assert _rules(path, "only-a") == [("saw-a", "a")]
    assert _rules(path, "only-b") == [("saw-b", "b is bee")]


def test_the_default_phase_is_honoured_and_all_can_be_asked_for(tmp_path):
    path = _schema(tmp_path, default="only-a")
    assert _rules(path) == [("saw-a", "a")]
    assert _rules(path, "#DEFAULT") == [("saw-a", "a")]
    # #ALL runs both patterns; the phase variable is not defined then, so pattern pb needs its own
    body = '<let name="word" value="\'any\'"/>'
    both = _schema(tmp_path, default="only-a", body=body, name="both.sch")
    assert sorted(_rules(both, "#ALL")) == [("saw-a", "a"), ("saw-b", "b is any")]


def test_an_unknown_phase_is_refused_with_the_phases_there_are(tmp_path):
    path = _schema(tmp_path)
    with pytest.raises(UsageError, match=r"phased\.sch: no phase 'nope' .*its phases: only-a, only-b"):
        _rules(path, "nope")


def test_validate_takes_the_phase_on_the_command_line(tmp_path):
    tei = "http://www.tei-c.org/ns/1.0"
    path = _schema(tmp_path, uri=tei)
    doc = tmp_path / "doc.xml"
    doc.write_text(DOC.replace("urn:t", tei), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(doc), "--schematron", str(path), "--phase", "only-b"])
    assert "[saw-b]" in result.output and "[saw-a]" not in result.output
    result = CliRunner().invoke(main, ["validate", str(doc), "--schematron", str(path), "--phase", "x"])
    assert result.exit_code == 2 and "no phase 'x'" in result.output and "Traceback" not in result.output


def test_a_rule_that_does_not_compile_names_the_users_schema(tmp_path):
    path = tmp_path / "broken.sch"
    path.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">'
                    '<pattern><rule context="*"><assert test="count(">x</assert></rule></pattern></schema>',
                    encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        SchematronChecker(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: the rules of this Schematron schema do not compile")
    assert ".xsl" not in message


def test_a_phase_without_schematron_is_refused(tmp_path):
    doc = tmp_path / "doc.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    rng = Path(__file__).resolve().parents[2] / "schemas" / "teikit.rng"
    result = CliRunner().invoke(main, ["validate", str(doc), "--schema", str(rng), "--phase", "p"])
    assert result.exit_code == 2 and "no Schematron schema runs" in result.output
