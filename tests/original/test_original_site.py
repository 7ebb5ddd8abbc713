"""The site's search reads the original's paragraphs too, each at its own anchor."""

from __future__ import annotations

from teikit.site.records import search_passages, words
from teikit.xmlparse import parse_file


def test_original_paragraphs_are_search_passages(converted):
    passages = dict((text, anchor) for anchor, text in search_passages(parse_file(converted["note-zh"])))
    assert passages["谈判持续了三天。"] == "o3"
    assert any(anchor == "p1" and "5000 tons" in text for text, anchor in passages.items())


def test_unspaced_scripts_are_indexed_by_character_pairs():
    found = words("双方在北京会面 the talks")
    assert {"北京", "会面", "talks", "the"} <= found
    assert "双方在北京会面" not in found
    # Spaced scripts are unchanged: whole words, folded.
    assert words("Делегация прибыла") == {"делегация", "прибыла"}
