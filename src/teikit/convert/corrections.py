"""Typing errors of the translation → ``<choice><sic/><corr resp="#encoder"/></choice>``.

Only a short list of safe corrections, each tied to its context so that a
correct use of the same word is never touched. Facts are never corrected.
The export writes the ``<sic>`` form, so the source survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Node, regex_pass


@dataclass(frozen=True)
class Correction:
    """A typing error: the pattern matching the wrong text, the right text, why."""

    word: str
    pattern: str
    corr: str
    why: str


CORRECTIONS = [
    Correction("Junes", r"(?<=\d )Junes(?= \d{4})", "June", "a stray letter in a month name (9 Junes 1969)"),
    Correction("February1968", r"(?<=\d )February1968", "February 1968", "a missing space (9 February1968)"),
    Correction("not longer", r"(?<=\bKim Il Sung )not(?= longer)", "no", "'not longer' for 'no longer'"),
    Correction("whole work", r"(?<=\bthe whole )work(?=, including)", "world", "'whole work' for 'whole world'"),
    Correction("counties", r"(?<=\bfraternal )counties\b", "countries", "'counties' for 'countries'"),
    Correction("party off", r"(?<=\bbut )party(?= off the page)", "partly", "'party off the page' for 'partly'"),
    # Confusions of optical character recognition, each only where the context leaves no other reading.
    Correction("J ", r"(?<![\w.])J(?= (?:am|shall|think|believe|hope|wish|know|have been|was not|must say)\b)", "I",
               "OCR: J for the pronoun I (J am now considering)"),
    # "1 am" only where a sentence or clause begins: "at 1 am" is a time.
    Correction("1 ", r"(?:^|(?<=[.!?,;:] )|(?<=[“\"]))1(?= (?:am|shall|think|believe|hope)\b)", "I",
               "OCR: 1 for the pronoun I (1 am sure)"),
    Correction("is was", r"(?<=\bthat )is(?= was\b)", "it", "'that is was' for 'that it was'"),
    Correction("l", r"(?<![\w-])l(?=[A-Z]{1,2}-\d)", "I", "OCR: l for I in a type designation (lL-28)"),
]

_PATTERN = re.compile("|".join(f"(?P<c{i}>{c.pattern})" for i, c in enumerate(CORRECTIONS)))


def _make(match: re.Match) -> Node:
    correction = CORRECTIONS[int(match.lastgroup[1:])]
    return Node("choice", {}, [Node("sic", {}, [match.group()]), Node("corr", {"resp": "#encoder"}, [correction.corr])])


_apply = regex_pass(_PATTERN, _make)


def mark_corrections(text: str) -> list:
    """Text function for :func:`~teikit.convert.model.map_text`.

    The context patterns are slow to scan for, so a text is only searched
    when it contains one of the words a correction is about.
    """
    if any(c.word in text for c in CORRECTIONS):
        return _apply(text)
    return [text]
