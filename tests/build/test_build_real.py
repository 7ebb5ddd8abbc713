"""`teikit build` end to end with the real stages (convert, validate, html, pdf)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.site import MANIFEST, bundled_source_dir

# Not imported from conftest: with other test folders in the same run,
# "conftest" may name another folder's module.
HERE = Path(__file__).resolve().parent
CONTRACT = HERE.parents[1] / "tests" / "fixtures" / "contract.xml"

SEED_ID = "soviet-embassy-dprk-1969-06-09"


@pytest.fixture
def contract_source(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(CONTRACT, folder / "contract.xml")
    shutil.copy(HERE / "data" / "register.xml", folder / "register.xml")
    return folder


def test_corrupt_document_is_reported_and_the_others_are_built(contract_source, tmp_path):
    (contract_source / "broken.xml").write_text(
        '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <teiHeader>\n</TEI>\n', encoding="utf-8")
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(contract_source), "-o", str(site), "-j", "2"])
    assert result.exit_code == 1, result.output
    assert f"{contract_source / 'broken.xml'}:4: not well-formed XML" in result.output
    assert "1 failed" in result.output and "Traceback" not in result.output
    assert (site / "documents" / "contract.html").is_file()
    assert (site / "documents" / "contract.pdf").read_bytes().startswith(b"%PDF")
    assert not (site / "documents" / "broken.html").exists()


def test_strict_stops_at_the_corrupt_document(contract_source, tmp_path):
    (contract_source / "broken.xml").write_text("<TEI>\n<unclosed>\n", encoding="utf-8")
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(contract_source), "-o", str(site), "--strict", "-j", "1"])
    assert result.exit_code == 1
    assert "--strict" in result.output and "broken.xml:" in result.output
    assert not site.exists()


def test_rebuild_is_incremental(contract_source, tmp_path):
    site = tmp_path / "site"
    assert CliRunner().invoke(main, ["build", str(contract_source), "-o", str(site), "--no-pdf"]).exit_code == 0
    again = CliRunner().invoke(main, ["build", str(contract_source), "-o", str(site), "--no-pdf"])
    assert again.exit_code == 0 and "0 built, 1 unchanged" in again.output and "up to date" in again.output


def test_bundled_edition_builds_with_no_arguments(tmp_path, monkeypatch):
    source = bundled_source_dir()
    if not any(source.glob("*.xml")) or not any(p.name != "register.xml" for p in source.glob("*.xml")):
        pytest.skip("the bundled edition has no TEI document yet")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    for rel in ("index.html", "register.html", "search.html", "edition.xml", MANIFEST,
                f"documents/{SEED_ID}.html", f"documents/{SEED_ID}.pdf", f"tei/{SEED_ID}.xml", "tei/register.xml"):
        assert (site / rel).is_file(), rel
    corpus = etree.parse(str(site / "edition.xml")).getroot()
    assert corpus.tag.endswith("teiCorpus") and len(corpus) >= 3
