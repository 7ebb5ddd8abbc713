"""The line-class table: every worked example is recognized by its row, the README shows the tables
as they are, and randomly assembled openers and closers keep every line in its zone."""

from __future__ import annotations

from pathlib import Path

import pytest
from convert_support import NS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teikit.convert import convert_text
from teikit.convert.lineclasses import BOTH, CLOSING, LINE_CLASSES, OPENER, LineView, classify, join_spaced
from teikit.convert.tables import BEGIN, END, markdown
from teikit.export import export_text

README = Path(__file__).resolve().parents[2] / "README.md"


def _view(text: str) -> LineView:
    return LineView(text, join_spaced(text))


@pytest.mark.parametrize("row", [r for r in LINE_CLASSES if r.name not in ("apparatus", "footnote-text")],
                         ids=lambda r: r.name)
def test_every_example_is_recognized_by_its_row(row):
    zone = CLOSING if row.zone == CLOSING else OPENER
    for example in row.examples:
        if "[" in example:
            continue  # a bracket is classified by the rules first: checked by the conversion tests
        assert classify(_view(example), zone)[0] == row.name, example


def test_bracketed_examples_convert_to_their_class():
    doc = convert_text("He came to say that the talks would go on as planned.\n[signature] (Yu. Fadeyev)\n", metadata={})
    assert doc.tree.getroot().xpath("//t:closer/t:signed/t:persName[.='Yu. Fadeyev']", namespaces=NS)
    doc = convert_text("He came to say that the talks would go on as planned.\n[1]   BArch, B 136/59748, 335-336.\n",
                       metadata={})
    assert doc.tree.getroot().xpath("//t:closer/t:note[@type='footnote'][@place='bottom']", namespaces=NS)


def test_row_names_unique_and_zones_known():
    names = [row.name for row in LINE_CLASSES]
    assert len(names) == len(set(names))
    assert {row.zone for row in LINE_CLASSES} <= {OPENER, CLOSING, BOTH}
    assert all(row.examples and row.summary and row.tei for row in LINE_CLASSES)


def test_readme_shows_the_tables_as_generated():
    text = README.read_text(encoding="utf-8")
    assert BEGIN in text and END in text, "README has lost the markers of the generated tables"
    shown = text[text.index(BEGIN):text.index(END) + len(END)]
    assert shown == markdown(), "README tables differ from the code: run python -m teikit.convert.tables"


# --- property: random openers and closers -------------------------------------------------------

_PROSE = ("The ambassador said that the talks had gone well and that he would report to Moscow soon.",
          "I told him that we would consider the proposal carefully and give an answer within a week.")
_UNKNOWN = st.from_regex(r"[A-Z][a-z]{2,8}( [a-z]{2,8}){0,2} [A-Z][a-z]{2,6}", fullmatch=True)


def _examples(zone: str) -> list[str]:
    return [example for row in LINE_CLASSES if row.zone in (zone, BOTH) and row.name not in ("apparatus", "footnote-text")
            for example in row.examples if "[" not in example and row.name not in ("title", "subject", "salute", "genre")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(opener=st.lists(st.one_of(st.sampled_from(_examples(OPENER)), _UNKNOWN), min_size=1, max_size=7),
       closing=st.lists(st.one_of(st.sampled_from(_examples(CLOSING)), _UNKNOWN), min_size=1, max_size=7))
def test_unknown_lines_never_end_a_zone_and_nothing_is_lost(opener, closing):
    text = "\n".join(opener + list(_PROSE) + closing) + "\n"
    doc = convert_text(text, metadata={})
    layout = doc.report.layout
    zones = {number: zone for number, zone, _kind, _strength, _text in layout}
    # Every opener line is in the opener zone, whatever its neighbours: none ends the zone early.
    for number in range(1, len(opener) + 1):
        assert zones.get(number) == "opener", (number, opener, layout)
    # No prose line is taken into a zone.
    for number in range(len(opener) + 1, len(opener) + len(_PROSE) + 1):
        assert number not in zones, (number, layout)
    # Every closing line that a row recognizes is in the closing zone (unknown lines may be prose-like
    # only at the zone's start, where they can end the body).
    recognized = [i for i, line in enumerate(closing) if classify(_view(line), CLOSING)[1] > 0]
    if recognized:
        first = len(opener) + len(_PROSE) + 1 + recognized[0]
        for number in range(first, len(opener) + len(_PROSE) + len(closing) + 1):
            assert zones.get(number) == "closing", (number, closing, layout)
    # Nothing is lost: the export gives the source's lines back.
    assert export_text(doc.tree).split("\n")[:-1] == [line.strip() for line in text.splitlines() if line.strip()]


def test_without_a_sidecar_the_header_takes_title_and_date_from_the_text():
    doc = convert_text("SECRET\nPyongyang, 21 December 1961\nNote\nabout a Dinner with the Ambassador\n"
                       "On 15 December 1961 I was invited to a dinner by the Bulgarian ambassador.\n", metadata={})
    root = doc.tree.getroot()
    assert root.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=NS).startswith("Note")
    assert root.xpath("//t:profileDesc/t:creation/t:date/@when", namespaces=NS) == ["1961-12-21"]


