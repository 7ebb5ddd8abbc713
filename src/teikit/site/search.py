"""The offline search index, built at build time and split so that a query
loads only what it needs, however large the edition. Every file is a plain
script (``<script src>``), which, unlike fetch(), works from file://.

Layout (all under ``search/``, except the small entry file)::

    search-index.js        TEIKIT_SEARCH.meta({"docs": N, "block": 1000, "blocks": B})
    search/k-0.js          TEIKIT_SEARCH.keys(0, ["6b_6f", "63_6f_6d", ...])
    search/w-0-6b_6f.js    TEIKIT_SEARCH.words("0-6b_6f", {"korea": "0.3,0.4,2.1", ...})
    search/d-17.js         TEIKIT_SEARCH.doc(17, [id, title, date as written, [[anchor, text], ...]])

Documents are numbered in the index's order (date, then title), so the
results come in that order without a table of all documents, and they are
indexed in blocks of :data:`BLOCK` documents: a query searches the first
block, shows its results, and reads the next block only when more are
asked for. Within a block a word sits in the shard of its longest prefix
that is a shard key (hexadecimal code points joined by "_"); a key starts
at two characters and is split by the next character while its shard is
larger than :data:`SHARD_LIMIT`, so no file grows with the edition. A query
loads the block's key list, the shard of each of its words, then the
passage texts of the documents it shows, for the snippets and phrase checks.
A posting is ``document gap.passage`` in base 36 (gap 0: the same document
again), one per passage the word occurs in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .folder import OUTPUTS
from .records import words

SEARCH_DIR = "search"
#: Documents indexed together; a query reads one block at a time.
BLOCK = 1000
#: Bytes a word shard may hold before its key is split by one more character.
SHARD_LIMIT = 192 * 1024
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


def shard_key(word: str, length: int = 2) -> str:
    """A (folded) word's first ``length`` characters as hexadecimal code points: a shard's key."""
    return "_".join(format(ord(c), "x") for c in word[:length])


def split_shards(sizes: dict[str, int], limit: int = SHARD_LIMIT, length: int = 2) -> dict[str, list[str]]:
    """Words (with their entry's size in bytes) grouped by shard key: two characters, and one
    more for as long as a group is larger than ``limit`` and can still be split. Words no
    longer than a key stay in that key's shard, so a word's shard is always its longest
    prefix that is a key."""
    groups: dict[str, list[str]] = {}
    for word in sorted(sizes):
        groups.setdefault(word[:length], []).append(word)
    out: dict[str, list[str]] = {}
    for prefix, members in groups.items():
        if sum(sizes[w] for w in members) <= limit or all(len(w) <= length for w in members):
            out[shard_key(prefix, length)] = members
            continue
        short = [w for w in members if len(w) <= length]
        if short:
            out[shard_key(prefix, length)] = short
        out.update(split_shards({w: sizes[w] for w in members if len(w) > length}, limit, length + 1))
    return out


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


def _block_files(block: int, postings: dict[str, list], digits: list[str]) -> Iterator[tuple[str, bytes]]:
    """One block's word shards and key list; empties ``postings``."""
    entries = {}
    for word in sorted(postings):
        numbers = list(_numbers(postings.pop(word)[1]))
        pairs = ",".join(f"{digits[numbers[i]]}.{_base36(numbers[i + 1])}" for i in range(0, len(numbers), 2))
        entries[word] = _json(word) + ":" + _json(pairs)
    shards = split_shards({word: len(entry.encode("utf-8")) + 1 for word, entry in entries.items()})
    for key, members in shards.items():
        name = f"{block}-{key}"
        yield f"{SEARCH_DIR}/w-{name}.js", (
            f'TEIKIT_SEARCH.words({_json(name)},{{{",".join(entries.pop(w) for w in members)}}});\n').encode("utf-8")
    yield f"{SEARCH_DIR}/k-{block}.js", f"TEIKIT_SEARCH.keys({block},{_json(sorted(shards))});\n".encode("utf-8")


def write_index(site: Path, data, block_size: int = BLOCK) -> Iterator[tuple[str, bytes]]:
    """The index's files ``(path in the site, content)`` for the documents of ``data`` (a :class:`PageData`).

    Each document's passages are read from its file in ``site`` once; its
    text file is written at once, and only one block's posting lists are
    held, as one or two bytes a number, until its word shards are written.
    """
    postings: dict[str, list] = {}  # word -> [last document number, bytes of (gap, passage) pairs]
    count = 0
    digits = [_base36(n) for n in range(block_size + 1)]
    for number, row in enumerate(data.docs_by_date()):
        if number and number % block_size == 0:
            yield from _block_files(number // block_size - 1, postings, digits)
        start = number - number % block_size
        doc_id, _, title, date, date_text = row[:5]
        passages = json.loads((site / OUTPUTS["words"].format(id=doc_id)).read_text(encoding="utf-8"))
        yield f"{SEARCH_DIR}/d-{number}.js", (
            f"TEIKIT_SEARCH.doc({number},{_json([doc_id, title, date_text or date, passages])});\n").encode("utf-8")
        for index, (_, text) in enumerate(passages):
            for word in words(text):
                found = postings.get(word)
                if found is None:
                    # The first posting of a word in a block: the document's number in the block.
                    postings[word] = found = [number, bytearray()]
                    _append(found[1], number - start)
                else:
                    _append(found[1], number - found[0])
                    found[0] = number
                _append(found[1], index)
        count = number + 1
    blocks = -(-count // block_size)
    if count:
        yield from _block_files(blocks - 1, postings, digits)
    yield "search-index.js", (f"TEIKIT_SEARCH.meta({_json({'docs': count, 'block': block_size, 'blocks': blocks})});\n"
                              ).encode("utf-8")
