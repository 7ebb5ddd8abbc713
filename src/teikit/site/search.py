"""The offline search index: built once at build time, loaded by
``search.html`` as a plain ``<script src>`` (which, unlike fetch(), works
from file://).

Format (``search-index.js`` sets ``window.TEIKIT_SEARCH``)::

    {"docs": [[id, title, date as written, description, ISO date], ...],
     "words": {"word": "postings", ...}}

A posting list holds the numbers of the documents containing the word,
ascending, delta-encoded in base 36 and joined by commas — compact enough
for thousands of documents without a search server.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterator
from pathlib import Path

from .worker import OUTPUTS

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(number: int) -> str:
    if number == 0:
        return "0"
    out = []
    while number:
        number, rest = divmod(number, 36)
        out.append(_DIGITS[rest])
    return "".join(reversed(out))


def encode_postings(numbers, digits: list[str] | None = None) -> str:
    """Ascending document numbers as comma-joined base-36 gaps.

    ``digits`` may hold the base-36 text of every possible gap (index =
    gap), so that large indexes are encoded by lookups rather than arithmetic.
    """
    previous = 0
    gaps = []
    for number in numbers:
        gaps.append(number - previous)
        previous = number
    if digits is None:
        return ",".join(map(_base36, gaps))
    return ",".join(map(digits.__getitem__, gaps))


def decode_postings(text: str) -> list[int]:
    """Inverse of :func:`encode_postings` (the page does the same in JavaScript)."""
    numbers, total = [], 0
    for part in text.split(","):
        total += int(part, 36)
        numbers.append(total)
    return numbers


def _json(value) -> str:
    # U+2028/2029 are legal in JSON but not in older JavaScript string literals.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def index_script(site: Path, data) -> Iterator[bytes]:
    """The text of ``search-index.js``, in pieces, for the documents of ``data`` (a :class:`PageData`).

    Documents are numbered in id order. The document table is streamed from
    the scratch database; each document's words are read from its words file
    in ``site``, and only the posting lists (compact integer arrays) are held
    until each word is written.
    """
    yield b'window.TEIKIT_SEARCH={"docs":['
    postings: dict[str, array] = {}
    count = 0
    for number, row in enumerate(data.docs_by_id()):
        yield (("," if number else "") + _json(list(row))).encode("utf-8")
        for word in (site / OUTPUTS["words"].format(id=row[0])).read_text(encoding="utf-8").split():
            found = postings.get(word)
            if found is None:
                found = postings[word] = array("I")
            found.append(number)
        count = number + 1
    yield b'],"words":{'
    digits = [_base36(n) for n in range(count + 1)]
    for n, word in enumerate(sorted(postings)):
        yield (("," if n else "") + _json(word) + ":" + _json(encode_postings(postings.pop(word), digits))).encode()
    yield b"}};\n"
