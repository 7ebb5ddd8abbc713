"""The offline search index, built at build time and split so that a query
loads only what it needs. Every file is a plain script (``<script src>``),
which, unlike fetch(), works from file://.

Layout (all under ``search/``, except the small entry file)::

    search-index.js        TEIKIT_SEARCH.meta({"docs": N, "shards": ["6b_6f", ...]})
    search/w-6b_6f.js      TEIKIT_SEARCH.words("6b_6f", {"korea": "0.3,0.4,2.1", ...})
    search/d-17.js         TEIKIT_SEARCH.doc(17, [id, title, date as written, [[anchor, text], ...]])

Documents are numbered in the index's order (date, then title), so the
results come in that order without a table of all documents. A word's
shard is named by its first two characters (hexadecimal code points, joined
by "_"); a query loads the shard of each of its words, then the passage
texts of the documents it shows, for the snippets and phrase checks. A
posting is ``document gap.passage`` in base 36 (gap 0: the same document
again), one per passage the word occurs in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .folder import OUTPUTS
from .records import words

SEARCH_DIR = "search"
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


def shard_key(word: str) -> str:
    """The shard of a (folded) word: its first two characters as hexadecimal code points."""
    return "_".join(format(ord(c), "x") for c in word[:2])


def _append(buffer: bytearray, value: int) -> None:
    # Seven bits a byte, high bit set on all but the last byte of a number.
    while value >= 0x80:
        buffer.append(value & 0x7F | 0x80)
        value >>= 7
    buffer.append(value)


def _numbers(buffer: bytearray) -> Iterator[int]:
    value = shift = 0
    for byte in buffer:
        value |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            yield value
            value = shift = 0


def write_index(site: Path, data) -> Iterator[tuple[str, bytes]]:
    """The index's files ``(path in the site, content)`` for the documents of ``data`` (a :class:`PageData`).

    Each document's passages are read from its file in ``site`` once; its
    text file is written at once, and only the posting lists are held, as
    one or two bytes a number, until the word shards are written.
    """
    postings: dict[str, list] = {}  # word -> [last document number, bytes of (gap, passage) pairs]
    count = 0
    for number, row in enumerate(data.docs_by_date()):
        doc_id, _, title, date, date_text = row[:5]
        passages = json.loads((site / OUTPUTS["words"].format(id=doc_id)).read_text(encoding="utf-8"))
        yield f"{SEARCH_DIR}/d-{number}.js", (
            f"TEIKIT_SEARCH.doc({number},{_json([doc_id, title, date_text or date, passages])});\n").encode("utf-8")
        for index, (_, text) in enumerate(passages):
            for word in words(text):
                found = postings.get(word)
                if found is None:
                    postings[word] = found = [number, bytearray()]
                    _append(found[1], number)
                else:
                    _append(found[1], number - found[0])
                    found[0] = number
                _append(found[1], index)
        count = number + 1
    shards: dict[str, list[str]] = {}
    for word in sorted(postings):
        shards.setdefault(shard_key(word), []).append(word)
    digits = [_base36(n) for n in range(max(count, 1) + 1)]
    for key, members in shards.items():
        parts = []
        for word in members:
            numbers = list(_numbers(postings.pop(word)[1]))
            pairs = ",".join(f"{digits[numbers[i]]}.{_base36(numbers[i + 1])}" for i in range(0, len(numbers), 2))
            parts.append(_json(word) + ":" + _json(pairs))
        yield f"{SEARCH_DIR}/w-{key}.js", f'TEIKIT_SEARCH.words({_json(key)},{{{",".join(parts)}}});\n'.encode("utf-8")
    yield "search-index.js", (f"TEIKIT_SEARCH.meta({_json({'docs': count, 'shards': sorted(shards)})});\n"
                              ).encode("utf-8")
