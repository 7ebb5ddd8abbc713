"""The build's orchestration with stand-in stages: outputs, failures,
incremental rebuilds, atomicity, strict mode."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from lxml import etree, html

from teikit.errors import TeikitError
from teikit.site import MANIFEST

from search_support import read_index


def test_builds_every_output(source, build, tmp_path):
    summary = build(source)
    site = tmp_path / "site"
    assert summary.ok and sorted(summary.built) == ["alpha", "beta", "delta", "gamma"]
    for doc in ("alpha", "beta", "gamma", "delta"):
        for rel in (f"documents/{doc}.html", f"documents/{doc}.pdf", f"tei/{doc}.xml"):
            assert (site / rel).is_file(), rel
    for rel in ("index.html", "register.html", "search.html", "search-index.js", "edition.xml",
                "tei/register.xml", MANIFEST):
        assert (site / rel).is_file(), rel
    # No staging folder is left next to the site.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]


def test_index_lists_documents_in_date_order(source, build, tmp_path):
    build(source)
    page = etree.parse(str(tmp_path / "site" / "index.html"), etree.HTMLParser())
    titles = [a.text for a in page.xpath("//tbody/tr/td[@class='title']/a[1]")]
    # gamma 1960, beta 1962, alpha 1969; the undated text goes last.
    assert titles == ["Gamma journal", "Beta report", "Alpha memo", "Delta note"]
    assert page.xpath("//tbody/tr[1]/@data-date") == ["1960-03-01"]
    archive = page.xpath("string(//tbody/tr[1]/td[@class='archive'])")
    assert "AVPRF" in archive and "fond 0102" in archive
    assert page.xpath("//tbody/tr[1]/td[@class='title']/span/a/@href") == ["tei/gamma.xml", "documents/gamma.pdf"]


def test_register_links_back_to_each_document_and_its_mentions(source, build, tmp_path):
    build(source)
    site = tmp_path / "site"
    # The overview files each entry under its initial, on a page of its own kind and letter.
    overview = etree.parse(str(site / "register.html"), etree.HTMLParser())
    assert "register/persons-f.html" in overview.xpath("//section[@id='persons']//a/@href")
    page = etree.parse(str(site / "register" / "persons-f.html"), etree.HTMLParser())
    entry = page.xpath("//article[@id='per-fadeyev-yu']")[0]
    # Fadeyev is named twice in each of the three TEI documents: one link per
    # document, to its first mention, with the count.
    items = entry.xpath(".//ul[@class='mentions']/li")
    assert len(items) == 3
    assert "6 mentions in 3 documents" in "".join(entry.itertext())
    for item in items:
        assert "".join(item.itertext()).endswith(", 2 mentions")
        (href,) = item.xpath("a[@class='mention']/@href")
        path, anchor = href.split("#")
        assert path.startswith("../documents/")
        doc = etree.parse(str(site / "register" / path), etree.HTMLParser())
        target = doc.xpath(f"//*[@id='{anchor}']")
        # The link goes straight to the entry's page of the register, no script needed.
        assert target and target[0].get("href") == "../register/persons-f.html#per-fadeyev-yu"
        # Every mention is anchored: linked at its first mention in a paragraph, marked after.
        linked = doc.xpath("//a[@href='../register/persons-f.html#per-fadeyev-yu'][@id]")
        again = doc.xpath("//span[@data-entry='per-fadeyev-yu'][@id]")
        assert linked and len(linked) + len(again) == 2
        assert not doc.xpath("//a[starts-with(@href, '../register.html#')]")
    # Every entry has an anchor; an unmentioned one says so.
    kim = etree.parse(str(site / "register" / "persons-k.html"), etree.HTMLParser())
    assert kim.xpath("//article[@id='per-kim-il-sung']//text()[contains(., 'Not mentioned')]")
    assert kim.xpath("//article[@id='per-kim-il-sung']//a/@href") == ["https://www.wikidata.org/wiki/Q39364"]
    for section in ("persons", "organizations", "places"):
        assert overview.xpath(f"//section[@id='{section}']//a")


def test_search_index_finds_words_in_their_passages(source, build, tmp_path):
    build(source)
    _, docs, words = read_index(tmp_path / "site")
    assert [docs[d][0] for d, _ in words["zhdanov"]] == ["delta"]
    assert sorted({docs[d][0] for d, _ in words["ideological"]}) == ["alpha", "beta", "gamma"]
    # Each posting names a passage whose text has the word, and the passage's
    # anchor is an id of the published TEI (the page's anchor: see test_build_real).
    anchors = 0
    for doc, passage in words["ideological"]:
        anchor, text = docs[doc][3][passage]
        assert "ideological" in text.casefold()
        if anchor:
            anchors += 1
            tei = etree.parse(str(tmp_path / "site" / "tei" / f"{docs[doc][0]}.xml"))
            assert tei.xpath(f"//*[@xml:id='{anchor}']")
    assert anchors
    # Accents and case are folded.
    assert "lager" in words


def test_edition_is_a_tei_corpus_with_unique_ids(source, build, tmp_path):
    build(source)
    tree = etree.parse(str(tmp_path / "site" / "edition.xml"))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    root = tree.getroot()
    assert root.tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    members = root.xpath("t:TEI", namespaces=ns)
    assert len(members) == 5  # the register and four documents
    hi = root.xpath("//t:TEI[@xml:id='alpha.contract-sample']//t:hi[@xml:id='alpha.mark-1']", namespaces=ns)
    assert hi and hi[0].get("hand") == "#alpha.reader1"
    note = root.xpath("//t:note[@target='#alpha.mark-2 #alpha.mark-3']", namespaces=ns)
    assert note
    assert root.xpath("//t:TEI[@xml:id='beta.contract-sample']//t:persName/@ref", namespaces=ns)[0] == "#per-fadeyev-yu"


def test_edition_is_valid_tei_all(source, build, tmp_path, assert_tei_all):
    build(source)
    assert_tei_all(etree.parse(str(tmp_path / "site" / "edition.xml")))


def test_corrupt_document_is_reported_with_line_and_others_build(source, build, tmp_path):
    (source / "broken.xml").write_text('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<oops>\n</TEI>\n')
    (source / "invalid.txt").write_text("Invalid one\nThis text is INVALID.\n", encoding="utf-8")
    stream = io.StringIO()
    summary = build(source, stream=stream)
    assert not summary.ok
    assert sorted(summary.failed) == ["broken", "invalid"]
    assert sorted(summary.built) == ["alpha", "beta", "delta", "gamma"]
    (line,) = summary.failed["broken"]
    assert line.startswith(f"{source / 'broken.xml'}:4: not well-formed XML")
    assert summary.failed["invalid"][0].startswith(f"{source / 'invalid.txt'}:1: fake schema error")
    assert line in stream.getvalue()
    site = tmp_path / "site"
    assert not (site / "documents" / "broken.html").exists()
    assert "Invalid one" not in (site / "index.html").read_text(encoding="utf-8")
    # The failure is remembered: an unchanged broken file is reported again, not reprocessed.
    again = build(source)
    assert again.up_to_date and sorted(again.failed) == ["broken", "invalid"]


def test_noop_rebuild_does_nothing(source, build, tmp_path):
    build(source)
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "site").rglob("*")}
    summary = build(source)
    assert summary.up_to_date and summary.built == [] and len(summary.reused) == 4
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "site").rglob("*")} == before


def test_one_changed_document_is_the_only_one_rebuilt(source, build, tmp_path):
    build(source)
    site = tmp_path / "site"
    inode = (site / ".teikit" / "pages" / "beta.html").stat().st_ino
    (source / "alpha.xml").write_text(
        (source / "alpha.xml").read_text(encoding="utf-8").replace("Alpha memo", "Alpha memo revised"),
        encoding="utf-8")
    summary = build(source)
    assert summary.built == ["alpha"] and sorted(summary.reused) == ["beta", "delta", "gamma"]
    assert "Alpha memo revised" in (site / "index.html").read_text(encoding="utf-8")
    # Unchanged outputs are carried over by hard link, not rewritten (the
    # page's site frame is added anew in every build: previous/next may change).
    assert (site / ".teikit" / "pages" / "beta.html").stat().st_ino == inode


def test_register_change_rebuilds_everything(source, build):
    build(source)
    register = source / "register.xml"
    register.write_text(register.read_text(encoding="utf-8").replace("Korea</placeName>", "Korea</placeName><placeName>Chosŏn</placeName>"),
                        encoding="utf-8")
    assert len(build(source).built) == 4


def test_toolchain_change_or_force_rebuilds_everything(source, build):
    build(source)
    assert len(build(source, toolchain_digest="other stylesheets").built) == 4
    assert len(build(source, toolchain_digest="other stylesheets", force=True).built) == 4


def test_removed_document_leaves_the_site(source, build, tmp_path):
    build(source)
    (source / "beta.xml").unlink()
    summary = build(source)
    assert summary.built == [] and not summary.up_to_date
    # Its outputs are gone; its address says it is no longer in the edition.
    assert not (tmp_path / "site" / "tei" / "beta.xml").exists()
    assert not (tmp_path / "site" / "documents" / "beta.pdf").exists()
    assert "not in this release" in (tmp_path / "site" / "documents" / "beta.html").read_text(encoding="utf-8")
    assert "Beta report" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_strict_stops_and_keeps_the_previous_site(source, build, tmp_path):
    build(source)
    site = tmp_path / "site"
    before = (site / "index.html").read_bytes()
    (source / "alpha.xml").write_text(
        (source / "alpha.xml").read_text(encoding="utf-8").replace("These factors continue.", "INVALID"),
        encoding="utf-8")
    with pytest.raises(TeikitError, match="--strict"):
        build(source, strict=True)
    assert (site / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]


def test_interrupted_build_keeps_the_previous_site(source, build, tmp_path):
    build(source)
    site = tmp_path / "site"
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (source / "zeta.txt").write_text("Zeta\nKEYBOARD-INTERRUPT\n", encoding="utf-8")
    (source / "alpha.xml").write_text(contract_text := (source / "alpha.xml").read_text(encoding="utf-8").replace(
        "Alpha memo", "Alpha changed"), encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        build(source)
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]
    assert "Alpha changed" in contract_text


def test_text_source_superseded_by_tei_of_the_same_name(source, build):
    (source / "alpha.txt").write_text("Alpha as text\n", encoding="utf-8")
    summary = build(source)
    assert summary.superseded == [str(source / "alpha.txt")]
    assert "alpha" in summary.built


def test_warnings_are_collected(source, build):
    (source / "epsilon.txt").write_text("Epsilon\nWARN\n", encoding="utf-8")
    summary = build(source)
    assert summary.warnings == [f"{source / 'epsilon.txt'}:1: warning: fake warning"]


def test_parallel_build_matches_serial(source, build, tmp_path):
    build(source, site=tmp_path / "one", jobs=1)
    summary = build(source, site=tmp_path / "two", jobs=2)
    assert sorted(summary.built) == ["alpha", "beta", "delta", "gamma"]
    for name in ("index.html", "register.html", "search-index.js", "edition.xml"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_refuses_to_replace_a_foreign_folder(source, build, tmp_path):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("precious")
    with pytest.raises(TeikitError, match="not a site built by teikit"):
        build(source, site=foreign)
    assert (foreign / "notes.txt").read_text() == "precious"


def test_summary_reports_stage_times(source, build):
    summary = build(source)
    text = summary.text()
    assert "4 documents: 4 built, 0 unchanged, 0 failed" in text
    for stage in ("convert", "validate", "html", "pdf", "pages"):
        assert f"{stage} " in text


def test_no_pdf(source, build, tmp_path):
    build(source, pdf=False)
    assert not list((tmp_path / "site" / "documents").glob("*.pdf"))


def test_refuses_a_site_folder_that_holds_the_sources(source, build, tmp_path):
    build(source)
    inside = tmp_path / "site" / "sources"
    shutil.copytree(source, inside)
    with pytest.raises(TeikitError, match="inside the site folder"):
        build(inside)
    assert (inside / "alpha.xml").is_file()


def test_search_documents_are_numbered_in_index_order(source, build, tmp_path):
    build(source)
    _, docs, _ = read_index(tmp_path / "site")
    index = html.parse(str(tmp_path / "site" / "index.html"))
    hrefs = index.xpath("//tbody/tr/td[@class='title']/a/@href")
    assert [f"documents/{docs[n][0]}.html" for n in sorted(docs)] == hrefs


def test_strict_stops_at_a_failure_remembered_from_the_last_build(source, build, tmp_path):
    (source / "broken.xml").write_text("<TEI>\n<oops>\n", encoding="utf-8")
    build(source)
    with pytest.raises(TeikitError, match="--strict: .*broken.xml:3"):
        build(source, strict=True)


def test_manifest_is_written_in_pieces_that_make_valid_json():
    from teikit.site.folder import manifest_chunks

    manifest = {"format": 1, "edition": {"title": "Ü \"quoted\""}, "docs": {"a": {"digest": "1"}, "b": {"x": [1, 2]}}}
    assert json.loads(b"".join(manifest_chunks(manifest))) == manifest
    assert json.loads(b"".join(manifest_chunks({"format": 1, "docs": {}}))) == {"format": 1, "docs": {}}


def test_records_live_in_files_not_in_the_manifest(source, build, tmp_path):
    build(source)
    site = tmp_path / "site"
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    entry = manifest["docs"]["alpha"]
    assert "record" not in entry and ".teikit/records/alpha.json" in entry["outputs"]
    record = json.loads((site / ".teikit" / "records" / "alpha.json").read_text(encoding="utf-8"))
    count, name, anchor = record["mentions"]["per-fadeyev-yu"]
    assert count == 2 and name and anchor.startswith("mention-")
    # The scratch database the pages are written from is not published.
    assert not list(site.rglob("*.sqlite"))


def test_unchanged_documents_keep_their_records_in_a_rebuild(source, build, tmp_path):
    build(source)
    site = tmp_path / "site"
    (source / "beta.xml").write_text(
        (source / "beta.xml").read_text(encoding="utf-8").replace("Beta report", "Beta report revised"),
        encoding="utf-8")
    summary = build(source)
    assert summary.built == ["beta"]
    page = etree.parse(str(site / "register" / "persons-f.html"), etree.HTMLParser())
    # Alpha and gamma were not processed again, yet the register still lists them.
    hrefs = page.xpath("//article[@id='per-fadeyev-yu']//a[@class='mention']/@href")
    assert "Beta report revised" in "".join(page.xpath("//article[@id='per-fadeyev-yu']//a/text()"))
    assert sorted(h.split("#")[0] for h in hrefs) == [f"../documents/{d}.html" for d in ("alpha", "beta", "gamma")]


def test_site_of_an_older_manifest_format_is_rebuilt_whole(source, build, tmp_path):
    build(source)
    path = tmp_path / "site" / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["format"] -= 1
    path.write_text(json.dumps(manifest), encoding="utf-8")
    summary = build(source)
    assert sorted(summary.built) == ["alpha", "beta", "delta", "gamma"] and not summary.reused


def test_a_removed_document_keeps_its_address(source, build, tmp_path):
    (source / "edition.toml").write_text('title = "E"\nversion = "1"\n', encoding="utf-8")
    build(source)
    site = tmp_path / "site"
    first = json.loads((site / "releases.json").read_text(encoding="utf-8"))
    assert sorted(first["documents"]) == ["alpha", "beta", "delta", "gamma"] and first["retired"] == {}
    beta = (source / "beta.xml").read_bytes()
    (source / "beta.xml").unlink()
    (source / "edition.toml").write_text('title = "E"\nversion = "2"\n', encoding="utf-8")
    build(source)
    again = json.loads((site / "releases.json").read_text(encoding="utf-8"))
    assert again["retired"]["beta"]["version"] == "2"
    assert again["documents"]["alpha"]["version"] == "1"
    page = html.parse(str(site / "documents" / "beta.html"))
    assert "not in the edition since version 2" in page.xpath("string(//main)")
    assert page.xpath("//main//a/@href") == ["../index.html", "../search.html"]
    # It stays retired in later releases, and comes back when the document does.
    build(source, force=True)
    assert (site / "documents" / "beta.html").is_file()
    assert "beta" in json.loads((site / "releases.json").read_text(encoding="utf-8"))["retired"]
    (source / "beta.xml").write_bytes(beta)
    build(source)
    back = json.loads((site / "releases.json").read_text(encoding="utf-8"))
    assert "beta" not in back["retired"] and back["documents"]["beta"]["version"] == "2"
    assert "not in this release" not in (site / "documents" / "beta.html").read_text(encoding="utf-8")


def test_index_and_facet_pages_are_paged(source, build, tmp_path, monkeypatch):
    from teikit.site import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 3)
    build(source)
    site = tmp_path / "site"
    first, second = html.parse(str(site / "index.html")), html.parse(str(site / "index-2.html"))
    rows = [first.xpath("//tbody/tr/td[@class='title']/a/@href"), second.xpath("//tbody/tr/td[@class='title']/a/@href")]
    assert [len(r) for r in rows] == [3, 1]
    assert first.xpath("//nav[@class='pager'][1]/a/@href") == ["index.html", "index-2.html"]
    assert second.xpath("//nav[@class='pager'][1]/a[@aria-current='page']/text()") == ["2"]
    # The document's breadcrumb leads to the index page that lists it.
    last = rows[1][0]
    crumbs = html.parse(str(site / last)).xpath("//nav[@class='breadcrumb']//a/@href")
    assert "../index-2.html" in crumbs
    # Documents in order across the pages; previous/next cross the page boundary.
    third = html.parse(str(site / rows[0][2]))
    assert third.xpath("(//nav[@class='docnav'])[1]/a[@rel='next']/@href") == [last.split("/")[-1]]
