"""The converter writes only the grammar's closed values (schemas/teikit.rnc, read by teikit.vocabulary).

Every worked example of the bracket rules and the line classes, and every converter fixture, is
converted; each attribute whose values the grammar closes must hold one of them. Adding a value to
the converter without adding it to the grammar (or the other way round, for a value the converter
needs) fails here, with the element and the value named.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit import TEI_NS
from teikit.convert import convert_file, convert_text
from teikit.convert.lineclasses import LINE_CLASSES
from teikit.convert.rules import RULES
from teikit.vocabulary import closed_lists

FIXTURES = Path(__file__).resolve().parents[1] / "convert" / "fixtures"

#: (element, attribute) → the grammar's name of its closed list.
CLOSED = {
    ("note", "type"): "note.type", ("note", "place"): "note.place", ("seg", "type"): "seg.type",
    ("gap", "reason"): "gap.reason", ("supplied", "reason"): "supplied.reason", ("unclear", "reason"): "unclear.reason",
    ("gloss", "type"): "gloss.type", ("stamp", "type"): "stamp.type", ("head", "type"): "head.type",
    ("div", "type"): "div.type", ("list", "type"): "list.type", ("hi", "rend"): "mark.rend", ("ref", "type"): "ref.type",
    ("title", "type"): "title.type", ("title", "level"): "title.level", ("idno", "type"): "idno.type",
}


def _documents():
    yield "rules", "\n".join("So it was. " + rule.example for rule in RULES) + "\n"
    for row in LINE_CLASSES:
        for example in row.examples:
            yield row.name, f"{example}\nThe ambassador said that the talks had gone well and would go on.\n"
    for path in sorted(FIXTURES.glob("*.txt")):
        yield path.name, path


@pytest.mark.parametrize("name, source", list(_documents()), ids=lambda value: str(value)[:40])
def test_every_closed_value_the_converter_writes_is_the_grammars(name, source):
    values = closed_lists()
    conversion = convert_file(source, metadata={}) if isinstance(source, Path) else convert_text(source, metadata={})
    for element in conversion.tree.getroot().iter(f"{{{TEI_NS}}}*"):
        local = element.tag.split("}")[1]
        for attribute, value in element.attrib.items():
            key = (local, attribute)
            if key in CLOSED:
                assert value in values[CLOSED[key]], f"{name}: <{local} {attribute}={value!r}> is not in {CLOSED[key]}"


def test_the_grammar_has_every_list_this_test_names():
    assert {name for name in CLOSED.values()} <= set(closed_lists())
