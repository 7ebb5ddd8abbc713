"""The README's quick start, run as a newcomer runs it: a fresh clone, a fresh virtual
environment, the README's own command lines (read from the README, so they cannot drift).

The clone is of the committed state (``git clone`` of this repository), so
nothing of this checkout's own ``.venv`` or build leaks in. Installing needs a
package index; without one the tests are skipped, saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from lxml import etree

from cli_support import clean_env, index_unreachable
from readme_commands import ROOT, first_document, install_and_build

pytestmark = pytest.mark.slow

TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A fresh clone of this repository after the quick start's line has run in it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    work = tmp_path_factory.mktemp("quickstart")
    reason = index_unreachable(work)
    if reason:
        pytest.skip(reason)
    target = work / "teikit"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(target)], check=True, timeout=120)
    line = install_and_build()
    done = subprocess.run(["bash", "-c", line], cwd=target, env=clean_env(), capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, f"{line!r} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return target


def test_quick_start_builds_the_bundled_edition(clone):
    site = clone / "site"
    index = etree.parse(str(site / "index.html"), etree.HTMLParser())
    bundled = sorted(p.stem for p in (clone / "tei").glob("*.xml") if p.name != "register.xml")
    assert bundled, "the bundled edition has no document"
    for doc_id in bundled:
        assert (site / "documents" / f"{doc_id}.html").is_file()
        assert (site / "documents" / f"{doc_id}.pdf").read_bytes().startswith(b"%PDF-")
        assert index.xpath(f"//a[contains(@href, 'documents/{doc_id}.html')]"), f"the index does not list {doc_id}"


def test_first_document_walk_through_runs_as_printed(clone, tmp_path):
    """Every line of the walk-through, in a new folder, with the quick start's teikit."""
    script = "set -euo pipefail\n" + "\n".join(first_document()) + "\n"
    env = clean_env(PATH=f"{clone / '.venv' / 'bin'}{os.pathsep}{clean_env()['PATH']}")
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"the walk-through failed:\n{script}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    edition = next(p for p in tmp_path.iterdir() if p.is_dir())
    source = edition / "memo.txt"
    tei = etree.parse(str(edition / "memo.xml"))
    assert tei.getroot().tag == f"{TEI}TEI"
    # The sample's names are in the scaffold's register, and tagged from it.
    assert tei.xpath("//t:persName[starts-with(@ref, 'register.xml#')]", namespaces={"t": TEI[1:-1]})
    assert (edition / "out" / "memo.html").is_file()
    assert (edition / "out" / "memo.pdf").read_bytes().startswith(b"%PDF-")
    exported = (edition / "out" / "memo.txt").read_text(encoding="utf-8")
    assert exported.split() == source.read_text(encoding="utf-8").split()
    assert (edition / "site" / "documents" / "memo.html").is_file()

