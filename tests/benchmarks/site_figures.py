"""Figures of a built site as a reader meets it: the largest page of each
kind, the search index's size (whole and gzipped) and what one query loads,
and the time headless Chromium takes to open each kind of page and to answer
a query from file://.

    python3 tests/benchmarks/site_figures.py SITE_DIR
    python3 tests/benchmarks/site_figures.py SITE_DIR --rewrite OUT_DIR

With ``--rewrite``, the site's pages (documents, index, facets, register,
search index) are first written again from the built site's records into
OUT_DIR, timed, and OUT_DIR is measured: the figures of the current page code
without converting and rendering every document again.
"""

from __future__ import annotations

import gzip
import json
import shutil
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
        "register_page": (site / "register").glob("*.html"),
        "facet": (site / "browse").rglob("*.html"),
        "document": (site / "documents").glob("*.html"),
        "search_entry": [site / "search-index.js"],
        "search_word_shard": (site / "search").glob("w-*.js"),
        "search_block_keys": (site / "search").glob("k-*.js"),
        "search_doc_text": (site / "search").glob("d-*.js"),
    }
    out = {}
    for kind, paths in kinds.items():
        size, path = _largest(paths)
        out[kind] = {"bytes": size, "path": str(path.relative_to(site)) if path else ""}
    # Each file gzipped on its own, as a server would send it.
    parts = {"search_total": [site / "search-index.js", *(site / "search").glob("*.js")],
             "search_words": [*(site / "search").glob("w-*.js"), *(site / "search").glob("k-*.js")],
             "search_texts": list((site / "search").glob("d-*.js"))}
    for name, paths in parts.items():
        raw = zipped = 0
        for path in paths:
            data = path.read_bytes()
            raw += len(data)
            zipped += len(gzip.compress(data, 6))
        out[name] = {"bytes": raw, "gzipped": zipped, "files": len(paths)}
    return out


def browser_times(site: Path, pages: list[str], query: str, second: str = "bucharest") -> dict:
    """Milliseconds to the load event for each page, and for two queries on search.html (``query``
    and ``second``) to show their first results, with the files each loaded."""
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
        for label, words in (("query", query), ("query2", second)):
            page = browser.new_page()
            page.goto((site.resolve() / "search.html").as_uri(), wait_until="load")
            page.wait_for_function("document.getElementById('status').textContent.includes('indexed')")
            loaded = []
            page.on("request", lambda r, loaded=loaded: loaded.append(r.url))
            start = time.perf_counter()
            page.fill("#q", words)
            page.wait_for_function("!document.getElementById('status').textContent.startsWith('Searching')"
                                   " && !document.getElementById('status').textContent.includes('indexed')")
            out[f"{label}_ms"] = round((time.perf_counter() - start) * 1000)
            out[f"{label}_files"] = len(loaded)
            out[f"{label}_status"] = page.inner_text("#status")
            page.close()
        browser.close()
    return out


def figures(site: Path, query: str = "korean leadership") -> dict:
    sizes = page_sizes(site)
    pages = ["index.html", sizes["index"]["path"], "register.html", sizes["register_page"]["path"], "browse/index.html",
             sizes["facet"]["path"], sizes["document"]["path"], "search.html"]
    return {"sizes": sizes, "browser": browser_times(site, list(dict.fromkeys(p for p in pages if p)), query)}


def rewrite_pages(site: Path, out: Path) -> dict:
    """Write ``site``'s pages again into ``out`` from its records; seconds for all of them and
    for the search index alone."""
    from teikit.site.pagedata import PageData
    from teikit.site.pages import write_site_pages
    from teikit.site.search import write_index

    manifest = json.loads((site / ".teikit-build.json").read_text(encoding="utf-8"))
    docs = {k: v for k, v in manifest["docs"].items() if v.get("status") == "built"}
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    # The records, words and rendered pages the build keeps are read where they are.
    (out / ".teikit").symlink_to((site / ".teikit").resolve(), target_is_directory=True)
    start = time.perf_counter()
    write_site_pages(out, docs, site / "tei" / "register.xml", manifest.get("edition") or {"title": "Edition"})
    pages_s = time.perf_counter() - start
    scratch = out.parent / (out.name + ".index")
    shutil.rmtree(scratch, ignore_errors=True)
    data = PageData(out, docs)
    start = time.perf_counter()
    for rel, content in write_index(out, data):
        (scratch / rel).parent.mkdir(parents=True, exist_ok=True)
        (scratch / rel).write_bytes(content)
    index_s = time.perf_counter() - start
    data.close()
    shutil.rmtree(scratch)
    return {"documents": len(docs), "pages_s": round(pages_s, 1), "search_index_s": round(index_s, 1)}


if __name__ == "__main__":
    target = Path(sys.argv[1])
    result = {}
    if len(sys.argv) == 4 and sys.argv[2] == "--rewrite":
        result["rewrite"] = rewrite_pages(target, Path(sys.argv[3]))
        target = Path(sys.argv[3])
    result.update(figures(target))
    print(json.dumps(result, indent=1))
