"""The one hardened parser (teikit.xmlparse) on hostile, broken and unusual XML."""

from __future__ import annotations

import os

import pytest
from hostile_support import CORPUS, GENERATED, huge_sane
from lxml import etree

from teikit import TEI_NS
from teikit.errors import TeikitError
from teikit.xmlparse import Limits, parse_bytes, parse_file, read_limited

# name -> (line of the problem, words the message must hold)
REFUSED = {
    "billion_laughs.xml": (2, "entities"),
    "xxe_file.xml": (2, "entities"),
    "xxe_parameter.xml": (2, "entities"),
    "external_entity_http.xml": (2, "entities"),
    "external_dtd.xml": (2, "external DTD"),
    "not_wellformed.xml": (12, "not well-formed"),
    "empty.xml": (1, "empty"),
    "latin1_as_utf8.xml": (12, "UTF-8"),
    "nul.xml": (12, "not well-formed"),
    "control.xml": (12, "not well-formed"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_file_and_line(workspace, name):
    line, words = REFUSED[name]
    path = workspace.place(name)
    with pytest.raises(TeikitError) as caught:
        parse_file(path)
    err = caught.value
    assert (err.path, err.line) == (str(path), line)
    assert words in err.message
    assert "\n" not in str(err)
    assert workspace.token not in str(err)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("deep_nesting.xml", "nested deeper than"),
        ("huge_text_node.xml", "text node"),
        ("gzip_bomb.xml", "gzip"),
    ],
)
def test_resource_exhaustion_stopped_with_clear_message(workspace, name, words):
    path = workspace.place(name, GENERATED[name]())
    with pytest.raises(TeikitError) as caught:
        parse_file(path)
    assert words in caught.value.message
    assert caught.value.path == str(path) and caught.value.line
    assert "XML_PARSE_HUGE" not in str(caught.value)  # libxml2's build options mean nothing to users


def test_own_depth_limit_reports_the_line():
    data = b"<a>\n" + b"<b>\n" * 30 + b"</b>" * 30 + b"</a>"
    with pytest.raises(TeikitError) as caught:
        parse_bytes(data, "deep.xml", Limits(max_depth=10))
    assert caught.value.line == 11 and "10 levels" in caught.value.message


def test_own_text_limit_covers_attributes_too():
    data = b'<a>\n<b c="' + b"x" * 2000 + b'"/></a>'
    with pytest.raises(TeikitError) as caught:
        parse_bytes(data, "attr.xml", Limits(max_text=1000))
    assert caught.value.line == 2


def test_file_size_limit(tmp_path):
    path = tmp_path / "big.xml"
    path.write_bytes(b"<a>" + b"x" * 5000 + b"</a>")
    with pytest.raises(TeikitError, match="larger than the limit"):
        parse_file(path, Limits(max_bytes=1000))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("latin1_declared.xml", "Café, Müller, ¿qué? § 12."),
        ("utf16_bom.xml", "Правда and 김일성 and 毛泽东."),
    ],
)
def test_legal_encodings_are_decoded(workspace, name, text):
    tree = parse_file(workspace.place(name))
    assert tree.getroot().findtext(f".//{{{TEI_NS}}}body/{{{TEI_NS}}}p") == text


def test_xinclude_is_never_processed(workspace):
    tree = parse_file(workspace.place("xinclude.xml"))
    serialized = etree.tostring(tree, encoding="unicode")
    assert workspace.token not in serialized
    assert "{http://www.w3.org/2001/XInclude}include" in {e.tag for e in tree.iter()}


def test_stylesheet_pi_is_inert(workspace):
    tree = parse_file(workspace.place("xml_stylesheet_pi.xml"))
    assert tree.getroot().tag == f"{{{TEI_NS}}}TEI"


def test_doctype_in_utf16_is_still_refused():
    data = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE a [<!ENTITY x "y">]>\n<a>&x;</a>'.encode("utf-16")
    with pytest.raises(TeikitError, match="entities"):
        parse_bytes(data, "u16.xml")


def test_inert_doctype_without_declarations_is_accepted():
    assert parse_bytes(b"<!DOCTYPE TEI>\n<TEI/>", "plain.xml").getroot().tag == "TEI"


def test_undeclared_entity_is_an_error_not_a_lookup():
    with pytest.raises(TeikitError, match="not defined") as caught:
        parse_bytes(b"<a>\n&secret;</a>", "ent.xml")
    assert caught.value.line == 2


def test_huge_but_sane_document_parses():
    data = huge_sane()
    tree = parse_bytes(data, "huge.xml")
    assert len(tree.getroot().findall(f".//{{{TEI_NS}}}body//{{{TEI_NS}}}p")) == 20_000


@pytest.mark.parametrize("kind", ["missing", "directory", "fifo", "device"])
def test_unreadable_inputs(tmp_path, kind):
    path = tmp_path / "input.xml"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)  # opening it would block forever
    elif kind == "device":
        path.symlink_to(os.devnull if not os.path.exists("/dev/zero") else "/dev/zero")  # endless bytes
    with pytest.raises(TeikitError) as caught:
        read_limited(path)
    assert caught.value.path == str(path)


def test_parameter_entities_that_nothing_uses_are_inert():
    # P4-era module switches: read only by an external DTD, which is never loaded.
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n <!ENTITY % TEI.drama "INCLUDE">\n'
            b' <!ENTITY % TEI.verse \'INCLUDE\'>\n <!-- a ] in a comment -->\n]>\n'
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Tom &amp; Jerry &#233;</p></body></text></TEI>')
    tree = parse_bytes(data, "p4.xml")
    assert tree.getroot().findtext(f".//{{{TEI_NS}}}p") == "Tom & Jerry é"


@pytest.mark.parametrize("use", [b"<p>&x;</p>", b'<p rend="&x;">y</p>'])
def test_a_declared_entity_in_use_is_refused_in_text_and_attributes(use):
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n <!ENTITY x "expanded">\n]>\n'
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>' + use + b"</body></text></TEI>")
    with pytest.raises(TeikitError, match=r"uses them \(&x;\)") as caught:
        parse_bytes(data, "used.xml")
    assert caught.value.line == 2


def test_a_parameter_entity_referenced_in_the_subset_is_refused():
    data = b'<!DOCTYPE a [\n<!ENTITY % m "INCLUDE">\n<![%m;[ <!ENTITY y "z"> ]]>\n]>\n<a/>'
    with pytest.raises(TeikitError, match=r"%m;"):
        parse_bytes(data, "pe.xml")
