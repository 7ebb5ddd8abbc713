"""The seed document: every convention the issue lists, valid and lossless."""

from __future__ import annotations

import pytest
from convert_support import BUNDLED_TXT, NS, ROOT, SEED_TXT, XML_ID, assert_lossless


def _all(tree, path):
    return tree.getroot().xpath(path, namespaces=NS)


def test_seed_is_tei_all_valid(seed, assert_tei_all):
    assert_tei_all(seed.tree)


def test_seed_export_is_lossless(seed):
    # The bundled copy: a clone without ../shared has it too (the next test
    # checks that it is the seed's source, byte for byte).
    assert_lossless(seed, BUNDLED_TXT)


@pytest.mark.skipif(not SEED_TXT.is_file(), reason="../shared/corpus/seed is not present")
def test_bundled_source_is_the_seed():
    assert (ROOT / "tei" / SEED_TXT.name).read_bytes() == SEED_TXT.read_bytes()


def test_seventeen_translator_notes_each_linked_to_hi(seed):
    notes = _all(seed.tree, "//t:note[@type='translator']")
    assert len(notes) == 17
    ids = {el.get(XML_ID): el for el in _all(seed.tree, "//t:hi")}
    for number, note in enumerate(notes, start=1):
        assert note.get("n") == str(number)
        assert note.get("place") == "inline" and note.get("resp") == "#translator"
        assert note.find("t:label", NS).text in ("Translator’s note:", "Translator's note:")
        targets = note.get("target").split()
        assert targets, f"note {number} has no target"
        for target in targets:
            hi = ids[target[1:]]
            assert hi.get("hand") == "#reader1" and hi.get("resp") == "#encoder"
            assert hi.get("rend") in {"margin-mark", "margin-line", "margin-double-line", "margin-query", "margin-exclamation"}
    assert _all(seed.tree, "//t:handNote[@xml:id='reader1']")


def _hi_text(seed, note_number):
    note = _all(seed.tree, f"//t:note[@type='translator'][@n='{note_number}']")[0]
    out = []
    for target in note.get("target").split():
        hi = _all(seed.tree, f"//t:hi[@xml:id='{target[1:]}']")[0]
        out.append((hi.get("rend"), hi.get("cert"), " ".join("".join(hi.itertext()).split())))
    return out


def test_previous_sentence_is_exactly_that_sentence(seed):
    [(rend, cert, text)] = _hi_text(seed, 2)
    assert rend == "margin-mark" and cert is None
    assert text == ("On the other hand, there remained a certain ideological closeness between the KWP leadership and "
                    "the Peking leaders in the approach to a number of important problems of modern times.")


def test_note_inside_a_sentence_marks_the_sentence_so_far(seed):
    [(_, _, text)] = _hi_text(seed, 3)
    assert text.startswith("In his words,") and text.endswith("that China is not an ally of the DPRK")


def test_previous_two_sentences(seed):
    [(_, _, text)] = _hi_text(seed, 5)
    assert text.startswith("In addition, they note that this Conference")
    assert text.endswith("is not a participant of the new International Conference of Communist Parties.")


def test_paragraph_with_a_line_and_its_last_sentence_with_two(seed):
    (outer_rend, _, outer), (inner_rend, _, inner) = _hi_text(seed, 10)
    assert (outer_rend, inner_rend) == ("margin-line", "margin-double-line")
    assert outer.startswith("The KWP leadership proceeds from an overblown idea")
    assert inner == ("“The principle of self-sufficiency is the key to the solution of all the complex questions with "
                     "which the Communist movement and socialist camp are faced”. (TsTAK bulletin, 31 March 1969).")
    note = _all(seed.tree, "//t:note[@n='10']")[0]
    outer_hi = _all(seed.tree, f"//t:hi[@xml:id='{note.get('target').split()[0][1:]}']")[0]
    assert outer_hi.xpath(".//t:hi", namespaces=NS), "the last sentence's hi is nested in the paragraph's"


def test_last_quote(seed):
    [(rend, _, text)] = _hi_text(seed, 12)
    assert rend == "margin-double-line"
    assert text.startswith("“the socialist countries should overcome any deviations")


def test_unlocatable_extents_are_low_certainty(seed):
    for number in (1, 8, 14, 15, 16, 17):
        assert all(cert == "low" for _, cert, _ in _hi_text(seed, number)), number
    rends = [rend for rend, _, _ in _hi_text(seed, 14)]
    assert rends == ["margin-double-line", "margin-exclamation"]
    assert _hi_text(seed, 8)[0][0] == "margin-query"


