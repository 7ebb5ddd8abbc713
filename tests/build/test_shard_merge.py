"""--shard I/N splits deterministically; merging the shards gives the full site."""

from __future__ import annotations

import json

import pytest

from teikit.errors import TeikitError, UsageError
from teikit.site import MANIFEST, merge_sites, parse_shard, shard_of
from teikit.site.plan import discover, select_shard


def test_parse_shard():
    assert parse_shard("2/4") == (2, 4)
    assert parse_shard(" 1 / 1 ") == (1, 1)
    for bad in ("0/4", "5/4", "1/0", "a/b", "3", ""):
        with pytest.raises(UsageError):
            parse_shard(bad)


def test_shards_partition_the_documents_stably():
    ids = [f"doc-{n:04d}" for n in range(400)]
    parts = {k: [i for i in ids if shard_of(i, 4) == k] for k in range(1, 5)}
    assert sorted(sum(parts.values(), [])) == ids
    assert all(60 < len(p) < 140 for p in parts.values())  # roughly even
    # A fixed value: the split must not depend on the process (no salted hash()).
    assert [shard_of(i, 4) for i in ids[:8]] == [shard_of(i, 4) for i in ids[:8]]
    assert shard_of("soviet-embassy-dprk-1969-06-09", 7) == int(
        __import__("hashlib").sha256(b"soviet-embassy-dprk-1969-06-09").hexdigest()[:16], 16) % 7 + 1


def test_select_shard(source):
    sources = discover(source).sources
    picked = [select_shard(sources, (k, 3)) for k in (1, 2, 3)]
    assert sorted(s.doc_id for part in picked for s in part) == sorted(s.doc_id for s in sources)
    assert select_shard(sources, None) == sources


def _pages(site):
    return {name: (site / name).read_bytes() for name in ("index.html", "register.html", "search-index.js", "edition.xml")}


def test_merged_shards_equal_the_full_build(source, build, tmp_path):
    build(source, site=tmp_path / "full")
    shards = []
    for k in (1, 2, 3):
        shards.append(tmp_path / f"part{k}")
        build(source, site=shards[-1], shard=(k, 3))
    summary = merge_sites(shards, tmp_path / "merged")
    assert sorted(summary.reused) == ["alpha", "beta", "delta", "gamma"]
    assert _pages(tmp_path / "merged") == _pages(tmp_path / "full")
    for doc in ("alpha", "beta", "gamma", "delta"):
        assert (tmp_path / "merged" / "documents" / f"{doc}.html").is_file()
    # The merged site is an ordinary site: a later full build over it is a no-op.
    assert build(source, site=tmp_path / "merged").up_to_date


def test_merge_refuses_mismatched_shards(source, build, tmp_path):
    build(source, site=tmp_path / "a", shard=(1, 2))
    build(source, site=tmp_path / "b", shard=(2, 2), toolchain_digest="another teikit")
    with pytest.raises(TeikitError, match="different"):
        merge_sites([tmp_path / "a", tmp_path / "b"], tmp_path / "merged")
    assert not (tmp_path / "merged").exists()


def test_merge_needs_build_outputs(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(TeikitError, match="manifest"):
        merge_sites([tmp_path / "empty"], tmp_path / "merged")


def test_merge_refuses_a_shard_of_an_older_manifest_format(source, build, tmp_path):
    build(source, site=tmp_path / "a", shard=(1, 2))
    build(source, site=tmp_path / "b", shard=(2, 2))
    path = tmp_path / "b" / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["format"] -= 1
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(TeikitError, match="rebuild the shard"):
        merge_sites([tmp_path / "a", tmp_path / "b"], tmp_path / "merged")
    assert not (tmp_path / "merged").exists()
