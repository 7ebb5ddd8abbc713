"""Zones of a document, found from evidence: opener, body, closing.

The opener is the run of lines before the first line of prose (a sentence:
see :func:`~teikit.convert.lineclasses.is_prose`) or the first section
heading; the closing is the run of lines after the last line of prose. Each
line of either zone is classified on its own by the line-class table
(:mod:`teikit.convert.lineclasses`), so a line nobody recognizes stays a
line of its zone instead of ending it. :mod:`teikit.convert.opener` and
:mod:`teikit.convert.closing` then write their TEI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lineclasses import CLOSING, CONTINUATION, OPENER, SEPARATOR, LineView, classify, is_prose, is_sentence, join_spaced
from .model import Node
from .places import is_place

#: Body lines a closing may reach back over, at most (a long closing is more likely prose).
MAX_CLOSING = 40


@dataclass
class Line:
    """One logical line of the document with its place (block index) and its decided zone and class."""

    group: int
    items: list
    text: str
    number: int = 0
    zone: str = "body"
    kind: str = "unknown"
    strength: float = 0.0

    def view(self) -> LineView:
        content = [i for i in self.items if not (isinstance(i, str) and not i.strip())]
        only = bool(content) and all(isinstance(i, Node) and i.tag in ("stamp", "note", "gap", "pb", "add") for i in content)
        signature = any(isinstance(i, Node) and i.tag == "gap" and i.attrib.get("reason") == "signature" for i in content)
        marker_first = bool(content) and isinstance(content[0], Node) and content[0].tag == "note" \
            and content[0].attrib.get("type") == "footnote"
        return LineView(self.text, join_spaced(self.text), signature=signature, marker_first=marker_first,
                        only_apparatus=only and not marker_first and not signature)


def _is_section_start(text: str, section_number) -> bool:
    number = section_number(text)
    return number == "1" and len(text.split()) <= 16 and not is_prose(text)


def find_zones(lines: list[Line], section_number, places: frozenset = frozenset()) -> None:
    """Set each line's zone (opener, body, closing) and, for the first two, its class.

    ``places`` are the register's place names: a line holding only one, or
    only a place of :mod:`.places`, is a dateline.
    """
    opener_end = 0
    for index, line in enumerate(lines):
        kind, strength = ("dateline", 1.0) if line.text in places or is_place(line.text) else classify(line.view(), OPENER)
        previous = lines[index - 1].kind if index else None
        if kind == "unknown" and previous == "field" and _LABELLED.match(line.text):
            # "Participants: Korean side: … / Our side: …": a labelled line among the fields is one of them.
            kind, strength = "field", 0.5
        elif previous in ("genre", "genre-number", "title", "title-start") and kind in ("unknown", "title", "sender") \
                and line.text[:1].islower() and CONTINUATION.match(line.text) and not is_sentence(line.text) \
                and not line.text.endswith("."):
            # "RECORD / of a conversation between … on 12 April 1965": the title goes on.
            kind, strength = "title", 0.5
        # Prose ends the opener unless the line's own wording names its class ("Subject:", "To:", "Copy 19 of 50").
        continued_title = kind == "title" and previous in ("genre", "genre-number", "title", "title-start")
        prose = _is_prose_at(lines, index) and not (kind in _LABELLED_KINDS or continued_title
                                                    or strength >= 1.0 and not is_sentence(line.text) and kind != "title")
        # A translator's note beside words describes a mark on them: that is the body's text.
        marked = _is_translator_note(line) and kind != "apparatus"
        if prose or marked or _is_section_start(line.text, section_number) or _starts_numbered(line.text):
            break
        line.zone, line.kind, line.strength = OPENER, kind, strength
        opener_end = index + 1
    if opener_end == len(lines):
        # No prose at all: the body begins at the last line without strong evidence (a short text has one).
        weak = [i for i, line in enumerate(lines) if line.strength < 1.0]
        opener_end = weak[-1] if weak else len(lines)
        for line in lines[opener_end:]:
            line.zone, line.kind, line.strength = "body", "unknown", 0.0
    start = len(lines)
    for index in range(len(lines) - 1, opener_end - 1, -1):
        line = lines[index]
        kind, strength = classify(line.view(), CLOSING)
        omission = _is_omission(line)
        if omission or len(lines) - index > MAX_CLOSING or SEPARATOR.match(line.text):
            break
        # A translator's note describes marks on the text: it and what it describes are the body's.
        if is_prose(line.text) and strength < 1.0 or _is_translator_note(line):
            break
        if kind == "unknown" and (len(line.text.split()) > 8 or line.text.endswith((".", "!", "?")) and len(line.text.split()) > 3):
            break
        start = index
        line.kind, line.strength = kind, strength
    # A closing needs evidence (one line a row recognizes with strength) and something to close.
    if start == opener_end or not any(line.strength >= 0.5 and line.kind != "apparatus" for line in lines[start:]):
        start = len(lines)
    for line in lines[start:]:
        line.zone = CLOSING
    for line in lines[opener_end:start]:
        line.zone, line.kind, line.strength = "body", "unknown", 0.0


def _is_prose_at(lines: list[Line], index: int) -> bool:
    """Whether the line is prose; a line that runs on into the next line of its block is judged with it."""
    line = lines[index]
    text = line.text
    following = index + 1
    while not re.search(r"[.!?:;]$", text) and following < len(lines) and lines[following].group == line.group \
            and following - index <= 3:
        text += " " + lines[following].text
        following += 1
    return is_prose(text)


#: Classes whose wording names them: a long line of theirs is still theirs, not prose.
_LABELLED_KINDS = frozenset({"subject", "field", "from", "addressee", "distribution", "attachment", "classification",
                             "copy", "apparatus", "salute", "form-line", "title-start"})
_LABELLED = re.compile(r"^[A-Z][\w’' -]{0,25}:\s")
_NUMBERED = re.compile(r"^(?:\d{1,2}\.\s?\S|\(\d{1,2}\)\s|\([A-Z]\)\s|[a-z]\)\s)")


def _starts_numbered(text: str) -> bool:
    return bool(_NUMBERED.match(text)) and len(text.split()) >= 6


def _is_omission(line: Line) -> bool:
    content = [i for i in line.items if not (isinstance(i, str) and not i.strip())]
    return len(content) == 1 and isinstance(content[0], Node) and content[0].tag == "gap" \
        and content[0].attrib.get("reason") == "omitted"


def _is_translator_note(line: Line) -> bool:
    return any(isinstance(i, Node) and i.tag == "note" and i.attrib.get("type") == "translator" for i in line.items)


def zone_report(lines: list[Line]) -> list[tuple[int, str, str, float, str]]:
    """(group, zone, class, strength, text) of every opener and closing line, for the report."""
    return [(line.number, line.zone, line.kind, line.strength, line.text) for line in lines if line.zone != "body"]


__all__ = ["Line", "find_zones", "zone_report"]
