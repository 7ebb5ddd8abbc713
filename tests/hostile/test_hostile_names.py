"""Hostile file names in a source folder: each is left out with one printable line, the rest is built,
and a document named like one of the site's own files cannot take its place."""

from __future__ import annotations

import os

import pytest
from hostile_support import ROOT, assert_no_traceback, need, run

from teikit.site.plan import MAX_ID_LENGTH

BUNDLED = ROOT / "tei"

# name (bytes, as the file system holds it) -> what the line that leaves it out shows of it
HOSTILE = {
    b"with space.txt": "with space.txt",
    b"forged\n::error file=x::forged.txt": "forged\\n::error file=x::forged.txt",
    b"-rf.txt": "-rf.txt",
    b"\xff\xfenot-utf8.txt": "\\xff\\xfenot-utf8.txt",
    b"esc\x1b[2Jape.txt": "esc\\x1b[2Jape.txt",
    b"a" * 251 + b".txt": "a" * 251 + ".txt",
}
RESERVED = ["register.txt", "Index.txt", "search.xml", "edition.txt"]


@pytest.fixture
def edition(workspace):
    need("build")
    if not (BUNDLED / "register.xml").is_file():
        pytest.skip("the bundled edition is not in this checkout")
    folder = workspace.inputs / "edition"
    folder.mkdir()
    for path in sorted(BUNDLED.glob("*")):
        if path.is_file() and path.suffix in {".txt", ".toml", ".xml"}:
            (folder / path.name).write_bytes(path.read_bytes())
    return folder


def test_hostile_names_are_left_out_and_the_rest_is_built(edition, workspace):
    text = b"A note\n\nA plain paragraph of the note.\n"
    for name in HOSTILE:
        with open(os.path.join(os.fsencode(edition), name), "wb") as out:
            out.write(text)
    for name in RESERVED:
        (edition / name).write_bytes(text if name.endswith(".txt") else (edition / "register.xml").read_bytes())
    site = workspace.outputs / "site"
    result = run("build", edition, "-o", site, "-j", "1", "--no-pdf", "-q")
    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    # No line a CI runner would read as a workflow command, however the names are made.
    assert not [ln for ln in lines if ln.lstrip().startswith("::")], lines
    for shown in HOSTILE.values():
        assert any(shown in ln and ln.endswith("left out") for ln in lines), (shown, lines)
    for name in RESERVED:
        assert any(f"{name}: '{name.split('.')[0]}' is the name of one of the site's own files" in ln
                   for ln in lines), (name, lines)
    # The register is the edition's, not the document's; every good document is there.
    assert (site / "tei" / "register.xml").read_bytes() == (edition / "register.xml").read_bytes()
    assert len(list((site / "documents").glob("*.html"))) >= 1
    assert not [p for p in site.rglob("*") if "forged" in p.name or "space" in p.name or p.name.startswith("-")]


def test_the_longest_id_is_built(edition, workspace):
    stem = "b" * MAX_ID_LENGTH
    (edition / f"{stem}.txt").write_bytes(b"A long name\n\nIts paragraph.\n")
    site = workspace.outputs / "site"
    result = run("build", edition, "-o", site, "-j", "1", "--no-pdf", "-q")
    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert (site / "documents" / f"{stem}.html").is_file()
