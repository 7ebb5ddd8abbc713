"""Figures of a built site as a reader meets it: the largest page of each
kind, the search index's size (whole and gzipped) and what one query loads,
and the time headless Chromium takes to open each kind of page and to answer
a query from file://.

    python3 tests/benchmarks/site_figures.py SITE_DIR
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def _largest(paths) -> tuple[int, str]:
    best = max(((p.stat().st_size, p) for p in paths), default=(0, None))
    return best[0], best[1]


def page_sizes(site: Path) -> dict:
    """The largest file of each kind of page, in bytes, with its path."""
    kinds = {
        "index": site.glob("index*.html"),
        "register": [site / "register.html"],
        "facet": (site / "browse").rglob("*.html"),
        "document": (site / "documents").glob("*.html"),
        "search_entry": [site / "search-index.js"],
        "search_word_shard": (site / "search").glob("w-*.js"),
        "search_doc_text": (site / "search").glob("d-*.js"),
    }
    out = {}
    for kind, paths in kinds.items():
        size, path = _largest(paths)
        out[kind] = {"bytes": size, "path": str(path.relative_to(site)) if path else ""}
    index = [site / "search-index.js", *(site / "search").glob("*.js")]
    raw = b"".join(p.read_bytes() for p in index)
    out["search_total"] = {"bytes": len(raw), "gzipped": len(gzip.compress(raw, 6)), "files": len(index)}
    return out


def browser_times(site: Path, pages: list[str], query: str) -> dict:
    """Milliseconds to the load event for each page, and for a query on search.html to show its results."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for rel in pages:
            page = browser.new_page()
            start = time.perf_counter()
            page.goto((site.resolve() / rel).as_uri(), wait_until="load")
            out[rel] = round((time.perf_counter() - start) * 1000)
            page.close()
        page = browser.new_page()
        page.goto((site.resolve() / "search.html").as_uri(), wait_until="load")
        page.wait_for_function("document.getElementById('status').textContent.includes('indexed')")
        loaded = []
        page.on("request", lambda r: loaded.append(r.url))
        start = time.perf_counter()
        page.fill("#q", query)
        page.wait_for_function("document.querySelectorAll('#results li').length > 0")
        out["query_ms"] = round((time.perf_counter() - start) * 1000)
        out["query_files"] = len(loaded)
        out["query_status"] = page.inner_text("#status")
        browser.close()
    return out


def figures(site: Path, query: str = "korean leadership") -> dict:
    sizes = page_sizes(site)
    pages = ["index.html", "register.html", sizes["facet"]["path"], sizes["document"]["path"], "search.html"]
    return {"sizes": sizes, "browser": browser_times(site, pages, query)}


if __name__ == "__main__":
    print(json.dumps(figures(Path(sys.argv[1])), indent=1))
