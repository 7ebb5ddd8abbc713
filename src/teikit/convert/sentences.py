"""Sentence boundaries among a paragraph's siblings, for locating marked passages.

Only boundaries in the paragraph's own text count: a ``<hi>`` must wrap whole
siblings, so a sentence can start only in a top-level string or right before
a top-level element. A full stop after an initial (``Yu. Fadeyev``,
``L. I. Brezhnev``) or a known abbreviation (``Cde.``, ``No.``) ends nothing.
"""

from __future__ import annotations

import re

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


def flatten(items: list) -> tuple[str, list[tuple[int, int]]]:
    """The siblings' characters and, for each, its (index, offset) — nodes map every char to (index, 0)."""
    chars, where = [], []
    for index, item in enumerate(items):
        if isinstance(item, str):
            chars.append(item)
            where.extend((index, offset) for offset in range(len(item)))
        else:
            text = text_of([item]) if not (isinstance(item, Node) and item.tag == "lb") else " "
            chars.append(text)
            where.extend([(index, -1)] * len(text))
            if text:
                where[len(where) - len(text)] = (index, 0)
    return "".join(chars), where


def _is_abbreviation(text: str, stop: int) -> bool:
    token = _TOKEN.search(text[:stop + 1].split()[-1] if text[:stop + 1].split() else "")
    if not token:
        return False
    word = token.group(1).lstrip("(“\"‘")
    return word in ABBREVIATIONS or bool(re.fullmatch(r"[A-Z]|(?:[A-Z]\.)+[A-Z]", word))


def sentence_starts(items: list) -> list[int]:
    """Flat indices where sentences start (see :func:`flatten`), first one the paragraph's start."""
    text, where = flatten(items)
    starts = []
    first = len(text) - len(text.lstrip())
    if first < len(text):
        starts.append(first)
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and match.end() - match.start() == 1 and _is_abbreviation(text, match.start()):
            continue
        begin = match.end()
        while begin < len(text) and text[begin].isspace():
            begin += 1
        if begin < len(text) and where[begin][1] >= 0:
            starts.append(begin)
    return starts
