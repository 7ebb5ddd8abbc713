"""``teikit new``: an edition folder whose sample converts, validates and builds cleanly,
and which never overwrites anything."""

from __future__ import annotations

import hashlib

from click.testing import CliRunner
from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"


def invoke(*args):
    from teikit.cli import main

    return CliRunner().invoke(main, list(map(str, args)))


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_new_writes_the_edition_files(tmp_path):
    result = invoke("new", tmp_path / "ed")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "ed").iterdir())
    assert names == ["edition.toml", "memo.meta.toml", "memo.txt", "register.xml"]
    assert result.output.split() == [str(tmp_path / "ed" / n) for n in
                                     ("edition.toml", "register.xml", "memo.txt", "memo.meta.toml")]


def test_the_sample_converts_without_warnings_and_validates_clean(tmp_path):
    invoke("new", tmp_path / "ed")
    ed = tmp_path / "ed"
    convert = invoke("convert", ed / "memo.txt", "-o", ed / "memo.xml", "--strict")
    assert convert.exit_code == 0, convert.output
    assert "warning" not in convert.output
    tree = etree.parse(str(ed / "memo.xml"))
    refs = {e.get("ref") for e in tree.iter(f"{TEI}persName", f"{TEI}placeName", f"{TEI}orgName")}
    # Every entry of the scaffold's register is used by the sample, so a whole-folder check has nothing unused.
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id")
           for e in etree.parse(str(ed / "register.xml")).iter(f"{TEI}person", f"{TEI}place", f"{TEI}org")}
    assert refs == {f"register.xml#{i}" for i in ids}
    validate = invoke("validate", "--strict", ed)
    assert validate.exit_code == 0, validate.output
    assert "0 error(s), 0 warning(s)" in validate.output
    # The header has the sidecar's title and date.
    assert tree.findtext(f".//{TEI}titleStmt/{TEI}title").startswith("Harbour Office of the Port of Keldar")


def test_new_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path):
    ed = tmp_path / "ed"
    invoke("new", ed)
    (ed / "memo.txt").write_text("My own translation.\n", encoding="utf-8")
    before = _digests(ed)
    again = invoke("new", ed)
    assert again.exit_code == 2
    assert again.output.strip() == f"{ed}: folder is not empty; teikit new writes only into a new or empty folder"
    assert _digests(ed) == before


def test_new_refuses_a_file_of_that_name(tmp_path):
    target = tmp_path / "ed"
    target.write_text("keep me")
    result = invoke("new", target)
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert target.read_text() == "keep me"


def test_new_fills_an_empty_folder(tmp_path):
    assert invoke("new", tmp_path).exit_code == 0
    assert (tmp_path / "memo.txt").is_file()