def test_dates_without_a_year_take_the_documents_year_and_impossible_ones_none():
    doc = convert_text("Pyongyang, 2 September 1980\nOn September 1 we met; on 31 June nobody came.\n", metadata={})
    root = doc.tree.getroot()
    assert root.xpath("//t:date[.='September 1']/@when", namespaces=NS) == ["1980-09-01"]
    assert root.xpath("//t:date[.='September 1']/@cert", namespaces=NS) == ["medium"]
    assert not root.xpath("//t:date[contains(., '31 June')]", namespaces=NS)


def test_catalogue_title_leaves_out_the_subject_label_and_footnote_marker():
    doc = convert_text("Subject: Conversation with the President[1]\nI note that the President spoke of the summit at length.\n"
                       "[1] Archive, file 12.\n", metadata={})
    assert doc.tree.getroot().xpath("string(//t:titleStmt/t:title)", namespaces=NS) == "Conversation with the President"


@pytest.mark.parametrize("source, sic, corr", [
    ("The objection which J am now considering is serious.", "J", "I"),
    ("Dear friend, 1 am sure of it.", "1", "I"),
    ("He declared that is was difficult.", "is", "it"),
    ('They saw "lL-28" airplanes.', "l", "I"),
])
def test_recognition_errors_are_corrected_in_context(source, sic, corr):
    root = convert_text(source + "\n", metadata={}).tree.getroot()
    assert root.xpath("//t:choice/t:sic/text()", namespaces=NS) == [sic]
    assert root.xpath("//t:choice/t:corr/text()", namespaces=NS) == [corr]


@pytest.mark.parametrize("source", ["They left at 1 am sharp.", "Room J was empty.", "The IL-28 flew.", "This is was not."])
def test_recognition_corrections_leave_other_uses_alone(source):
    root = convert_text(source + "\n", metadata={}).tree.getroot()
    assert not root.xpath("//t:choice", namespaces=NS)


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _convert_fixture(name):
    from teikit.convert import convert_file
    return convert_file(FIXTURES / name, metadata={}).tree.getroot()


def test_record_with_genre_line_title_continuation_and_fields():
    root = _convert_fixture("record-czech-style.txt")
    head = root.xpath("//t:head[@type='main']", namespaces=NS)[0]
    assert "".join(head.itertext()).startswith("RECORDof a conversation between")
    assert root.xpath("//t:opener/t:seg[@type='form-field']/t:label[.='Present:']", namespaces=NS)
    assert root.xpath("//t:opener/t:seg[@type='number'][contains(., '0142/65')]", namespaces=NS)
    assert [i.text for i in root.xpath("//t:closer/t:seg[@type='distribution']/t:list/t:item", namespaces=NS)] == \
        ["1. Comrade Novotný", "2. Comrade Lenárt", "3. File"]
    assert root.xpath("//t:closer/t:seg[@type='form-field'][contains(., 'Recorded by')]", namespaces=NS)


