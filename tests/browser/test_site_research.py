"""The edition in Chromium as a historian uses it, from disk (file://), at
1280 and 390 px: navigation between documents, the cite block and its
downloads, the facets, search snippets that link to their paragraph, and
name links that are one tab stop per entry and paragraph."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from chromium_support import CHROMIUM, browser  # noqa: F401 - fixture

from teikit.site import build_site, bundled_source_dir

SEED_ID = "soviet-embassy-dprk-1969-06-09"
WIDTHS = (1280, 390)

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    bundled = bundled_source_dir()
    if not (bundled / f"{SEED_ID}.xml").is_file():
        pytest.skip("the bundled edition has no seed TEI")
    source = tmp_path_factory.mktemp("research") / "src"
    shutil.copytree(bundled, source)
    tei = (source / f"{SEED_ID}.xml").read_text(encoding="utf-8")
    (source / "later-memo.xml").write_text(tei.replace(f'xml:id="{SEED_ID}"', 'xml:id="later-memo"')
                                           .replace('<date when="1969-06-09">', '<date when="1971-02-01">'),
                                           encoding="utf-8")
    out = source.parent / "site"
    summary = build_site(source, out, jobs=2, pdf=False, stream=io.StringIO())
    assert summary.ok, summary.failed
    return out


@pytest.fixture
def open_page(browser):
    contexts = []

    def run(site: Path, rel: str, width: int = 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto((site.resolve() / rel).as_uri())
        page.wait_for_load_state("load")
        return page

    yield run
    for context in contexts:
        context.close()


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page overflows sideways"
    assert page.errors == [], page.errors


@pytest.mark.parametrize("width", WIDTHS)
def test_navigation_between_documents(site, open_page, width, tmp_path_factory):
    page = open_page(site, f"documents/{SEED_ID}.html", width)
    nav = page.get_by_role("navigation", name="Edition")
    for label in ("Documents", "Browse", "Register", "Search"):
        assert nav.get_by_role("link", name=label, exact=True).is_visible()
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / f"document-top-{width}.png"))
    _fits(page, width)
    page.locator("nav.docnav a[rel='next']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("documents/later-memo.html")
    assert "Document 2 of 2" in page.locator("nav.docnav").first.inner_text()
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Documents", exact=True).click()
    page.wait_for_load_state("load")
    assert page.url.endswith("index.html")
    _fits(page, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_cite_block_follows_the_paragraph_and_offers_downloads(site, open_page, width, tmp_path_factory):
    page = open_page(site, f"documents/{SEED_ID}.html", width)
    chicago = page.locator("span[data-style='chicago']")
    assert "para." not in chicago.inner_text()
    # Following a paragraph's anchor makes the citation name that paragraph.
    page.locator("p#p3 a.tk-anchor").click()
    assert page.url.endswith("#p3")
    page.wait_for_function("document.querySelector(\"span[data-style='chicago']\").textContent.includes('para. 3')")
    mla = page.locator("span[data-style='mla']").inner_text()
    assert "#p3" in chicago.inner_text() and "#p3." in mla
    # MLA's access date is the reader's, added by the page; MLA writes the URL without its scheme.
    assert re.search(r" Accessed \d{1,2} (Jan\.|Feb\.|Mar\.|Apr\.|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{4}\.$", mla)
    assert "file:" not in mla and "https://" not in mla
    page.locator("section.tk-cite").scroll_into_view_if_needed()
    page.locator("section.tk-cite").screenshot(path=str(tmp_path_factory.getbasetemp() / f"cite-{width}.png"))
    _fits(page, width)
    # Each download is a file of the site (from file:// Chromium shows it rather than saving it).
    for fmt, start in (("ris", "TY  - MANSCPT"), ("bib", "@misc{"), ("csl", "[")):
        link = page.locator(f"section.tk-cite a[data-format='{fmt}']")
        assert link.get_attribute("download") == ""
        target = Path(page.evaluate("u => new URL(u, location.href).pathname", link.get_attribute("href")))
        assert target.read_text(encoding="utf-8").startswith(start)


@pytest.mark.parametrize("width", WIDTHS)
def test_facets_work_without_script_and_fit(site, browser, width, tmp_path_factory):
    # No JavaScript at all: the facets are details and links.
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto((site.resolve() / "index.html").as_uri())
    page.locator("details[data-facet='person'] summary").click()
    page.locator("details[data-facet='decade'] summary").click()
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / f"facets-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator("details[data-facet='decade']").get_by_role("link", name="1970s").click()
    page.wait_for_load_state("load")
    assert page.locator("ol.facet-docs li").count() == 1
    page.locator("ol.facet-docs a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("documents/later-memo.html")
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_search_shows_snippets_that_link_to_the_paragraph(site, open_page, width, tmp_path_factory):
    page = open_page(site, "search.html", width)
    page.locator("#q").fill("Bucharest")
    first = page.locator("#results li").first
    first.wait_for()
    assert first.locator("mark").first.inner_text() == "Bucharest"
    href = first.locator("a").get_attribute("href")
    assert "#p" in href
    # A phrase must occur as written; the same words in another order do not match it.
    page.locator("#q").fill('"socialist camp"')
    page.wait_for_function("document.querySelectorAll('#results li').length > 0")
    marks = page.locator("#results li").first.locator("mark").all_inner_texts()
    assert [m.casefold() for m in marks[:2]] == ["socialist", "camp"]
    page.locator("#q").fill('"camp socialist"')
    page.wait_for_function("document.getElementById('status').textContent.startsWith('0 ')")
    page.locator("#q").fill("Bucharest")
    page.locator("#results li a").first.wait_for()
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / f"search-{width}.png"))
    _fits(page, width)
    page.locator("#results li a").first.click()
    page.wait_for_load_state("load")
    anchor = href.split("#", 1)[1]
    assert page.url.endswith(f"#{anchor}")
    assert page.evaluate(f"document.getElementById('{anchor}').matches(':target')")
    assert "Bucharest" in page.locator(f"[id='{anchor}']").inner_text()


def test_a_name_is_one_tab_stop_per_paragraph(site, open_page):
    page = open_page(site, f"documents/{SEED_ID}.html")
    counts = page.evaluate("""() => Array.from(document.querySelectorAll('[data-cite]')).map(p => {
        // A note is a text of its own: its names are linked there again.
        const links = Array.from(p.querySelectorAll("a[href*='register/']"))
            .filter(a => !a.closest("[class*='note']")).map(a => a.getAttribute('href'));
        const again = p.querySelectorAll('.name-again').length;
        return [links.length, new Set(links).size, again];
    })""")
    assert any(again for _, _, again in counts), "the seed has paragraphs that name an entry twice"
    # Each entry is one link (one tab stop) per paragraph; its repeats are marked, not linked.
    for links, distinct, _ in counts:
        assert links == distinct
    again = page.locator(".name-again").first
    assert again.evaluate("e => e.tabIndex") < 0 and again.evaluate("e => getComputedStyle(e).color") != \
        page.locator("a.name").first.evaluate("e => getComputedStyle(e).color")


@pytest.mark.parametrize("width", WIDTHS)
def test_register_by_initial_and_old_addresses(site, open_page, width, tmp_path_factory):
    page = open_page(site, "register.html", width)
    persons = page.locator("section#persons a")
    assert persons.count() > 3
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / f"register-{width}.png"), full_page=True)
    _fits(page, width)
    persons.filter(has_text="F").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("register/persons-f.html")
    assert page.locator("nav.initials a[aria-current='page']").inner_text() == "F"
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / f"register-f-{width}.png"), full_page=True)
    _fits(page, width)
    # A name on a document page leads to its entry on its initial's page.
    page = open_page(site, f"documents/{SEED_ID}.html", width)
    page.locator("a[href$='register/persons-f.html#per-fadeyev-yu']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("register/persons-f.html#per-fadeyev-yu")
    assert page.evaluate("document.getElementById('per-fadeyev-yu').matches(':target')")
    # The address of an entry before the register was split still leads to it.
    page = open_page(site, "index.html", width)
    page.goto((site.resolve() / "register.html").as_uri() + "#per-fadeyev-yu")
    page.wait_for_url("**/register/persons-f.html#per-fadeyev-yu")
    assert not page.errors


PAGE_TYPES = ["index.html", "browse/index.html", "browse/person/per-fadeyev-yu.html", "browse/decade/1960s.html",
              "register.html", "register/persons-f.html", "search.html?q=Bucharest", f"documents/{SEED_ID}.html"]


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violations_on_any_page_type(site, open_page, width):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    for rel in PAGE_TYPES:
        path, _, query = rel.partition("?")
        page = open_page(site, path, width)
        if query:
            page.goto(page.url + "?" + query)
            page.locator("#results li").first.wait_for()
        results = axe.run(page)
        violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]])
                      for v in results.response["violations"]]
        assert violations == [], (rel, width, violations)
