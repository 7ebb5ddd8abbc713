"""The register split by kind and initial: no page grows with the edition, and
every name on a document page links straight to its entry's page."""

from __future__ import annotations

from pathlib import Path

from lxml import html

from teikit.site import build_site, bundled_source_dir
from teikit.site.pages import REGISTER_PAGE_ENTRIES, register_layout, register_targets


def test_pages_by_kind_and_initial_with_a_limit(tmp_path):
    people = [{"id": f"per-{n}", "kind": "persons", "name": f"A. B{n:04d}", "sort": ""} for n in range(400)]
    people += [{"id": "per-z", "kind": "persons", "name": "Zoë Ähm", "sort": "Ähm"},
               {"id": "per-ko", "kind": "persons", "name": "김일성", "sort": ""}]
    places = [{"id": "pla-b", "kind": "places", "name": "Berlin", "sort": ""}]
    layout = register_layout(people + places, ["per-0", "per-missing"])
    files = [page["file"] for page in layout]
    # Surname "B…" files the 400 initials-first names under B, in pages of the limit.
    assert files[:4] == ["register/persons-a.html", "register/persons-b.html", "register/persons-b-2.html", "register/persons-b-3.html"]
    assert all(len(page["entries"]) <= REGISTER_PAGE_ENTRIES for page in layout)
    assert [e["id"] for e in layout[0]["entries"]] == ["per-z"]  # "Ähm": folded to A
    assert any(f.startswith("register/persons-u") for f in files)  # a Hangul initial, named by its code point
    assert "register/places-b.html" in files and files[-1] == "register/unregistered.html"
    targets = register_targets(layout)
    assert len(targets) == len(people) + len(places) + 1 and targets["per-missing"] == "register/unregistered.html"
    assert len(set(files)) == len(files)


def test_every_name_link_reaches_its_entry(tmp_path: Path):
    site = tmp_path / "site"
    summary = build_site(bundled_source_dir(), site, quiet=True, pdf=False)
    assert summary.ok
    checked = 0
    for doc in (site / "documents").glob("*.html"):
        page = html.parse(str(doc))
        for href in page.xpath("//a[contains(@href, 'register')][contains(@href, '#')]/@href"):
            path, _, entry = href.partition("#")
            assert path.startswith("../register/") and entry, href
            target = html.parse(str((doc.parent / path).resolve()))
            assert target.xpath(f"//article[@id='{entry}']"), href
            checked += 1
    assert checked > 20
    # The overview forwards old addresses (register.html#id) with the map it loads.
    ids = (site / "register" / "ids.js").read_text(encoding="utf-8")
    assert ids.startswith("TEIKIT_REGISTER(") and '"per-fadeyev-yu":"register/persons-f.html"' in ids
