"""Cutting tei_all per document changes no verdict: against the whole schema, and against Jing.

The corpus (prune_corpus.py): this repository's TEI files, TEI's own
p5subset.xml, every corpus translation converted as ``teikit convert`` does,
and each of those with one of 13 kinds of planted fault (plus one kind of
valid change that brings in new names).
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from prune_corpus import FAULTS, converted_documents, planted, real_documents
from validate_support import INVALID_DIR, JING_JAR, P5SUBSET, SCHEMAS, TEI_ALL_RNG, VALID_DIR

from teikit.errors import UsageError
from teikit.validate import Validator
from teikit.validate.prune import Grammar, Unsupported, document_names
from teikit.validate.relaxng import RelaxNGChecker

needs_tei_all = pytest.mark.skipif(not TEI_ALL_RNG.is_file(), reason="../shared/tei/tei_all.rng is not present")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("prune-corpus")
    real = real_documents()
    converted = converted_documents(folder)
    bases = [path for path in real if path != P5SUBSET] + converted
    return real + converted + list(planted(bases, folder))


@pytest.fixture(scope="module")
def outcomes(corpus):
    """Per document: (valid, first error's line, its message) with the whole schema and with the cut one."""
    whole, cut = Validator(TEI_ALL_RNG, prune=False), Validator(TEI_ALL_RNG)
    assert not whole.relaxng.prunes and cut.relaxng.prunes
    return {path: (_outcome(whole, path), _outcome(cut, path)) for path in corpus}


def _outcome(validator: Validator, path: Path) -> tuple[bool, int | None, str | None]:
    errors = [finding for finding in validator.validate_file(path) if finding.is_error]
    return (not errors, errors[0].line if errors else None, errors[0].message if errors else None)


def _inside(path: Path, outer_line: int, inner_line: int) -> bool:
    """Whether an element that starts on ``outer_line`` holds something on ``inner_line``."""
    for element in etree.parse(str(path)).getroot().iter(etree.Element):
        if element.sourceline == outer_line:
            last = max(item.sourceline or 0 for item in element.iter())
            if outer_line <= inner_line <= last:
                return True
    return False


@needs_tei_all
@pytest.mark.slow
def test_the_corpus_is_varied(corpus, outcomes):
    # Real documents, converted ones, and every kind of planted fault; the faults really are faults.
    names = [path.name for path in corpus]
    assert sum(name.startswith("converted-") and "--" not in name for name in names) >= 4
    kinds = Counter(name.rsplit("--", 1)[1][:-4] for name in names if "--" in name)
    assert set(kinds) == set(FAULTS) and min(kinds.values()) >= 5
    for path, (whole, _) in outcomes.items():
        kind = path.stem.rsplit("--", 1)[1] if "--" in path.stem else None
        if kind not in (None, "valid_additions"):
            assert not whole[0], f"{path.name}: the planted fault went unnoticed"
    valid_bases = {path.stem for path, (whole, _) in outcomes.items() if "--" not in path.stem and whole[0]}
    assert len(valid_bases) >= 10


@needs_tei_all
@pytest.mark.slow
def test_cutting_keeps_every_verdict_and_first_error(outcomes):
    wrong = []
    for path, (whole, cut) in outcomes.items():
        if whole[0] != cut[0]:
            wrong.append(f"{path.name}: verdict {whole[0]} with the whole schema, {cut[0]} cut")
        elif whole[1] != cut[1] and not _inside(path, whole[1], cut[1]):
            # The one allowed difference: libxml2, given the whole schema, validates some TEI elements
            # without their (ambiguous) automaton and then blames the enclosing element; the cut schema
            # names the faulty place inside it. Anything else is a regression.
            wrong.append(f"{path.name}: first error on line {whole[1]} ({whole[2]}), cut on line {cut[1]} ({cut[2]})")
    assert not wrong, "\n".join(wrong[:20])


@needs_tei_all
@pytest.mark.slow
def test_cut_verdicts_are_jings(java, corpus, outcomes):
    done = subprocess.run(
        [java, "-jar", JING_JAR, str(TEI_ALL_RNG), *map(str, corpus)], capture_output=True, text=True, timeout=600
    )
    rejected = {match.group(1) for match in re.finditer(r"^(.*?):\d+:\d+: (?:error|fatal)", done.stdout, re.M)}
    assert rejected, done.stdout[-2000:] + done.stderr[-2000:]
    wrong = []
    for path, (whole, cut) in outcomes.items():
        jing = str(path) not in rejected
        if cut[0] == jing:
            continue
        # libxml2 checks xsd:anyURI more strictly than Jing: "{" (a template placeholder in the
        # hostile corpus) is refused. That is the two validators differing, not the cut schema:
        # the whole schema says the same.
        if whole[0] == cut[0] and "Invalid attribute base" in (cut[2] or "") and "{" in _xml_base(path):
            continue
        wrong.append(f"{path.name}: teikit {'valid' if cut[0] else 'invalid: ' + str(cut[2])}, Jing {jing}")
    assert not wrong, "\n".join(wrong[:20])


def _xml_base(path: Path) -> str:
    return etree.parse(str(path)).getroot().get("{http://www.w3.org/XML/1998/namespace}base", "")


@needs_tei_all
def test_the_cut_schema_keeps_only_what_the_document_reaches():
    grammar = Grammar(etree.parse(str(TEI_ALL_RNG)).getroot())
    assert grammar.element_count > 500
    document = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        b"<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
        b"<text><body><p>x</p></body></text></TEI>"
    )
    text = grammar.prune(*document_names(document))
    kept = etree.fromstring(text).iter("{http://relaxng.org/ns/structure/1.0}element")
    assert {element[0].text for element in kept} <= {e.tag.split("}")[1] for e in document.iter()}
    assert etree.RelaxNG(etree.fromstring(text)).validate(document)


