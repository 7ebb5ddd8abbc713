"""`teikit build` with a facsimile: images copied into the site, the TEI and page pointed at the
copies, a IIIF Presentation 3 manifest per document, rebuilt when an image changes."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from facsimile_support import FIXTURES, page_images, tiny_png, write_edition
from lxml import etree, html

from teikit import TEI_NS
from teikit.site.build import build_site
from teikit.validate import Validator

T = {"t": TEI_NS}


def _build(source: Path, site: Path, **options):
    return build_site(source, site, jobs=1, pdf=False, quiet=True, **options)


def check_manifest(manifest: dict, site: Path | None = None, manifest_url: str | None = None) -> None:
    """The keys IIIF Presentation 3 requires, and every canvas painted by its image."""
    assert manifest["@context"] == "http://iiif.io/api/presentation/3/context.json"
    assert manifest["type"] == "Manifest" and isinstance(manifest["id"], str) and manifest["id"]
    label = manifest["label"]
    assert isinstance(label, dict) and label and all(isinstance(v, list) and v for v in label.values())
    assert manifest["items"], "a manifest of a facsimile has canvases"
    canvas_ids = set()
    for canvas in manifest["items"]:
        assert canvas["type"] == "Canvas" and canvas["id"] not in canvas_ids
        canvas_ids.add(canvas["id"])
        assert isinstance(canvas["width"], int) and isinstance(canvas["height"], int)
        assert canvas["width"] > 0 and canvas["height"] > 0
        (page,) = canvas["items"]
        assert page["type"] == "AnnotationPage" and page["id"]
        (annotation,) = page["items"]
        assert annotation["type"] == "Annotation" and annotation["motivation"] == "painting" and annotation["id"]
        assert annotation["target"] == canvas["id"]
        body = annotation["body"]
        assert body["type"] == "Image" and body["format"].startswith("image/") and body["id"]
        assert body["width"] == canvas["width"] and body["height"] == canvas["height"]
        if site is not None and not urlsplit(body["id"]).scheme:
            # Relative to the manifest, the image is a file of the site.
            image = (site / "iiif" / body["id"]).resolve()
            assert image.is_file() and image.is_relative_to(site.resolve()), body["id"]


def test_images_are_copied_and_the_published_tei_names_the_copies(tmp_path):
    source = tmp_path / "edition"
    write_edition(source, 'images = "scans/"\npages = ["1", "2", "3"]\n')
    site = tmp_path / "site"
    summary = _build(source, site)
    assert summary.ok and summary.built == ["memo"], summary.failed
    copies = sorted(p.name for p in (site / "facsimile" / "memo").iterdir())
    assert copies == ["p1.png", "p2.png", "p3.png"]
    assert (site / "facsimile" / "memo" / "p2.png").read_bytes() == (source / "scans" / "page2.png").read_bytes()
    tei = etree.parse(str(site / "tei" / "memo.xml"))
    urls = [g.get("url") for g in tei.iter(f"{{{TEI_NS}}}graphic")]
    assert urls == ["../facsimile/memo/p1.png", "../facsimile/memo/p2.png", "../facsimile/memo/p3.png"]
    assert all((site / "tei" / u).resolve().is_file() for u in urls)
    assert not [f for f in Validator().check_tree(tei, str(site / "tei" / "memo.xml")) if f.severity == "error"]
    # The page links its images and its manifest, relative to documents/.
    page = html.parse(str(site / "documents" / "memo.html")).getroot()
    hrefs = page.xpath("//aside[@id='tk-facsimile']//ol//a/@href")
    assert hrefs == ["../facsimile/memo/p1.png", "../facsimile/memo/p2.png", "../facsimile/memo/p3.png"]
    assert page.xpath("//a[@class[contains(., 'pb-facs')]]/@data-facs-index") == ["0", "1", "2"]
    assert page.xpath("//p[@class='facs-iiif']/a/@href") == ["../iiif/memo.json"]
    # edition.xml, at the top of the site, names them from there.
    corpus = etree.parse(str(site / "edition.xml"))
    assert [g.get("url") for g in corpus.iter(f"{{{TEI_NS}}}graphic")][0] == "facsimile/memo/p1.png"


def test_the_manifest_has_a_canvas_with_its_image_per_page(tmp_path):
    source = tmp_path / "edition"
    write_edition(source, 'images = "scans/"\npages = ["1", "2", "3"]\n')
    site = tmp_path / "site"
    _build(source, site)
    manifest = json.loads((site / "iiif" / "memo.json").read_text(encoding="utf-8"))
    check_manifest(manifest, site)
    assert [c["label"] for c in manifest["items"]] == [{"none": ["1"]}, {"none": ["2"]}, {"none": ["3"]}]
    assert manifest["items"][0]["width"] == 220 and manifest["items"][0]["height"] == 315
    assert manifest["label"] == {"en": ["Record of a conversation with the Ambassador"]}


def test_with_the_editions_address_the_manifest_ids_are_absolute(tmp_path):
    source = tmp_path / "edition"
    write_edition(source, 'images = "scans/"\n')
    (source / "edition.toml").write_text('url = "https://edition.example.org/site/"\n', encoding="utf-8")
    site = tmp_path / "site"
    _build(source, site)
    manifest = json.loads((site / "iiif" / "memo.json").read_text(encoding="utf-8"))
    check_manifest(manifest)
    assert manifest["id"] == "https://edition.example.org/site/iiif/memo.json"
    body = manifest["items"][0]["items"][0]["items"][0]["body"]
    assert body["id"] == "https://edition.example.org/site/facsimile/memo/p1.png"
    assert manifest["homepage"][0]["id"] == "https://edition.example.org/site/documents/memo.html"


def test_a_iiif_service_is_linked_and_nothing_is_copied(tmp_path):
    source = tmp_path / "edition"
    write_edition(source, 'iiif_service = ["https://iiif.example.org/iiif/3/a", "https://iiif.example.org/iiif/3/b"]\n'
                  'size = [1200, 1700]\n', pages=0)
    site = tmp_path / "site"
    _build(source, site)
    assert not (site / "facsimile").exists()
    manifest = json.loads((site / "iiif" / "memo.json").read_text(encoding="utf-8"))
    check_manifest(manifest)
    body = manifest["items"][1]["items"][0]["items"][0]["body"]
    assert body["id"] == "https://iiif.example.org/iiif/3/b/full/max/0/default.jpg"
    assert body["service"][0]["id"] == "https://iiif.example.org/iiif/3/b"
    assert manifest["items"][1]["width"] == 1200
    page = html.parse(str(site / "documents" / "memo.html")).getroot()
    # The sidecar names the host: its images may be loaded (no data-remote).
    links = page.xpath("//aside[@id='tk-facsimile']//ol//a")
    assert [a.get("href") for a in links][0] == "https://iiif.example.org/iiif/3/a/full/max/0/default.jpg"
    assert not [a for a in links if a.get("data-remote")]


def test_a_changed_image_rebuilds_its_document_and_an_unchanged_one_does_not(tmp_path):
    source = tmp_path / "edition"
    write_edition(source, 'images = "scans/"\n')
    site = tmp_path / "site"
    _build(source, site)
    again = _build(source, site)
    assert again.up_to_date and again.reused == ["memo"]
    time.sleep(0.01)
    tiny_png(source / "scans" / "page2.png", 5, 6)
    third = _build(source, site)
    assert third.built == ["memo"]
    assert (site / "facsimile" / "memo" / "p2.png").read_bytes() == (source / "scans" / "page2.png").read_bytes()
    manifest = json.loads((site / "iiif" / "memo.json").read_text(encoding="utf-8"))
    assert manifest["items"][1]["width"] == 5


def _other_project(folder: Path) -> Path:
    """The other project's TEI beside page images made here (the fixture names them)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "other-project.xml", folder / "other-project.xml")
    page_images(folder / "images", 2, stem="folio-")
    os.replace(folder / "images" / "folio-1.png", folder / "images" / "f1r.png")
    os.replace(folder / "images" / "folio-2.png", folder / "images" / "f1v.png")
    tiny_png(folder / "images" / "f2r.png", 30, 40)
    return folder / "other-project.xml"


