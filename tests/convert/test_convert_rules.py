"""The rules table: each row's worked example converts by that row and exports back."""

from __future__ import annotations

import re

import pytest
from convert_support import NS
from lxml import etree

from teikit.convert import convert_text
from teikit.convert.names import Register
from teikit.convert.rules import RULES
from teikit.export import export_text


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_example_converts_by_its_rule_and_round_trips(rule):
    text = f"The text begins here and goes on. {rule.example} And it ends here.\n"
    conversion = convert_text(text, "example.txt", metadata={})
    assert rule.name in [entry.rule for entry in conversion.report.entries]
    assert conversion.tree.getroot().xpath(f"//t:{rule.tag}", namespaces=NS)
    assert export_text(conversion.tree) == text


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_worked_example_is_what_the_converter_writes(rule):
    lead = "So it was. "
    conversion = convert_text(lead + rule.example + "\n", "example.txt", metadata={}, register=Register({}))
    paragraph = conversion.tree.getroot().find(".//t:body//t:p", NS)
    xml = re.sub(r' xmlns="[^"]+"', "", etree.tostring(paragraph, encoding="unicode", with_tail=False))
    assert xml == f"<p>{lead}{rule.tei}</p>"


def test_rule_names_are_unique_and_documented():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert rule.summary and rule.example and rule.tei.startswith(("<", rule.example.split("[")[0][:3]))


def test_fallback_is_last_and_unsure():
    assert RULES[-1].unsure and all(not rule.unsure for rule in RULES[:-1])


def test_unrecognized_bracket_is_kept_and_listed():
    conversion = convert_text("He went [see attachment 3, page 12; not reproduced] home.\n", metadata={})
    [entry] = conversion.report.entries
    assert entry.unsure and entry.rule == "unrecognized"
    assert "UNSURE" in conversion.report.to_text()
    assert conversion.tree.getroot().xpath("//t:note[@type='editorial']", namespaces=NS)


@pytest.mark.parametrize("label", ["Translator’s note:", "Translator's note:", "Translator note:", "Translators’ note:"])
def test_translator_note_labels_kept_verbatim(label):
    text = f"The talks failed. [{label} the previous sentence was highlighted in the left margin].\n"
    conversion = convert_text(text, metadata={})
    assert conversion.tree.getroot().xpath("//t:note/t:label/text()", namespaces=NS) == [label]
    assert export_text(conversion.tree) == text


def test_nested_brackets_inside_a_description():
    text = "[There is a stamp stating that “the CC has been familiarized with [it]” and a signature]\n"
    conversion = convert_text(text, metadata={})
    root = conversion.tree.getroot()
    assert root.xpath("//t:note[@type='stamp']/t:stamp/t:quote/t:supplied[.='it']", namespaces=NS)
    assert export_text(conversion.tree) == text


def test_supplied_reasons():
    conversion = convert_text("It was typ[ed] and [is] sent.\n", metadata={})
    reasons = conversion.tree.getroot().xpath("//t:supplied/@reason", namespaces=NS)
    assert reasons == ["incomplete", "omitted"]


def test_abbreviation_expansion_takes_the_word_before():
    conversion = convert_text("A TsTAK [Central Telegraph Agency of Korea] correspondent.\n", metadata={})
    root = conversion.tree.getroot()
    assert root.xpath("//t:choice/t:abbr/text()", namespaces=NS) == ["TsTAK"]
    assert export_text(conversion.tree) == "A TsTAK [Central Telegraph Agency of Korea] correspondent.\n"


def test_handwriting_across_a_blank_line_is_one_note():
    text = 'Secret\n\n[handwritten: "to Cde. Samsonov\n\nfor the archive"]\n\nThe text. [unclosed here\n\nNext. Stray] one.\n'
    conversion = convert_text(text, metadata={})
    notes = conversion.tree.getroot().xpath("//t:note[@type='handwritten']", namespaces=NS)
    assert len(notes) == 1 and "for the archive" in "".join(notes[0].itertext())
    assert [(w.line, w.message.split(" at ")[0]) for w in conversion.warnings] == [(7, "unclosed bracket"), (9, "stray closing bracket")]
    assert export_text(conversion.tree) == text.replace("\n\n", "\n")


def test_unclosed_and_stray_brackets_on_lines_of_a_text_without_blank_lines():
    text = "Secret\nThe text [unclosed here\nAmbassador stated] that.\nEnd.\n"
    conversion = convert_text(text, metadata={})
    assert [w.line for w in conversion.warnings] == [2, 3]
    assert export_text(conversion.tree) == text


def test_bracket_holding_brackets_is_never_a_gap(assert_tei_all):
    # A <gap>'s <desc> holds text only: a redaction note with a bracket inside stays a note.
    text = "The [[ list of [name and date redacted]. the. ]end.\n"
    conversion = convert_text(text, metadata={})
    assert_tei_all(conversion.tree)
    assert export_text(conversion.tree) == text
