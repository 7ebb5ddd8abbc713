"""A PDF of the scan as the facsimile: a surface per page; the build renders the pages as PNG with
poppler's pdftoppm, or links the PDF's pages where it is not installed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from facsimile_support import memo_text
from test_facsimile_site import check_manifest

from teikit import TEI_NS
from teikit.convert import convert_file
from teikit.site import facsimile as site_facsimile
from teikit.site.build import build_site

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils (pdfinfo) is not installed")


def _edition(folder: Path) -> Path:
    import typst

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "scan.typ").write_text('#set page(width: 10cm, height: 14cm)\n' +
                                     "\n#pagebreak()\n".join(f"= Page {n}\n#lorem(30)" for n in (1, 2, 3)),
                                     encoding="utf-8")
    (folder / "scan.pdf").write_bytes(typst.compile(str(folder / "scan.typ")))
    (folder / "scan.typ").unlink()
    (folder / "memo.txt").write_text(memo_text(), encoding="utf-8")
    (folder / "memo.meta.toml").write_text('title = "Memo"\n\n[facsimile]\npdf = "scan.pdf"\n', encoding="utf-8")
    return folder / "memo.txt"


def test_a_pdf_scan_is_a_surface_per_page(tmp_path):
    tree = convert_file(_edition(tmp_path)).tree
    urls = [g.get("url") for g in tree.getroot().iter(f"{{{TEI_NS}}}graphic")]
    assert urls == ["scan.pdf#page=1", "scan.pdf#page=2", "scan.pdf#page=3"]
    assert tree.getroot().find(f".//{{{TEI_NS}}}graphic").get("mimeType") == "application/pdf"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_the_build_renders_its_pages_as_images(tmp_path):
    site = tmp_path / "site"
    summary = build_site(_edition(tmp_path / "edition").parent, site, jobs=1, pdf=False, quiet=True)
    assert summary.built == ["memo"], summary.failed
    names = sorted(p.name for p in (site / "facsimile" / "memo").iterdir())
    assert names == ["d1-p1.png", "d1-p2.png", "d1-p3.png"]
    manifest = json.loads((site / "iiif" / "memo.json").read_text(encoding="utf-8"))
    check_manifest(manifest, site)
    assert manifest["items"][0]["items"][0]["items"][0]["body"]["format"] == "image/png"


def test_without_pdftoppm_the_pdf_is_copied_and_its_pages_linked(tmp_path, monkeypatch):
    # The build's stage, run here: its workers start from a clean process and would not see the patch.
    real = shutil.which
    monkeypatch.setattr(site_facsimile.shutil, "which", lambda name: None if name == "pdftoppm" else real(name))
    source = _edition(tmp_path / "edition")
    tree = convert_file(source).tree
    staging = tmp_path / "staging"
    staging.mkdir()
    done = site_facsimile.publish_images(tree, source, source.parent, staging, "memo")
    assert sorted(p.name for p in (staging / "facsimile" / "memo").iterdir()) == ["d1.pdf"]
    urls = [g.get("url") for g in tree.getroot().iter(f"{{{TEI_NS}}}graphic")]
    assert all(url.endswith(f"d1.pdf#page={n}") for n, url in zip((1, 2, 3), urls)), urls
    # No image to paint a canvas with: nothing for a IIIF manifest.
    assert not done.info