def _publish_anyway(source: Path, site: Path):
    from teikit.site.worker import Validation

    # Another project's TEI is not teikit's subset of TEI: published all the same.
    return _build(source, site, validation=Validation(publish_invalid=True))


def test_another_projects_facsimile_is_published_the_same_way(tmp_path):
    document = _other_project(tmp_path / "exchanged")
    site = tmp_path / "site"
    summary = _publish_anyway(document.parent, site)
    assert summary.built == ["other-project"], summary.failed
    copies = sorted(p.name for p in (site / "facsimile" / "other-project").iterdir())
    assert copies == ["p1.png", "p2.png", "p3.png"]
    manifest = json.loads((site / "iiif" / "other-project.json").read_text(encoding="utf-8"))
    check_manifest(manifest, site)
    # Two surfaces, then the image a page break names directly.
    assert [c["label"] for c in manifest["items"]] == [{"none": ["1r"]}, {"none": ["1v"]}, {"none": ["3"]}]
    assert manifest["items"][1]["width"] == 220  # read from the copy: the TEI does not say
    page = html.parse(str(site / "documents" / "other-project.html")).getroot()
    markers = page.xpath("//*[@class[contains(., 'pb-facs')]]")
    assert [m.get("data-facs-index") for m in markers] == ["0", "1", "2"]
    assert markers[1].get("data-zone") == "10 50 80 40"
    assert urljoin("documents/", markers[2].get("href")) == "facsimile/other-project/p3.png"


def test_an_image_outside_the_source_folder_is_neither_published_nor_linked(tmp_path):
    secret = tiny_png(tmp_path / "secret.png", 7, 7)
    document = _other_project(tmp_path / "exchanged")
    text = document.read_text(encoding="utf-8").replace("images/f1v.png", "../secret.png")
    document.write_text(text, encoding="utf-8")
    os.symlink(secret, document.parent / "images" / "link.png")
    document.write_text(text.replace("images/f2r.png", "images/link.png"), encoding="utf-8")
    site = tmp_path / "site"
    summary = _publish_anyway(document.parent, site)
    assert summary.built == ["other-project"], summary.failed
    assert sum("not published" in w for w in summary.warnings) == 2, summary.warnings
    published = [p.read_bytes() for p in site.rglob("*.png")]
    assert secret.read_bytes() not in published and len(published) == 1
    page = (site / "documents" / "other-project.html").read_text(encoding="utf-8")
    assert "secret.png" not in page and "link.png" not in page
    tei = (site / "tei" / "other-project.xml").read_text(encoding="utf-8")
    assert "secret.png" not in tei and "link.png" not in tei


@pytest.mark.skipif(not (FIXTURES / "other-project.xml").is_file(), reason="fixture missing")
def test_the_other_projects_fixture_is_valid_tei_all(assert_tei_all):
    assert_tei_all(etree.parse(str(FIXTURES / "other-project.xml")))
