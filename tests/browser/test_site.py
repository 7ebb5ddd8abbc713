"""The built edition in Chromium, from disk (file://): index (sorting),
document, register (links back) and search pages work, with no console
errors and no request leaving the site folder."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from chromium_support import CHROMIUM, browser  # noqa: F401 - fixture

from teikit.site import build_site, bundled_source_dir

ROOT = Path(__file__).resolve().parents[2]
DEV_DIR = ROOT.parent / "shared" / "corpus" / "dev"
SEED_ID = "soviet-embassy-dprk-1969-06-09"

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")]


def _require_bundled():
    source = bundled_source_dir()
    if not (source / f"{SEED_ID}.xml").is_file() and not (source / f"{SEED_ID}.txt").is_file():
        pytest.skip("the bundled edition (tei/) has no seed document yet")
    return source


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory):
    """The bundled edition, built as `teikit build` does with no arguments."""
    site = tmp_path_factory.mktemp("bundled") / "site"
    summary = build_site(_require_bundled(), site, jobs=2, stream=io.StringIO())
    assert summary.ok, summary.failed
    return site


@pytest.fixture(scope="module")
def larger_site(tmp_path_factory):
    """The bundled edition plus the development documents: several rows to sort."""
    source = tmp_path_factory.mktemp("larger") / "src"
    shutil.copytree(_require_bundled(), source)
    for path in DEV_DIR.glob("*.txt"):
        shutil.copy(path, source / path.name)
    site = source.parent / "site"
    summary = build_site(source, site, jobs=2, pdf=False, stream=io.StringIO())
    if len(summary.built) < 2:
        pytest.skip(f"fewer than two documents built: {summary.failed}")
    return site


@pytest.fixture
def open_page(browser):
    """Open a page of a site; collect console errors and requests outside the site."""
    contexts = []

    def run(site: Path, rel: str):
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        page.errors, page.outside = [], []
        root = site.resolve()
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))

        def watch(request):
            url = urlparse(request.url)
            if url.scheme != "file" or not Path(unquote(url.path)).resolve().is_relative_to(root):
                page.outside.append(request.url)

        page.on("request", watch)
        page.goto((root / rel).as_uri())
        page.wait_for_load_state("load")
        return page

    yield run
    for context in contexts:
        context.close()


def _clean(page):
    assert page.errors == [], page.errors
    assert page.outside == [], page.outside


def test_index_lists_the_seed_and_links_its_files(bundled_site, open_page):
    page = open_page(bundled_site, "index.html")
    link = page.locator("td.title a").first
    assert "Korean Leadership" in link.inner_text()
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"documents/{SEED_ID}.html")
    assert "CONCERNING CHANGES" in page.locator("body").inner_text().upper()
    _clean(page)


def test_index_sorts_by_column(larger_site, open_page, tmp_path_factory):
    page = open_page(larger_site, "index.html")
    dates = page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.date)")
    assert dates == sorted(dates), "without a click, the table is in date order"
    page.get_by_role("button", name="Title").click()
    titles = page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.querySelector('td.title a').textContent)")
    assert titles == sorted(titles, key=str.casefold)
    page.get_by_role("button", name="Title").click()
    again = page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.querySelector('td.title a').textContent)")
    assert again == list(reversed(titles))
    page.get_by_role("button", name="Date").click()
    assert page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.date)") == sorted(dates)
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / "index.png"), full_page=True)
    _clean(page)


def test_document_page_has_no_errors(bundled_site, open_page):
    page = open_page(bundled_site, f"documents/{SEED_ID}.html")
    assert page.locator("a[href$='.pdf']").count() >= 1
    _clean(page)


def test_register_links_back_to_mentions(bundled_site, open_page):
    page = open_page(bundled_site, "register/persons-f.html")
    mentions = page.locator("a.mention")
    assert mentions.count() > 0
    entry_id = page.locator("article.entry:has(a.mention)").first.get_attribute("id")
    mention = page.locator(f"article[id='{entry_id}'] a.mention").first
    href = mention.get_attribute("href")
    mention.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(href.split("/")[-1])
    anchor = href.split("#", 1)[1]
    # The mention anchor exists on the document page and points back to the entry.
    target = page.locator(f"[id='{anchor}']")
    assert target.count() == 1
    assert target.get_attribute("href").endswith(f"register/persons-f.html#{entry_id}")
    target.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"register/persons-f.html#{entry_id}")
    _clean(page)


def test_search_finds_the_seed_offline(bundled_site, open_page, tmp_path_factory):
    page = open_page(bundled_site, "search.html")
    page.locator("#q").fill("Rodong")
    results = page.locator("#results li a")
    results.first.wait_for()
    assert any("Korean Leadership" in t for t in results.all_inner_texts())
    page.locator("#q").fill("Rodong zzzznotaword")
    page.wait_for_function("document.querySelectorAll('#results li').length === 0")
    # Prefix search while typing, case and accents folded.
    page.locator("#q").fill("KOREAN LEADERSH")
    results.first.wait_for()
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / "search.png"), full_page=True)
    results.first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"documents/{SEED_ID}.html")
    _clean(page)


def test_search_from_the_index_form(bundled_site, open_page):
    page = open_page(bundled_site, "index.html")
    page.locator("#index-q").fill("Peking Korean")
    page.locator("#index-q").press("Enter")
    page.wait_for_load_state("load")
    assert "search.html" in page.url
    page.locator("#results li a").first.wait_for()
    _clean(page)
