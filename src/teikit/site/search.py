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


def build_index(site: Path, docs: dict[str, dict]) -> dict:
    """The index for ``{doc id: manifest entry}`` (documents numbered in id order).

    Each document's words are read from its words file in ``site``; posting
    lists are kept as compact integer arrays until they are encoded.
    """
    table = []
    postings: dict[str, array] = {}
    for number, doc_id in enumerate(sorted(docs)):
        record = docs[doc_id]["record"]
        table.append([doc_id, record["title"], record["date_text"] or record["date"], record["description"],
                      record["date"]])
        words = (site / OUTPUTS["words"].format(id=doc_id)).read_text(encoding="utf-8").split()
        for word in words:
            found = postings.get(word)
            if found is None:
                found = postings[word] = array("I")
            found.append(number)
    digits = [_base36(n) for n in range(len(table) + 1)]
    return {"docs": table, "words": {w: encode_postings(postings.pop(w), digits) for w in sorted(postings)}}


def index_script(site: Path, docs: dict[str, dict]) -> str:
    """The text of ``search-index.js``."""
    data = json.dumps(build_index(site, docs), ensure_ascii=False, separators=(",", ":"))
    # U+2028/2029 are legal in JSON but not in older JavaScript string literals.
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.TEIKIT_SEARCH={data};\n"
