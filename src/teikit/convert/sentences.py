"""Sentence boundaries among a paragraph's siblings, for locating marked passages.

Only boundaries in the paragraph's own text count: a ``<hi>`` must wrap whole
siblings, so a sentence can start only in a top-level string or right before
a top-level element. A full stop after an initial (``Yu. Fadeyev``,
``L. I. Brezhnev``) or a known abbreviation (``Cde.``, ``No.``) ends nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .model import Node, text_of

#: Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset({
    "Cde", "Cdes", "No", "Nos", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Capt", "Maj", "Sgt", "Adm",
    "Prof", "Amb", "Ambs", "Comrade", "Messrs", "Jr", "Sr", "vol", "Vol", "pp", "p", "cf", "ca", "approx",
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "e.g", "i.e", "viz", "Art", "art",
    # Russian two-letter initials as transliterated: Yu. Fadeyev, G. Ye. Samsonov.
    "Yu", "Ye", "Ya", "Yo", "Zh", "Kh", "Ts", "Ch", "Sh", "Shch",
})

_BOUNDARY = re.compile(r"[.!?…]+[”\"’)]*(?=\s+[\[“\"‘A-Z0-9\u0400-\u042f])")
_TOKEN = re.compile(r"(\S+?)\.+$")


class Flat:
    """The siblings' characters as one string, with a map back to (index, offset) positions."""

    def __init__(self, items: list):
        parts, self.starts, self.is_text = [], [], []
        total = 0
        for item in items:
            text = item if isinstance(item, str) else (" " if isinstance(item, Node) and item.tag == "lb" else text_of([item]))
            self.starts.append(total)
            self.is_text.append(isinstance(item, str))
            parts.append(text)
            total += len(text)
        self.text = "".join(parts)

    def position(self, flat: int) -> tuple[int, int] | None:
        """The (index, offset) of a flat index; None inside an element (not at its start)."""
        index = bisect_right(self.starts, flat) - 1
        # Empty strings share a start with their successor: take the last item starting here.
        offset = flat - self.starts[index]
        if self.is_text[index]:
            return index, offset
        return (index, 0) if offset == 0 else None

    def index_of(self, position: tuple[int, int]) -> int:
        """The flat index of an (index, offset) position."""
        index, offset = position
        if index >= len(self.starts):
            return len(self.text)
        return self.starts[index] + (offset if self.is_text[index] else 0)


def _is_abbreviation(text: str, stop: int) -> bool:
    # Only the word before the full stop matters; a short window keeps long paragraphs linear.
    words = text[max(0, stop - 40):stop + 1].split()
    token = _TOKEN.search(words[-1] if words else "")
    if not token:
        return False
    word = token.group(1).lstrip("(“\"‘")
    return word in ABBREVIATIONS or bool(re.fullmatch(r"[A-Z]|(?:[A-Z]\.)+[A-Z]", word))


def sentence_starts(flat: Flat) -> list[int]:
    """Flat indices where sentences start, the first one the paragraph's start."""
    text = flat.text
    starts = []
    first = len(text) - len(text.lstrip())
    if first < len(text) and flat.position(first) is None:
        # The first letter is inside an element that starts with a space: start before the element.
        first = flat.starts[bisect_right(flat.starts, first) - 1]
    if first < len(text):
        starts.append(first)
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and match.end() - match.start() == 1 and _is_abbreviation(text, match.start()):
            continue
        begin = match.end()
        while begin < len(text) and text[begin].isspace():
            begin += 1
        if begin < len(text) and flat.position(begin) is not None:
            starts.append(begin)
    return starts
