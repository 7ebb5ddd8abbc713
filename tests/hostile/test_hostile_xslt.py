"""The XSLT host (teikit.xslt) never lets a document make Saxon read or write a file,
and the project's stylesheets never try to."""

from __future__ import annotations

import re

import pytest
from hostile_support import HERE, ROOT
from lxml import etree

from teikit.errors import TeikitError
from teikit.xmlparse import parse_bytes
from teikit.xslt import Stylesheet

SHEETS = HERE / "stylesheets"
READERS = ["doc", "document", "unparsed-text", "unparsed-text-lines", "json-doc", "collection", "evaluate"]


@pytest.fixture(scope="module")
def reader():
    return Stylesheet(SHEETS / "read_from_input.xsl")


@pytest.fixture(scope="module")
def writer():
    return Stylesheet(SHEETS / "write_from_input.xsl")


def _doc(href: str):
    root = etree.Element("doc", href=href)
    return parse_bytes(etree.tostring(root), "doc.xml")


def _hrefs(workspace):
    secret = workspace.inputs / "secret.txt"
    return [
        secret.as_uri(),
        str(secret),
        "secret.txt",
        f"http://127.0.0.1:{workspace.port}/secret",
        workspace.inputs.as_uri() + "/?select=*.txt",
    ]


@pytest.mark.parametrize("how", READERS)
def test_no_function_reads_what_the_document_names(workspace, listener, reader, how, monkeypatch):
    monkeypatch.chdir(workspace.inputs)  # so that a relative href would find the secret
    for href in _hrefs(workspace):
        try:
            out = reader.transform(_doc(href), {"how": how}, name="doc.xml")
        except TeikitError as err:
            assert err.path == "doc.xml" and "\n" not in str(err)
            assert workspace.token not in str(err)
        else:
            assert workspace.token not in out
    assert listener.connections == []


def test_result_documents_are_never_written(tmp_path, writer, monkeypatch):
    monkeypatch.chdir(tmp_path)
    targets = [tmp_path / "absolute.txt", tmp_path / "uri.txt"]
    for href in [str(targets[0]), targets[1].as_uri(), "relative.txt", "../escaped.txt"]:
        try:
            out = writer.transform(_doc(href), name="doc.xml")
        except TeikitError:
            continue
        assert "main result" in out
    assert not any(tmp_path.rglob("*")), list(tmp_path.rglob("*"))
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_compiling_reaches_no_network(tmp_path, listener):
    sheet = tmp_path / "static_fetch.xsl"
    text = (SHEETS / "static_fetch.xsl").read_text(encoding="utf-8")
    sheet.write_text(text.replace("PORT", str(listener.port)), encoding="utf-8")
    out = Stylesheet(sheet).transform(_doc("x"), name="doc.xml")
    assert "<out>false</out>" in out
    assert listener.connections == []


def test_compiling_still_reads_local_includes(tmp_path):
    (tmp_path / "part.xsl").write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:template name="part"><part/></xsl:template></xsl:stylesheet>',
        encoding="utf-8",
    )
    (tmp_path / "main.xsl").write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:include href="part.xsl"/><xsl:template match="/"><xsl:call-template name="part"/></xsl:template>'
        "</xsl:stylesheet>",
        encoding="utf-8",
    )
    assert "<part/>" in Stylesheet(tmp_path / "main.xsl").transform(_doc("x"), name="doc.xml")


def test_saxon_chatter_becomes_one_line():
    sheet = Stylesheet(SHEETS / "fails.xsl")
    with pytest.raises(TeikitError) as caught:
        sheet.transform(_doc("x"), name="doc.xml")
    text = str(caught.value)
    assert text.startswith("doc.xml: transformation failed: ") and "\n" not in text


def test_missing_stylesheet_is_a_usage_error(tmp_path):
    with pytest.raises(TeikitError) as caught:
        Stylesheet(tmp_path / "none.xsl")
    assert caught.value.exit_code == 2


def test_doctype_of_the_input_never_reaches_saxon(reader):
    # An inert DOCTYPE is accepted by the parser; what Saxon gets has none.
    tree = parse_bytes(b'<!DOCTYPE doc>\n<doc href="x"/>', "doc.xml")
    assert "DOCTYPE" not in etree.tostring(tree.getroot(), encoding="unicode")


# -- the project's own stylesheets --------------------------------------------

# Functions and instructions that read or write a resource, or the environment.
_FORBIDDEN = re.compile(
    r"\b(doc|document|doc-available|unparsed-text|unparsed-text-lines|unparsed-text-available|json-doc|"
    r"collection|uri-collection|environment-variable|available-environment-variables|transform|"
    r"load-xquery-module)\s*\(|<xsl:(evaluate|result-document)\b"
)


def _project_stylesheets():
    return sorted(p for p in (ROOT / "xslt").rglob("*") if p.suffix in {".xsl", ".xslt"})


def test_project_stylesheets_never_dereference_anything():
    sheets = _project_stylesheets()
    if not sheets:
        pytest.skip("no stylesheets in xslt/ yet")
    offenders = []
    for path in sheets:
        text = path.read_text(encoding="utf-8")
        # Comments may mention the functions (to say they are not used).
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        for match in _FORBIDDEN.finditer(text):
            offenders.append(f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}: {match.group(0)}")
    assert not offenders, offenders


def test_project_stylesheets_never_disable_output_escaping():
    offenders = [
        str(path.relative_to(ROOT))
        for path in _project_stylesheets()
        if re.search(r'disable-output-escaping\s*=\s*["\']yes', path.read_text(encoding="utf-8"))
    ]
    assert not offenders, offenders


def test_only_the_xslt_host_talks_to_saxon():
    """Saxon gets users' documents only through teikit.xslt, which hands it parsed trees.

    Any other module using saxonche could let Saxon parse a user's file itself,
    with its own permissive entity and URI resolution.
    """
    package = ROOT / "src" / "teikit"
    api = re.compile(r"\bPySaxon\w*|\bfrom saxonche\b|\bimport saxonche\b|xml_file_name\s*=|transform_to_file\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "xslt.py" or path.parent != package
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if api.search(line)
    ]
    assert not offenders, offenders


def test_the_host_never_gives_saxon_a_file_name():
    source = (ROOT / "src" / "teikit" / "xslt.py").read_text(encoding="utf-8")
    assert "xml_file_name" not in source and "transform_to_file" not in source
    assert "parse_xml(xml_text=" in source
