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
from collections.abc import Iterator
from pathlib import Path

from .folder import OUTPUTS

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(number: int) -> str:
    if number == 0:
        return "0"
    out = []
    while number:
        number, rest = divmod(number, 36)
        out.append(_DIGITS[rest])
    return "".join(reversed(out))


def _json(value) -> str:
    # U+2028/2029 are legal in JSON but not in older JavaScript string literals.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _append_gap(buffer: bytearray, gap: int) -> None:
    # Seven bits a byte, high bit set on all but the last byte of a gap.
    while gap >= 0x80:
        buffer.append(gap & 0x7F | 0x80)
        gap >>= 7
    buffer.append(gap)


def _gaps(buffer: bytearray) -> Iterator[int]:
    value = shift = 0
    for byte in buffer:
        value |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            yield value
            value = shift = 0


def index_script(site: Path, data) -> Iterator[bytes]:
    """The text of ``search-index.js``, in pieces, for the documents of ``data`` (a :class:`PageData`).

    Documents are numbered in id order. The document table is streamed from
    the scratch database; each document's words are read from its words file
    in ``site``. Only the posting lists are held until the words are
    written, as gaps of one or two bytes each (a word's documents are
    numbered in ascending order): the index grows with the edition, but at
    about a byte per (word, document) pair.
    """
    yield b'window.TEIKIT_SEARCH={"docs":['
    postings: dict[str, list] = {}  # word -> [last document number, gaps]
    count = 0
    for number, row in enumerate(data.docs_by_id()):
        yield (("," if number else "") + _json(list(row))).encode("utf-8")
        for word in (site / OUTPUTS["words"].format(id=row[0])).read_text(encoding="utf-8").split():
            found = postings.get(word)
            if found is None:
                postings[word] = found = [0, bytearray()]
            _append_gap(found[1], number - found[0])
            found[0] = number
        count = number + 1
    yield b'],"words":{'
    digits = [_base36(n) for n in range(count + 1)]
    for n, word in enumerate(sorted(postings)):
        gaps = ",".join(map(digits.__getitem__, _gaps(postings.pop(word)[1])))
        yield (("," if n else "") + _json(word) + ":" + _json(gaps)).encode("utf-8")
    yield b"}};\n"
