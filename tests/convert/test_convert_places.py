"""A dateline's place is tagged from the list of posts, with or without the register."""

from __future__ import annotations

from teikit.convert.model import Node
from teikit.convert.places import is_place, mark_dateline_places


def _dateline(text: str) -> Node:
    node = Node("dateline", {}, [text])
    mark_dateline_places([node])
    return node


def test_a_leading_known_place_is_a_place_name():
    node = _dateline("Moscow, 12 May 1962")
    assert isinstance(node.children[0], Node) and node.children[0].tag == "placeName"
    assert node.children[0].children == ["Moscow"] and node.children[1] == ", 12 May 1962"


def test_the_longest_name_wins_and_case_does_not_matter():
    assert _dateline("NEW DELHI").children[0].children == ["NEW DELHI"]
    assert is_place("PYONGYANG") and is_place(" Rio de Janeiro ")


def test_a_word_of_a_sentence_is_no_place():
    assert _dateline("Moscow said on 12 May 1962").children == ["Moscow said on 12 May 1962"]
    assert not is_place("Journal") and not is_place("Moscow Radio")


def test_the_register_adds_places_the_list_lacks():
    # A place line of its own ("Hyesan"), as the opener's zones find them from the register.
    node = Node("dateline", {}, ["Hyesan"])
    mark_dateline_places([node], frozenset({"Hyesan"}))
    assert node.children[0].children == ["Hyesan"]
    assert _dateline("Hyesan").children == ["Hyesan"]
