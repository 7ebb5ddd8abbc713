"""Both pre-commit hooks, installed by pre-commit itself from this repository, on a scratch
repository that holds TEI, XSLT and SVG files: the TEI is validated, the others are skipped.

pre-commit installs the hooks from the committed state (``rev`` is this
repository's HEAD) into an environment of its own, as it would for a user;
that needs a package index, and without one the test is skipped. The tei_all
hook reads a stand-in schema from ``TEIKIT_TEI_ALL`` (what is tested is that
both hooks install and run side by side, not TEI's schema).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from cli_support import clean_env, index_unreachable
from readme_commands import ROOT

pytestmark = pytest.mark.slow

CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"
REGISTER = ROOT / "tests" / "schemas" / "valid" / "register.xml"
INVALID = ROOT / "tests" / "schemas" / "invalid" / "mark-without-hand.xml"
STAND_IN_RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">
<start><ref name="any"/></start>
<define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore></element></define>
</grammar>
"""


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A git repository with a TEI document, a stylesheet and an SVG, configured with both hooks."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]' installs it)")
    work = tmp_path_factory.mktemp("pre-commit")
    reason = index_unreachable(work)
    if reason:
        pytest.skip(reason)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, check=True, capture_output=True,
                         text=True).stdout.strip()
    repo = work / "project"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "tei").mkdir()
    shutil.copy(CONTRACT, repo / "tei" / "contract.xml")
    shutil.copy(REGISTER, repo / "tei" / "register.xml")  # the names the contract document points at
    (repo / "style.xsl").write_text('<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="3.0"/>\n')
    (repo / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n')
    (repo / "schema.rng").write_text(STAND_IN_RNG)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {rev}\n  hooks:\n  - id: teikit-validate\n  - id: teikit-validate-tei-all\n"
    )
    stand_in = work / "tei-all"
    stand_in.mkdir()
    (stand_in / "tei_all.rng").write_text(STAND_IN_RNG)
    _git(repo, "add", "-A")
    env = clean_env(PRE_COMMIT_HOME=str(work / "cache"), TEIKIT_TEI_ALL=str(stand_in))
    return repo, env


def _run(repo, env):
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose", "--color", "never"], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=1500)


def test_both_hooks_pass_on_tei_and_skip_xslt_and_svg(scratch):
    repo, env = scratch
    done = _run(repo, env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("teikit validate")]
    assert len(lines) == 2 and all(line.endswith("Passed") for line in lines), done.stdout
    # Each hook was given the stylesheet, the SVG and the RelaxNG file too, and skipped them.
    assert done.stdout.count("2 file(s) checked, 2 valid, 0 invalid") == 2, done.stdout  # document and register
    assert done.stdout.count("3 skipped (root not TEI)") == 2, done.stdout


def test_an_invalid_tei_file_fails_the_hook_by_name(scratch):
    repo, env = scratch
    shutil.copy(INVALID, repo / "tei" / "bad.xml")
    _git(repo, "add", "-A")
    try:
        done = _run(repo, env)
    finally:
        (repo / "tei" / "bad.xml").unlink()
        _git(repo, "add", "-A")
    assert done.returncode == 1
    assert "tei/bad.xml" in done.stdout and "[teikit-mark-hand]" in done.stdout