def test_cable_header_fields_and_signer():
    root = _convert_fixture("cable-fields.txt")
    assert root.xpath("//t:opener/t:seg[@type='sender']/t:label[.='From:']", namespaces=NS)
    assert root.xpath("//t:opener/t:seg[@type='addressee'][contains(., 'Gromyko')]", namespaces=NS)
    assert root.xpath("//t:opener//t:date[@when='1968-03-03']", namespaces=NS)
    assert root.xpath("//t:opener//t:time[@when='14:20:00']", namespaces=NS)
    assert root.xpath("//t:closer/t:signed[contains(., 'SHCHERBAKOV')]", namespaces=NS)
    assert root.xpath("//t:closer/t:dateline/t:date[@when='1968-03-03']", namespaces=NS)
    assert len(root.xpath("//t:div[@type='document']/t:p", namespaces=NS)) == 2


def test_letter_with_salutations_and_a_signature_mark():
    root = _convert_fixture("letter-closing-formula.txt")
    assert root.xpath("//t:opener/t:salute[.='Dear Comrade Director,']", namespaces=NS)
    assert root.xpath("//t:opener/t:seg[@type='sender'][.='in Beijing']", namespaces=NS)
    assert root.xpath("//t:opener/t:dateline/t:date[@when='1973-05-02']", namespaces=NS)
    assert root.xpath("//t:closer/t:salute[.='With comradely greetings,']", namespaces=NS)
    signed = root.xpath("//t:closer/t:signed", namespaces=NS)[0]
    assert signed.xpath("t:roleName[.='Ambassador']", namespaces=NS) and signed.xpath("t:persName[.='J. Kowalski']", namespaces=NS)
    assert root.xpath("//t:closer/t:seg[@type='attachment']", namespaces=NS)


def test_memorandum_for_the_record():
    root = _convert_fixture("memorandum-for-the-record.txt")
    assert root.xpath("//t:head[@type='genre'][.='MEMORANDUM FOR THE RECORD']", namespaces=NS)
    assert root.xpath("//t:head[@type='main']/t:label[.='SUBJECT:']", namespaces=NS)
    assert [p.get("n") for p in root.xpath("//t:div[@type='document']/t:p[@n]", namespaces=NS)] == ["1", "2"]
    assert root.xpath("//t:closer/t:signed[t:persName[.='Foy D. Kohler']][t:roleName[.='Assistant Secretary']]",
                      namespaces=NS)
    assert root.xpath("//t:closer/t:seg[@type='distribution'][starts-with(., 'cc:')]", namespaces=NS)


def test_minutes_with_number_title_and_sections():
    root = _convert_fixture("minutes-with-agenda.txt")
    head = root.xpath("//t:head[@type='main']", namespaces=NS)[0]
    assert head.xpath("t:seg[@type='number']/t:num[@value='14']", namespaces=NS)
    assert "of the meeting of the Politburo" in "".join(head.itertext())
    assert root.xpath("//t:opener/t:dateline/t:date[@when='1964-07-07']", namespaces=NS)
    assert [d.get("n") for d in root.xpath("//t:div[@type='section']", namespaces=NS)] == ["1", "2"]
    assert root.xpath("//t:closer/t:signed[t:roleName][t:persName[.='T. Zhivkov']]", namespaces=NS)


def test_letter_with_the_address_below_the_signature():
    root = _convert_fixture("letter-address-below.txt")
    assert root.xpath("//t:opener/t:dateline/t:date[@when='1958-06-03']", namespaces=NS)
    assert root.xpath("//t:closer/t:signed/t:persName[.='R. K. Nehru']", namespaces=NS)
    assert root.xpath("//t:closer/t:signed/t:roleName[.='Foreign Secretary']", namespaces=NS)
    address = root.xpath("//t:closer/t:seg[@type='addressee']", namespaces=NS)
    assert [" ".join("".join(a.itertext()).split()) for a in address] == \
        ["His Excellency", "Mr. P. F. Yudin,", "Ambassador of the USSR,", "New Delhi."]


def test_a_line_with_a_translators_note_never_joins_the_closing():
    doc = convert_text("We spoke about the harvest and the weather.\nKWP.\n"
                       "He left. [Translator’s note: the previous sentence was highlighted in the left margin]\n", metadata={})
    root = doc.tree.getroot()
    assert not root.xpath("//t:closer//t:hi", namespaces=NS)
    assert root.xpath("//t:p/t:hi[.='He left.']", namespaces=NS)
