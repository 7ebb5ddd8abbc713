"""The export on TEI the converter did not write (other projects', the contract)."""

from __future__ import annotations

from convert_support import ROOT

from teikit.export import export_text
from teikit.xmlparse import parse_bytes, parse_file

CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"


def _export(xml: str) -> str:
    return export_text(parse_bytes(xml.encode("utf-8"), "t.xml"), "t.xml")


def test_contract_sample_exports_with_brackets():
    text = export_text(parse_file(CONTRACT))
    lines = text.splitlines()
    assert lines[:3] == ["Secret", "Copy Nº: 2", "[CPSU CC stamp: 19373"]
    assert "9 Junes 1969" in lines
    assert "[signature] (Yu. Fadeyev)" in lines
    assert any("The PTV [Worker’s Party of Vietnam] took part" in line for line in lines)
    assert any("[Translator’s note: the previous sentence was highlighted in the left margin]" in line for line in lines)
    assert any('[[N. P. Varnov?]]' in line for line in lines)
    assert "x x x" in lines


def test_foreign_tei_without_namespace_prefix_layout():
    xml = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Not exported</title>
    </titleStmt></fileDesc></teiHeader><text><front><p>Front matter</p></front><body>
      <div>
        <head>A heading</head>
        <p>First line<lb/>second line with
           layout whitespace and <choice><orig>olde</orig><reg>old</reg></choice> spelling.</p>
        <list><item>one</item><item>two</item></list>
      </div>
    </body></text></TEI>"""
    # The front matter is part of the text too; the header is not.
    assert _export(xml) == ("Front matter\nA heading\nFirst line\nsecond line with layout whitespace and olde spelling."
                            "\none\ntwo\n")


def test_tei_without_body_exports_its_text():
    xml = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><para>Hello</para> world</TEI>'
    assert _export(xml) == "Hello world\n"


def test_non_tei_root_is_refused():
    import pytest

    from teikit.errors import TeikitError

    with pytest.raises(TeikitError) as caught:
        _export("<doc>\n<p>Hello</p></doc>")
    assert caught.value.path == "t.xml" and caught.value.line == 1 and "not a TEI document" in caught.value.message
