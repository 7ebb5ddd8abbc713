"""Benchmarks of the built site as a reader meets it, on generated corpora
(corpus_gen.py): the largest page of each kind, the search index (whole,
gzipped, files) and what a query loads, page-open and query times in
headless Chromium from file://. Figures go into extra_info; the published
figures of staticSearch for comparison (about 1,800 documents: 39 MB
gzipped, 84 s to build, needs a web server) are added beside them.

    python3 -m pytest tests/benchmarks/test_bench_site_pages.py --benchmark-only
    TEIKIT_BENCH_SITE_SIZES=1000,10000 python3 -m pytest ... (10,000: about 10 minutes on 2 cores)

Every page must stay under :data:`PAGE_LIMIT` and open in under a second,
whatever the edition's size (the register, index and facet pages are split;
the search shards are split by size).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus_gen import generate
from site_figures import CHROMIUM, figures
from test_bench_build import REGISTER, run_build

SIZES = [int(n) for n in os.environ.get("TEIKIT_BENCH_SITE_SIZES", "1000").split(",")]
STATICSEARCH = {"documents": 1800, "index_gzipped_mb": 39, "build_s": 84, "needs_server": True}
PAGE_LIMIT = 1_000_000


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")
@pytest.mark.parametrize("count", SIZES)
def test_site_pages_and_search(benchmark, tmp_path, count):
    pytest.importorskip("playwright.sync_api")
    source = tmp_path / "corpus"
    generate(source, count, register=REGISTER)
    site = tmp_path / "site"
    build = run_build(source, site, pdf=False)
    assert build["failed"] == 0, build["failures"]
    result = benchmark.pedantic(figures, args=(site,), rounds=1, iterations=1)
    benchmark.extra_info.update({"documents": count, "build": build, **result, "staticsearch": STATICSEARCH})
    assert result["browser"]["query_files"] >= 1
    for kind in ("index", "register", "register_page", "facet", "search_word_shard", "search_block_keys"):
        assert result["sizes"][kind]["bytes"] < PAGE_LIMIT, (kind, result["sizes"][kind])
    assert all(ms < 1000 for rel, ms in result["browser"].items() if rel.endswith(".html")), result["browser"]
