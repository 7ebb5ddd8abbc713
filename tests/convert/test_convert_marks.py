"""Linking notes to marked passages: the note's wording → extent and @rend."""

from __future__ import annotations

import pytest
from convert_support import NS

from teikit.convert import convert_text
from teikit.convert.marks import describe
from teikit.export import export_text


@pytest.mark.parametrize(("note", "expected"), [
    ("the previous sentence was highlighted in the left margin", [(("sentences", 1), "margin-mark", False)]),
    ("the previous two sentences were highlighted in the left margin", [(("sentences", 2), "margin-mark", False)]),
    ("the last quote was highlighted in the left margin with a two vertical lines", [(("quote", 0), "margin-double-line", False)]),
    ("a question mark was placed in the left margin next to the second half of this paragraph",
     [(("paragraph", 0), "margin-query", True)]),
    ("the previous paragraph was highlighted in the left margin with a single vertical line and the last sentence "
     "was highlighted with two vertical lines",
     [(("paragraph", 0), "margin-line", False), (("sentences", 1), "margin-double-line", False)]),
    ("the underlined portion was highlighted in the left margin with two vertical lines and an exclamation point!",
     [(("paragraph", 0), "margin-double-line", True), (("paragraph", 0), "margin-exclamation", True)]),
    ("the word is unclear in the original", []),
    ("this sentence was underlined in red", [(("sentences", 1), "underline", False)]),
    ("the previous two sentences were underlined and a question mark was placed in the margin",
     [(("sentences", 2), "underline", False), (("sentences", 2), "margin-query", False)]),
])
def test_describe(note, expected):
    assert [(m.extent, m.rend, m.uncertain) for m in describe(note)] == expected


def _his(text):
    root = convert_text(text, metadata={}).tree.getroot()
    return [(hi.get("rend"), " ".join("".join(hi.itertext()).split())) for hi in root.iterfind(".//t:hi", NS)]


def test_initials_and_abbreviations_do_not_end_sentences():
    text = ("First he left. Then Cde. Yu. Fadeyev met L. I. Brezhnev and B. N. Ponomarev at No. 5 in the U.S. embassy. "
            "[Translator’s note: the previous sentence was highlighted in the left margin]\n")
    assert _his(text) == [("margin-mark", "Then Cde. Yu. Fadeyev met L. I. Brezhnev and B. N. Ponomarev at No. 5 "
                                          "in the U.S. embassy.")]


def test_note_alone_after_its_paragraph_marks_that_paragraph():
    text = ("Secret\n\nThe talks failed. Nobody came.\n\n"
            "[Translator’s note: the previous paragraph was highlighted in the left margin]\n\n"
            "[Translator’s note: the previous sentence was marked with a question mark]\n")
    assert _his(text) == [("margin-mark", "The talks failed. Nobody came."), ("margin-query", "Nobody came.")]
    assert export_text(convert_text(text, metadata={}).tree) == text.replace("\n\n", "\n")


def test_hi_never_crosses_an_element_boundary():
    text = ("He read “the first part. And the second part” aloud. [Translator’s note: the previous sentence was "
            "highlighted in the left margin]\n")
    # The boundary inside the quotation is not at the paragraph's level: the whole sentence is marked.
    assert _his(text) == [("margin-mark", "He read “the first part. And the second part” aloud.")]


def test_note_that_describes_no_mark_has_no_target():
    conversion = convert_text("It rained. [Translator’s note: the word is unclear in the original]\n", metadata={})
    note = conversion.tree.getroot().find(".//t:note", NS)
    assert note.get("target") is None and note.get("n") == "1"


def test_sections_must_be_numbered_in_sequence():
    text = "Secret\n\n1. The question of aid.\n\n2. The question of the conference\n\nIt was discussed.\n"
    root = convert_text(text, metadata={}).tree.getroot()
    assert root.xpath("//t:div[@type='section']", namespaces=NS) == []
    text = "Secret\n\n1. Aid\n\nIt was given.\n\n2. The conference\n\nIt was discussed.\n"
    root = convert_text(text, metadata={}).tree.getroot()
    assert root.xpath("//t:div[@type='section']/@n", namespaces=NS) == ["1", "2"]


def test_place_line_in_the_opener_is_a_dateline():
    root = convert_text("TOP SECRET\nEMBASSY OF THE USSR\nPyongyang\n12 May 1965\nRecord of Conversation\nHe came.\n",
                        metadata={}).tree.getroot()
    assert root.xpath("//t:opener/t:dateline/t:placeName/text()", namespaces=NS) == ["Pyongyang"]
    assert root.xpath("//t:head[@type='main']/text()", namespaces=NS) == ["Record of Conversation"]
