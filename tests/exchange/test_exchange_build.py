"""``teikit build`` on other projects' TEI: the schema they are valid against decides."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from lxml import html
from exchange_support import FIXTURES, INVALID, exchange_files

from teikit.cli import main

PERMISSIVE_RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><element><anyName/><ref name="any"/></element></start>
  <define name="any"><zeroOrMore><choice><attribute><anyName/></attribute><text/>
    <element><anyName/><ref name="any"/></element></choice></zeroOrMore></define>
</grammar>"""


def _source(tmp_path, with_invalid=True):
    src = tmp_path / "src"
    src.mkdir()
    for path in exchange_files():
        shutil.copy(path, src / path.name)
    if with_invalid:
        shutil.copy(INVALID, src / INVALID.name)
    return src


def _build(*args):
    return CliRunner().invoke(main, ["build", *map(str, args), "--no-pdf", "-q", "-j", "1"])


def _published(site):
    return sorted(p.name for p in (site / "tei").glob("*.xml") if p.name != "register.xml")


def test_teikit_schema_refuses_them_and_tei_all_publishes_every_valid_one(tmp_path, tei_all_dir):
    src = _source(tmp_path)
    names = sorted(p.name for p in exchange_files())
    assert _build(src, "-o", tmp_path / "own").exit_code == 1

    result = _build(src, "-o", tmp_path / "all", "--tei-all", "--tei-all-dir", tei_all_dir)
    assert result.exit_code == 1, result.output
    assert "invalid-tei-all.xml:16: Invalid attribute bogus" in result.output
    assert _published(tmp_path / "all") == names


def test_publish_invalid_publishes_all_and_the_index_says_which(tmp_path, tei_all_dir):
    src = _source(tmp_path)
    site = tmp_path / "site"
    result = _build(src, "-o", site, "--tei-all", "--tei-all-dir", tei_all_dir, "--publish-invalid")
    assert result.exit_code == 0, result.output
    assert "invalid-tei-all.xml: warning: published although invalid (1 error)" in result.output
    assert INVALID.name in _published(site)
    rows = html.parse(str(site / "index.html")).getroot().findall(".//tbody/tr")
    flagged = [r for r in rows if "Invalid against its schema" in r.findtext(".//td[@class='description']")]
    assert len(rows) == len(exchange_files()) + 1
    assert [r.find(".//td[@class='title']/a").text for r in flagged] == ["A file invalid against tei_all"]


def test_a_document_declaring_a_local_schema_is_checked_against_it(tmp_path):
    src = _source(tmp_path, with_invalid=False)
    (src / "any.rng").write_text(PERMISSIVE_RNG, encoding="utf-8")
    drama = (src / "drama.xml").read_text(encoding="utf-8")
    declared = drama.replace("?>\n", '?>\n<?xml-model href="any.rng" type="application/xml"?>\n', 1)
    (src / "drama.xml").write_text(declared, encoding="utf-8")
    outside = tmp_path / "outside.rng"
    outside.write_text(PERMISSIVE_RNG, encoding="utf-8")
    verse = (src / "verse.xml").read_text(encoding="utf-8")
    (src / "verse.xml").write_text(verse.replace("?>\n", '?>\n<?xml-model href="../outside.rng"?>\n', 1),
                                   encoding="utf-8")
    site = tmp_path / "site"
    result = _build(src, "-o", site)
    assert result.exit_code == 1
    # drama.xml is checked against its own schema; the others against teikit's.
    assert _published(site) == ["drama.xml"]
    assert "verse.xml:2: warning: xml-model ../outside.rng is not a file inside the source folder" in result.output


def test_a_mixed_folder_checks_each_document_against_its_own_schema(tmp_path, tei_all_dir):
    # teikit's own document against teikit's schema, another project's
    # against the tei_all its xml-model names (found locally, never fetched).
    src = tmp_path / "src"
    src.mkdir()
    own = FIXTURES.parents[2] / "tei"
    for name in ("soviet-embassy-dprk-1969-06-09.xml", "register.xml"):
        shutil.copy(own / name, src / name)
    model = '<?xml-model href="https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" ' \
            'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    for path in exchange_files()[:4]:
        text = path.read_text(encoding="utf-8")
        (src / path.name).write_text(text.replace("?>\n", "?>\n" + model, 1), encoding="utf-8")
    site = tmp_path / "site"
    result = _build(src, "-o", site, "--tei-all-dir", tei_all_dir)
    assert result.exit_code == 0, result.output
    assert _published(site) == sorted([p.name for p in exchange_files()[:4]] + ["soviet-embassy-dprk-1969-06-09.xml"])