@needs_tei_all
@pytest.mark.slow
def test_messages_for_missing_required_elements_are_the_whole_schemas():
    # teiHeader and then sourceDesc are absent, so their patterns match nothing; their stubs keep
    # libxml2 saying what it says with the whole schema.
    cut, whole = RelaxNGChecker(TEI_ALL_RNG), RelaxNGChecker(TEI_ALL_RNG, prune=False)
    no_header = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>'
    no_source = (
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        b"<publicationStmt><p>p</p></publicationStmt></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>"
    )
    for text in (no_header, no_source):
        tree = etree.ElementTree(etree.fromstring(text))
        expected = [(f.line, f.message) for f in whole.check(tree, "t.xml")]
        assert expected and [(f.line, f.message) for f in cut.check(tree, "t.xml")] == expected


@needs_tei_all
def test_a_schema_cut_for_more_names_is_reused_and_errors_come_from_the_exact_cut():
    checker = RelaxNGChecker(TEI_ALL_RNG)
    head = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
    head += b"<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
    rich = etree.ElementTree(etree.fromstring(head + b'<text><body><p>x <hi rend="b">y</hi></p></body></text></TEI>'))
    plain = etree.ElementTree(etree.fromstring(head + b"<text><body><p>x</p></body></text></TEI>"))
    broken = etree.ElementTree(etree.fromstring(head + b"<text><body><p>x</p><title>z</title></body></text></TEI>"))
    assert checker.check(rich, "rich.xml") == [] and checker.check(plain, "plain.xml") == []
    assert len(checker._cut) == 1  # the plain document's names are covered by the rich one's
    alone = RelaxNGChecker(TEI_ALL_RNG)
    assert [f.message for f in checker.check(broken, "b.xml")] == [f.message for f in alone.check(broken, "b.xml")]


def test_a_small_schema_is_compiled_whole():
    assert not RelaxNGChecker(SCHEMAS / "teikit.rng").prunes


RNG = 'xmlns="http://relaxng.org/ns/structure/1.0"'


@pytest.mark.parametrize(
    "schema, construct",
    [
        (f'<grammar {RNG}><include href="other.rng"/><start><ref name="a"/></start></grammar>', "include"),
        (f'<grammar {RNG}><start><externalRef href="other.rng"/></start></grammar>', "externalRef"),
        (f'<grammar {RNG}><start><element name="a"><grammar><start><parentRef name="x"/></start></grammar>'
         f"</element></start><define name=\"x\"><empty/></define></grammar>", "grammar"),
        (f'<grammar {RNG} xmlns:q="urn:q"><start><element name="a"><attribute name="t"><value type="QName" '
         f'datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">q:x</value></attribute></element></start></grammar>',
         "QName"),
        (f'<grammar {RNG}><start><ref name="a"/></start><define name="a"><empty/></define>'
         f'<define name="a"><text/></define></grammar>', "twice"),
    ],
)
def test_constructs_the_pruner_does_not_handle_are_refused(schema, construct):
    with pytest.raises(Unsupported, match=construct):
        Grammar(etree.fromstring(schema))


def test_unsupported_schemas_fall_back_to_the_whole_compile(tmp_path):
    schema = tmp_path / "external.rng"
    (tmp_path / "other.rng").write_text(f'<element name="a" {RNG}><empty/></element>', encoding="utf-8")
    schema.write_text(f'<grammar {RNG}><start><externalRef href="other.rng"/></start></grammar>', encoding="utf-8")
    checker = RelaxNGChecker(schema)
    assert not checker.prunes
    assert checker.check(etree.ElementTree(etree.fromstring(b"<a/>")), "a.xml") == []
    assert checker.check(etree.ElementTree(etree.fromstring(b"<b/>")), "b.xml")


# --- the same property on a small schema with every construct the pruner handles, on generated documents ---

CONSTRUCTS = Path(__file__).resolve().parent / "fixtures" / "prune-constructs.rng"
_ELEMENTS = [f"{{{ns}}}{local}" if ns else local for ns in ("urn:x", "urn:y", "") for local in "a b c d e f g alt z".split()]
_ATTRIBUTES = ["n", "{urn:x}id", "kind", "when", "req", "{urn:y}k", "foo"]
_VALUES = ["1", "p", "q", "1999 2000", "x-1", "abc def"]


