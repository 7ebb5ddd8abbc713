"""The search index's layout: blocks of documents, shards split by size, every
posting where the search page looks for it."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings, strategies as st

from search_support import read_index
from teikit.site.folder import OUTPUTS
from teikit.site.records import words
from teikit.site.search import shard_key, split_shards, write_index

_WORDS = st.text(alphabet="abcdeéкд", min_size=2, max_size=7)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_WORDS, st.integers(1, 400), min_size=1, max_size=60), st.integers(50, 800))
def test_shards_hold_every_word_once_under_the_limit_where_they_can(sizes, limit):
    shards = split_shards(sizes, limit)
    placed = [w for members in shards.values() for w in members]
    assert sorted(placed) == sorted(sizes)
    for key, members in shards.items():
        for word in members:
            # The shard of a word is its longest prefix that is a key: the search page's lookup.
            prefixes = [shard_key(word, n) for n in range(len(word), 1, -1)]
            assert next(p for p in prefixes if p in shards) == key
        # Over the limit only a shard of one word, which no longer key could split.
        assert sum(sizes[w] for w in members) <= limit or len(members) == 1


class _Data:
    def __init__(self, ids):
        self.ids = ids

    def docs_by_date(self):
        return iter([(doc_id, str(n), f"Title {n}", "", "", "", "", 0) for n, doc_id in enumerate(self.ids)])


def test_a_query_finds_every_passage_in_any_block(tmp_path: Path):
    texts = {}
    for n in range(23):
        doc_id = f"d{n:02d}"
        passages = [["", f"Title {n}"], [f"p{n}", "common words " + " ".join(f"w{n * k}" for k in range(1, 40))],
                    ["p2", "common again" + (" rare" if n in (3, 17, 22) else "")]]
        texts[doc_id] = passages
        path = tmp_path / OUTPUTS["words"].format(id=doc_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(passages), encoding="utf-8")
    site = tmp_path
    for rel, content in write_index(site, _Data(sorted(texts)), block_size=5):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(content)
    meta, docs, index = read_index(site)
    assert meta == {"docs": 23, "block": 5, "blocks": 5}
    expected: dict[str, set] = {}
    for number, doc_id in enumerate(sorted(texts)):
        for passage, (_, text) in enumerate(texts[doc_id]):
            for word in words(text):
                expected.setdefault(word, set()).add((number, passage))
    assert {w: set(p) for w, p in index.items()} == expected
    assert index["rare"] == [(3, 2), (17, 2), (22, 2)]


def test_no_shard_of_a_busy_prefix_grows_past_the_limit(tmp_path: Path):
    # Many words of one two-letter prefix: the shard is split by the third and further letters.
    sizes = {f"co{a}{b}{c}": 300 for a in "abcdefgh" for b in "abcdefgh" for c in "ab"}
    shards = split_shards(sizes, limit=4096)
    assert len(shards) > 1 and all(sum(sizes[w] for w in m) <= 4096 for m in shards.values())
