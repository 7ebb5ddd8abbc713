"""The built edition as a research edition: citable ids and anchors,
citations (meta tags as Zotero's and Scholar's translators read them, RIS
and BibTeX read back by their parsers, CSL-JSON), navigation and release on
every page, facets, and the register's order. Real stages, bundled edition."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from teikit.site import build_site, bundled_source_dir
from teikit.site.cite import surname_first

SEED_ID = "soviet-embassy-dprk-1969-06-09"
EDITION_TOML = 'title = "Korea files"\npublisher = "The Editors"\nversion = "2.1"\nurl = "https://edition.example.org/korea/"\n'
BUILT = "2026-03-04"


def _source(tmp_path: Path, name: str = "src") -> Path:
    bundled = bundled_source_dir()
    if not (bundled / f"{SEED_ID}.xml").is_file():
        pytest.skip("the bundled edition has no seed TEI")
    folder = tmp_path / name
    shutil.copytree(bundled, folder)
    (folder / "edition.toml").write_text(EDITION_TOML, encoding="utf-8")
    # A second document (the seed under another name and date), for previous/next.
    tei = (folder / f"{SEED_ID}.xml").read_text(encoding="utf-8")
    (folder / "later-memo.xml").write_text(
        tei.replace('xml:id="soviet-embassy-dprk-1969-06-09"', 'xml:id="later-memo"')
           .replace('<date when="1969-06-09">', '<date when="1971-02-01">'), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("citable")
    out = tmp / "site"
    monkey = pytest.MonkeyPatch()
    monkey.setenv("SOURCE_DATE_EPOCH", "1772582400")  # 2026-03-04
    try:
        summary = build_site(_source(tmp), out, jobs=2, pdf=True, stream=io.StringIO())
    finally:
        monkey.undo()
    assert summary.ok, summary.failed
    return out


def _page(site: Path, rel: str):
    return html.parse(str(site / rel))


def _meta(page, name: str) -> list[str]:
    return page.xpath(f"//head/meta[@name='{name}']/@content")


def test_paragraph_and_section_ids_are_in_the_tei_and_anchored_on_the_page(site):
    tei = etree.parse(str(site / "tei" / f"{SEED_ID}.xml"))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    paragraphs = tei.xpath("//t:text//t:p[not(ancestor::t:note)]", namespaces=ns)
    ids = [p.get("{http://www.w3.org/XML/1998/namespace}id") for p in paragraphs]
    assert ids[:3] == ["p1", "p2", "p3"] and len(set(ids)) == len(ids)
    page = _page(site, f"documents/{SEED_ID}.html")
    for anchor in ids:
        assert page.xpath(f"//p[@id='{anchor}']/a[@class='tk-anchor']/@href") == [f"#{anchor}"]
    # Divisions: their first heading links to the division.
    assert page.xpath("//section[@id='s1.1']//a[@class='tk-anchor']/@href")[0] == "#s1.1"


def test_ids_are_the_same_in_a_second_build(site, tmp_path):
    again = tmp_path / "again"
    assert build_site(_source(tmp_path), again, jobs=1, pdf=False, stream=io.StringIO()).ok

    def ids(root):
        return [e.get("id") for e in _page(root, f"documents/{SEED_ID}.html").xpath("//*[@data-cite]")]

    assert ids(again) == ids(site) and len(ids(site)) > 20


def test_meta_tags_as_citation_translators_read_them(site):
    page = _page(site, f"documents/{SEED_ID}.html")
    url = f"https://edition.example.org/korea/documents/{SEED_ID}.html"
    assert _meta(page, "citation_title")[0].startswith("Soviet Embassy in North Korea")
    assert _meta(page, "citation_author") == ["Fadeyev, Yu.", "Yakovlev, P."]
    assert _meta(page, "citation_date") == ["1969/06/09"]
    assert _meta(page, "citation_publisher") == ["The Editors"]
    assert _meta(page, "citation_public_url") == [url]
    assert _meta(page, "citation_pdf_url") == [f"https://edition.example.org/korea/documents/{SEED_ID}.pdf"]
    assert _meta(page, "DC.title") == _meta(page, "citation_title")
    assert _meta(page, "DC.date") == ["1969-06-09"] and _meta(page, "DC.identifier") == [url]
    assert page.xpath("//head/link[@rel='canonical']/@href") == [url]


def test_ris_bibtex_and_csl_json_read_back(site):
    rispy = pytest.importorskip("rispy")
    database = pytest.importorskip("pybtex.database")
    (entry,) = rispy.loads((site / "cite" / f"{SEED_ID}.ris").read_text(encoding="utf-8"))
    assert entry["type_of_reference"] == "MANSCPT"
    assert entry["authors"] == ["Fadeyev, Yu.", "Yakovlev, P."]
    assert entry["year"] == "1969" and entry["date"] == "1969/06/09/"
    assert entry["urls"] == [f"https://edition.example.org/korea/documents/{SEED_ID}.html"]
    assert entry["edition"] == "2.1"
    bib = database.parse_string((site / "cite" / f"{SEED_ID}.bib").read_text(encoding="utf-8"), "bibtex")
    (key,) = bib.entries
    record = bib.entries[key]
    assert key == SEED_ID and record.type == "misc"
    assert [str(p) for p in record.persons["author"]] == ["Fadeyev, Yu.", "Yakovlev, P."]
    assert record.fields["year"] == "1969" and "Korean Leadership" in record.fields["title"]
    (item,) = json.loads((site / "cite" / f"{SEED_ID}.json").read_text(encoding="utf-8"))
    assert item["type"] == "manuscript" and item["issued"] == {"date-parts": [[1969, 6, 9]]}
    assert item["author"][0] == {"family": "Fadeyev", "given": "Yu."} and item["version"] == "2.1"
    # The page offers the three files, and the formatted citations, without a script.
    page = _page(site, f"documents/{SEED_ID}.html")
    assert page.xpath("//section[@id='cite']//a[@download]/@href") == [
        f"../cite/{SEED_ID}.ris", f"../cite/{SEED_ID}.bib", f"../cite/{SEED_ID}.json"]
    chicago = page.xpath("string(//span[@data-style='chicago'])")
    assert chicago.startswith("Fadeyev, Yu., and P. Yakovlev. “Soviet Embassy") and "version 2.1" in chicago


def test_bibtex_escapes_what_would_break_the_entry():
    database = pytest.importorskip("pybtex.database")
    from teikit.site.cite import Citation

    citation = Citation(doc_id="x y", title="Costs {50%} & #3_a", authors=["A. de la Cruz"], date="1950",
                        date_text="", archive="", source_publisher="", source_url="", edition="E", publisher="",
                        version="", year="2026", url="https://e.org/a%20b{c}")
    bib = database.parse_string(citation.bibtex(), "bibtex")
    (record,) = bib.entries.values()
    assert record.fields["title"] == r"{Costs \{50\%\} \& \#3\_a}"
    assert record.fields["url"] == r"https://e.org/a\%20b\%7Bc\%7D"


def test_names_are_inverted_only_after_initials():
    assert surname_first("A. M. Puzanov") == "Puzanov, A. M."
    assert surname_first("Yu. Fadeyev") == "Fadeyev, Yu."
    # Family name first already: kept, and sorted under it.
    assert surname_first("Kim Il Sung") == "Kim Il Sung"
    assert surname_first("Puzanov, A. M.") == "Puzanov, A. M."


def test_every_page_has_navigation_release_and_build_date(site):
    pages = ["index.html", "register.html", "search.html", "browse/index.html", f"documents/{SEED_ID}.html"]
    pages.append(next(p.relative_to(site).as_posix() for p in (site / "browse" / "person").glob("*.html")))
    for rel in pages:
        page = _page(site, rel)
        labels = page.xpath("//nav[@aria-label='Edition']/a[not(@class='brand')]/text()")
        assert labels[:4] == ["Documents", "Browse", "Register", "Search"], rel
        # Every link of the frame resolves inside the site.
        for href in page.xpath("//*[contains(@class, 'site')]//a/@href"):
            assert (site / rel).parent.joinpath(href).resolve().is_file(), (rel, href)
        assert "Version 2.1, built 2026-03-04." in page.xpath("string(/html/body)"), rel


def test_previous_and_next_follow_the_index(site):
    first = _page(site, f"documents/{SEED_ID}.html")
    second = _page(site, "documents/later-memo.html")
    assert first.xpath("(//nav[@class='docnav'])[1]/a[@rel='next']/@href") == ["later-memo.html"]
    assert not first.xpath("//a[@rel='prev']")
    assert second.xpath("(//nav[@class='docnav'])[1]/a[@rel='prev']/@href") == [f"{SEED_ID}.html"]
    assert "Document 2 of 2" in second.xpath("string(//nav[@class='docnav'])")
    crumbs = second.xpath("//nav[@class='breadcrumb']//li")
    assert [li.text_content() for li in crumbs[:3]] == ["Korea files", "Documents", "1970s"]
    assert crumbs[-1].get("aria-current") == "page"


def test_facets_list_values_with_counts_and_each_has_a_page(site):
    index = _page(site, "index.html")
    facets = {d.get("data-facet"): d for d in index.xpath("//section[@class='facets']/details")}
    assert {"person", "place", "organization", "decade", "archive", "language", "classification", "genre"} <= set(facets)
    decades = {a.text: a.getparent().xpath("string(span)") for a in facets["decade"].xpath(".//a")}
    assert decades == {"1960s": "(1)", "1970s": "(1)"}
    assert [a.text for a in facets["language"].xpath(".//a")] == ["Russian"]
    assert [a.text for a in facets["genre"].xpath(".//a")] == ["Memo"]
    person = facets["person"].xpath(".//a[.='Fadeyev, Yu.']/@href")
    assert person == ["browse/person/per-fadeyev-yu.html"]
    page = _page(site, person[0])
    assert sorted(h.split("#")[0] for h in page.xpath("//ol[@class='facet-docs']/li/a/@href")) == [
        "../../documents/later-memo.html", f"../../documents/{SEED_ID}.html"]
    # Persons go by surname, in the facets as in the register.
    names = [a.text for a in facets["person"].xpath(".//a")]
    assert names == sorted(names, key=str.casefold)


def _register_names(site: Path, section: str) -> list[str]:
    """The entries of one kind, page after page in the order the register's overview links them."""
    overview = _page(site, "register.html")
    names = []
    for href in overview.xpath(f"//section[@id='{section}']//a/@href"):
        names += _page(site, href).xpath("//article[@class='entry']/h3/text()")
    return names


def test_register_sorts_persons_by_surname(site):
    names = _register_names(site, "persons")
    keys = [surname_first(n).casefold() for n in names]
    assert keys == sorted(keys) and len(names) > 3
    # "L. I. Brezhnev" under B, before "Kim Il Sung" under K.
    assert names.index("L. I. Brezhnev") < names.index("Kim Il Sung")


def test_register_sort_key_and_surname_win(tmp_path):
    from teikit.site.pages import read_register, sort_key

    register = tmp_path / "register.xml"
    register.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>R</title></titleStmt>'
        '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>'
        '<listPerson><person xml:id="a"><persName type="main">Anna <surname>Zeller</surname></persName></person>'
        '<person xml:id="b" sortKey="Aaron"><persName>Zoltan Aaron</persName></person>'
        '<person xml:id="c"><persName>B. Mayer</persName></person></listPerson></body></text></TEI>',
        encoding="utf-8")
    entries = sorted(read_register(register), key=sort_key)
    assert [e["id"] for e in entries] == ["b", "c", "a"]