def test_twelve_supplied(seed):
    supplied = _all(seed.tree, "//t:supplied")
    assert len(supplied) == 12
    assert all(s.get("resp") == "#translator" for s in supplied)
    assert "“" in [s.text for s in supplied]


def test_closer_with_two_signed(seed):
    signed = _all(seed.tree, "//t:closer/t:signed")
    assert len(signed) == 2
    for element in signed:
        assert element.find("t:roleName", NS) is not None
        assert element.find("t:gap[@reason='signature']", NS) is not None
    assert _all(seed.tree, "//t:signed/t:persName[@ref='register.xml#per-fadeyev-yu']")


def test_five_section_divs_with_heads(seed):
    divs = _all(seed.tree, "//t:div[@type='section']")
    assert [d.get("n") for d in divs] == ["1", "2", "3", "4", "5"]
    assert [d.find("t:head", NS).text for d in divs] == ["I.", "II.", "III.", "IV.", "V."]
    assert _all(seed.tree, "//t:milestone[@unit='section'][@rend='x x x']")


def test_opener(seed):
    opener = _all(seed.tree, "//t:opener")[0]
    assert opener.find("t:seg[@type='classification']", NS).text == "Secret"
    assert opener.find("t:seg[@type='copy']/t:num", NS).get("value") == "2"
    assert opener.find("t:seg[@type='number']/t:num", NS).get("value") == "165"
    assert opener.find("t:seg[@type='sender']/t:orgName", NS).get("ref") == "register.xml#org-soviet-embassy-dprk"
    assert opener.find("t:dateline/t:date", NS).get("when") == "1969-06-09"
    assert _all(seed.tree, "//t:head[@type='main']") and _all(seed.tree, "//t:head[@type='genre']")[0].text == "(Memo)"


def test_stamp_structure(seed):
    stamp = _all(seed.tree, "//t:opener/t:stamp")[0]
    assert stamp.get("type") == "cpsu-cc"
    assert stamp.find("t:num", NS).get("value") == "19373"
    assert stamp.find("t:date", NS).get("when") == "1969-06-12"
    assert stamp.find("t:placeName", NS).get("ref") == "register.xml#pla-korea"
    described = _all(seed.tree, "//t:note[@type='stamp']/t:stamp/t:quote")
    assert len(described) == 1 and "the material is informative" in "".join(described[0].itertext())


def test_citations_and_corrections(seed):
    cits = _all(seed.tree, "//t:cit[t:quote][t:bibl]")
    assert len(cits) >= 8
    assert _all(seed.tree, "//t:bibl/t:title[@level='j'][.='Rodong Sinmun']")
    assert _all(seed.tree, "//t:bibl/t:date[@when='1964-04-19']")
    sics = {c.findtext("t:sic", namespaces=NS): c.findtext("t:corr", namespaces=NS) for c in _all(seed.tree, "//t:choice[t:sic]")}
    assert sics == {"Junes": "June", "party": "partly", "not": "no", "February1968": "February 1968", "work": "world",
                    "counties": "countries"}
    assert _all(seed.tree, "//t:choice[t:abbr='PTV']/t:expan")
    assert _all(seed.tree, "//t:gloss[.='We Will Defend the Socialist Camp']")
    assert _all(seed.tree, "//t:date[@from='1965'][@to='1966']")


def test_names_point_at_register_entries(seed):
    from teikit.convert.names import load_register

    register = load_register(ROOT / "tei" / "register.xml")
    ids = {ident for _, ident in register.forms.values()}
    refs = _all(seed.tree, "//t:persName/@ref | //t:orgName/@ref | //t:placeName/@ref")
    assert len(refs) > 100
    assert {ref.split("#")[1] for ref in refs} <= ids
    assert _all(seed.tree, "//t:persName[@ref='register.xml#per-kim-il-sung']")


def test_header_from_sidecar(seed):
    assert _all(seed.tree, "//t:titleStmt/t:title")[0].text.startswith("Soviet Embassy in North Korea")
    assert len(_all(seed.tree, "//t:titleStmt/t:author")) == 2
    assert _all(seed.tree, "//t:respStmt[@xml:id='translator']") and _all(seed.tree, "//t:respStmt[@xml:id='encoder']")
    assert _all(seed.tree, "//t:funder")[0].text == "Kyungnam University"
    assert _all(seed.tree, "//t:language[@ident='ru']")
    assert not seed.warnings
