"""Reads the built site's sharded search index the way the search page does."""

from __future__ import annotations

import json
import re
from pathlib import Path

_CALL = re.compile(r"^TEIKIT_SEARCH\.(meta|keys|words|doc)\((.*)\);\n$", re.S)


def _call(path: Path) -> tuple[str, list]:
    match = _CALL.match(path.read_text(encoding="utf-8"))
    assert match, f"{path} is not one TEIKIT_SEARCH call"
    return match.group(1), json.loads(f"[{match.group(2)}]")


def decode_postings(text: str, start: int = 0) -> list[tuple[int, int]]:
    """``(document number, passage number)`` pairs from ``gap.passage`` in base 36 (``start``: the block's first document)."""
    out, doc = [], start
    for pair in text.split(","):
        gap, passage = pair.split(".")
        doc += int(gap, 36)
        out.append((doc, int(passage, 36)))
    return out


def read_index(site: Path) -> tuple[dict, dict[int, list], dict[str, list[tuple[int, int]]]]:
    """``(meta, {number: [id, title, date, passages]}, {word: [(doc, passage), ...]})``."""
    kind, (meta,) = _call(site / "search-index.js")
    assert kind == "meta"
    docs, words = {}, {}
    for path in sorted((site / "search").glob("d-*.js")):
        kind, (number, doc) = _call(path)
        assert kind == "doc" and path.name == f"d-{number}.js"
        docs[number] = doc
    for block in range(meta["blocks"]):
        kind, (number, keys) = _call(site / "search" / f"k-{block}.js")
        assert kind == "keys" and number == block
        for key in keys:
            kind, (name, shard) = _call(site / "search" / f"w-{block}-{key}.js")
            assert kind == "words" and name == f"{block}-{key}"
            for word, postings in shard.items():
                # Every word sits in the shard of its longest prefix that is a key.
                prefixes = ["_".join(format(ord(c), "x") for c in word[:n]) for n in range(len(word), 1, -1)]
                assert next(p for p in prefixes if p in keys) == key
                found = decode_postings(postings, block * meta["block"])
                assert all(block * meta["block"] <= d < (block + 1) * meta["block"] for d, _ in found)
                words.setdefault(word, []).extend(found)
    assert sorted(docs) == list(range(meta["docs"]))
    return meta, docs, words
