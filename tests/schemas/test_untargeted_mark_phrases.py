"""The report of a translator's note that describes a reader's mark without pointing at it.

The rule tests one phrase at a time (see teikit.sch); these examples, and a
property test against the phrases as one case-insensitive alternation, keep
it reporting exactly what the single expression it replaced reported.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.validate.schematron import SchematronChecker
from teikit.validate.validator import PROJECT_SCH
from teikit.xmlparse import parse_bytes

RULE = "teikit-note-mark-untargeted"
ALTERNATION = re.compile(r"highlighted|underlined|vertical line|in the (left |right )?margin", re.IGNORECASE)
SAMPLE = (Path(__file__).resolve().parents[1] / "fixtures" / "contract.xml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def checker():
    return SchematronChecker(PROJECT_SCH)


def _reported(checker, text: str) -> bool:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    head, tail = SAMPLE.split("</body>", 1)
    line = head.count("\n") + 2  # the added note's line, after the sample's own notes
    doc = head + f'\n<div><p>x <note type="translator">{escaped}</note></p></div></body>' + tail
    findings = checker.check(parse_bytes(doc.encode("utf-8"), "doc.xml"), "doc.xml")
    return any(f.rule == RULE and f.line == line for f in findings)


@pytest.mark.parametrize("text", ["the passage was Highlighted", "UNDERLINED twice", "a vertical line beside it",
                                  "a cross in the margin", "in the left margin", "noted In The Right Margin"])
def test_each_phrase_is_reported(checker, text):
    assert _reported(checker, text)


@pytest.mark.parametrize("text", ["the minister's margin of error", "in the centre margin", "under lined", "highlight"])
def test_other_notes_are_not(checker, text):
    assert not _reported(checker, text)


WORDS = st.sampled_from(["in", "the", "left", "right", "margin", "Margin", "highlighted", "underlined", "vertical",
                         "line", "LINE", "a", "note"])


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=6).map(" ".join))
def test_same_verdict_as_the_single_alternation(checker, text):
    assert _reported(checker, text) == bool(ALTERNATION.search(text))
