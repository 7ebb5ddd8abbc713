"""The TEI of one opener or closing line, by its line class.

A classification, copy or number line becomes a typed ``<seg>`` (its first
number a ``<num>``), a dateline a ``<dateline>``, a salutation a
``<salute>``; a labelled field keeps its label in ``<label>``; numbers with a
sign inside other lines ("From: Washington No. 48866") are marked where they
stand; a line of two columns has its classification split off. A line of no
class is returned as it is, to be kept as a line of its zone.
"""

from __future__ import annotations

import re

from .lineclasses import CLASSIFICATION, COPY, GENRE_NUMBER, LEADING_CLASSIFICATION, NUMBER_SIGN, TRAILING_CLASSIFICATION
from .model import Node, map_text, merge, regex_pass
from .zones import Line

def with_num(line: list) -> list:
    """Mark the first number of a copy or number line as ``<num>``."""
    if not line or not isinstance(line[0], str):
        return line
    match = re.search(r"(?<![\w./-])\d+(?![\w./-]|\.\d)", line[0])
    if not match:
        return line
    text = line[0]
    value = str(int(match.group()))
    return merge([text[:match.start()], Node("num", {"value": value}, [match.group()]), text[match.end():]] + line[1:])


def label_first(items: list) -> list:
    """Move a leading "Label:" into ``<label>``."""
    if items and isinstance(items[0], str):
        match = re.match(r"^\s*([A-Z][\w .’'-]{0,30}?:)(?=\s|$)", items[0])
        if match:
            return [Node("label", {}, [match.group(1)]), items[0][match.end():]] + items[1:]
    return items


def _split_trailing(line: Line) -> list | None:
    """A two-column line: the classification at its end in its own ``<seg>`` ("in the MPR Secret")."""
    if not line.items or not isinstance(line.items[-1], str):
        return None
    last = line.items[-1]
    match = TRAILING_CLASSIFICATION.search(last)
    if not match:
        return None
    group = "c" if match.group("c") is not None else "c2"
    if group == "c2" and len(line.items) > 1:
        return None
    start, end = match.start(group), match.end(group)
    return merge(line.items[:-1] + [last[:start], Node("seg", {"type": "classification"}, [last[start:end]]), last[end:]])


def _split_copy(items: list) -> list:
    """"Distributed with the SECRET. Copy Nº 6": the copy number in its own ``<seg>``."""
    if not items or not isinstance(items[-1], str):
        return [Node("seg", {"type": "classification"}, items)]
    last = items[-1]
    match = COPY.search(last)
    if not match or match.start() == 0:
        return [Node("seg", {"type": "classification"}, items)]
    head = merge(items[:-1] + [last[:match.start()].rstrip()])
    gap = last[len(last[:match.start()].rstrip()):match.start()]
    return [Node("seg", {"type": "classification"}, head), gap, Node("seg", {"type": "copy"}, with_num([match.group()]))]


_SEG_TYPES = {"classification": "classification", "copy": "copy", "number": "number", "sender": "sender", "from": "sender",
              "addressee": "addressee", "distribution": "distribution", "form-line": "form-field", "field": "form-field",
              "typist": "typist", "attachment": "attachment", "end": "end"}


_INLINE_NUMBER = regex_pass(NUMBER_SIGN, lambda match: Node("seg", {"type": "number"}, with_num([match.group()])))
#: Lines whose numbers are marked where they stand ("From: Washington No. 48866").
_WITH_INLINE_NUMBERS = frozenset({"from", "field", "sender", "addressee", "form-line", "attachment", "distribution", "unknown"})


def encode_line(line: Line) -> list:
    """The TEI of one opener or closing line (a list of items; no line break)."""
    kind, items = line.kind, line.items
    if kind in _WITH_INLINE_NUMBERS:
        items = map_text(items, _INLINE_NUMBER, frozenset({"seg", "stamp", "note", "date", "num"}))
    if kind == "classification":
        text = line.text
        if CLASSIFICATION.match(text) and COPY.search(text) is None:
            return [Node("seg", {"type": "classification"}, items)]
        return _split_copy(items)
    if kind == "copy":
        found = COPY.search(line.text)
        if found and found.start() > 0:
            return _split_copy(items)
        return [Node("seg", {"type": "copy"}, with_num(items))]
    if kind in ("number", "registration"):
        return [Node("seg", {"type": "number"}, with_num(items))]
    if kind == "year" and len(items) == 1 and isinstance(items[0], str):
        year = re.match(r"\s*(\d{4})", items[0])
        return [Node("dateline", {}, [Node("date", {"when": year.group(1)}, [items[0].strip()])])]
    if kind == "dateline":
        return [Node("dateline", {}, items)]
    if kind in ("salute", "closing-salute"):
        return [Node("salute", {}, items)]
    if kind in ("field", "form-line", "distribution", "attachment", "addressee", "from"):
        return [Node("seg", {"type": _SEG_TYPES[kind]}, label_first(items))]
    if kind in _SEG_TYPES:
        return [Node("seg", {"type": _SEG_TYPES[kind]}, items)]
    if kind == "classification-first" and items and isinstance(items[0], str):
        found = LEADING_CLASSIFICATION.match(items[0])
        if found:
            return merge([Node("seg", {"type": "classification"}, [found.group("c")]), items[0][found.end():]] + items[1:])
    if kind == "unknown":
        split = _split_trailing(line)
        if split is not None:
            return split
    return items

def is_block(items: list) -> bool:
    return len(items) == 1 and isinstance(items[0], Node) and items[0].tag in ("dateline", "salute", "signed")


def ends_with_block(items: list) -> bool:
    return bool(items) and isinstance(items[-1], Node) and items[-1].tag in ("dateline", "salute", "signed")


def genre_with_number(items: list) -> list:
    """"Minutes No. 14": the number of a genre line in its own ``<seg type="number">``, for a ``<head>``."""
    if not items or not isinstance(items[0], str):
        return items
    found = GENRE_NUMBER.match(items[0].strip()) if len(items) == 1 else None
    if not found:
        return items
    lead = items[0][:len(items[0]) - len(items[0].lstrip())]
    number = Node("seg", {"type": "number"}, with_num([found.group("number")]))
    return merge([lead + found.group("genre") + found.group("gap"), number, found.group("rest") or ""])