@st.composite
def _documents(draw, depth: int = 0) -> etree._Element:
    # Mostly the schema's own roots at the top, or almost every document is refused at once.
    names = st.sampled_from(["{urn:x}a", "alt"]) if depth == 0 and draw(st.booleans()) else st.sampled_from(_ELEMENTS)
    element = etree.Element(draw(names))
    for name in draw(st.lists(st.sampled_from(_ATTRIBUTES), max_size=3, unique=True)):
        element.set(name, draw(st.sampled_from(_VALUES)))
    element.text = draw(st.sampled_from([None, "t"]))
    if depth < 3:
        for child in draw(st.lists(_documents(depth + 1), max_size=4)):
            child.tail = draw(st.sampled_from([None, " "]))
            element.append(child)
    return element


@pytest.fixture(scope="module")
def constructs():
    tree = etree.parse(str(CONSTRUCTS))
    return etree.RelaxNG(tree), Grammar(tree.getroot())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=_documents())
def test_cutting_a_small_schema_keeps_the_verdict_on_any_document(constructs, document):
    whole, grammar = constructs
    cut = etree.RelaxNG(etree.fromstring(grammar.prune(*document_names(document))))
    assert cut.validate(document) == whole.validate(document), etree.tostring(document)


@pytest.mark.parametrize(
    "document, valid",
    [
        ('<a xmlns="urn:x" n="3"><b/><c>t<d kind="p"/></c><f><e when="1999 2000">x</e></f></a>', True),
        ('<a xmlns="urn:x"><k xmlns="urn:y" xmlns:o="urn:o" o:q="1"><w xmlns="">t<v/></w></k></a>', True),
        ('<a xmlns="urn:x"><k xmlns="urn:y" q="1"/></a>', False),
        ('<a xmlns="urn:x"><k xmlns="urn:y"><w xmlns="urn:x"/></k></a>', False),
        ('<a xmlns="urn:x"><c><g/></c></a>', False),
        ('<alt req=""><d xmlns="urn:x"/></alt>', True),
        ('<alt><d xmlns="urn:x"/></alt>', False),
        ('<alt req=""/>', False),
        ('<a xmlns="urn:x"><b><d/><e when="1999"/></b></a>', True),
    ],
)
def test_hand_picked_documents_on_the_small_schema(constructs, document, valid):
    # Some that random documents seldom hit: wildcards with exceptions, a required attribute, notAllowed.
    whole, grammar = constructs
    tree = etree.fromstring(document)
    cut = etree.RelaxNG(etree.fromstring(grammar.prune(*document_names(tree))))
    assert whole.validate(tree) == valid and cut.validate(tree) == valid


def test_a_fault_in_content_read_late_is_reported_like_any_schema_fault(tmp_path):
    # Element content is read when a document first reaches it; a fault there (here a name class where
    # a pattern belongs) sends the checker to the whole schema, which says what is wrong.
    defines = "".join(f'<define name="e{n}"><element name="e{n}"><zeroOrMore><ref name="e{n + 1}"/></zeroOrMore></element></define>'
                      for n in range(250))
    schema = tmp_path / "big.rng"
    schema.write_text(
        f'<grammar {RNG} ns="http://www.tei-c.org/ns/1.0"><start><ref name="e0"/></start>{defines}'
        '<define name="e250"><element name="e250"><anyName/></element></define></grammar>', encoding="utf-8"
    )
    checker = RelaxNGChecker(schema)
    assert checker.prunes
    shallow = etree.ElementTree(etree.fromstring(b'<e0 xmlns="http://www.tei-c.org/ns/1.0"><e1/></e0>'))
    assert checker.check(shallow, "shallow.xml") == []
    deep = "".join(f"<e{n}>" for n in range(251)) + "".join(f"</e{n}>" for n in reversed(range(251)))
    deep = deep.replace("<e0>", '<e0 xmlns="http://www.tei-c.org/ns/1.0">', 1)
    with pytest.raises(UsageError, match="cannot use RelaxNG schema"):
        checker.check(etree.ElementTree(etree.fromstring(deep)), "deep.xml")


def test_the_projects_schema_cut_on_demand_gives_the_same_findings():
    # prune=True cuts even a small schema: the project's own fixtures, valid and invalid, come out the same.
    whole, cut = RelaxNGChecker(SCHEMAS / "teikit.rng", prune=False), RelaxNGChecker(SCHEMAS / "teikit.rng", prune=True)
    assert cut.prunes and not whole.prunes
    checked = 0
    for path in sorted(VALID_DIR.glob("*.xml")) + sorted(INVALID_DIR.rglob("*.xml")):
        try:
            tree = etree.parse(str(path))
        except etree.XMLSyntaxError:
            continue
        expected = [(f.line, f.message) for f in whole.check(tree, path.name)]
        assert [(f.line, f.message) for f in cut.check(tree, path.name)] == expected, path.name
        checked += 1
    assert checked >= 10
