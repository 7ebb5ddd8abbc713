"""`teikit build` with hostile and broken documents in its source folder.

Every *.txt in a source folder is a document to publish, so the secret sits
one level above it (``in/secret.txt``, sources in ``in/edition/``) and the
hostile documents point at ``../secret.txt``.

A bad document is reported with its file and line and left out; the secret
beside it reaches no page of the site; no connection is attempted; with
--strict the previous site is kept as it was.
"""

from __future__ import annotations

import re

import pytest
from hostile_support import GENERATED, ROOT, assert_no_traceback, need, run

BUNDLED = ROOT / "tei"
EDITION = "edition"

# A selection of the refused documents (the others take the same path).
BAD = {
    "billion_laughs.xml": 2,
    "xxe_file.xml": 2,
    "xxe_parameter.xml": 2,
    "external_dtd.xml": 2,
    "not_wellformed.xml": 12,
    "empty.xml": 1,
    "latin1_as_utf8.xml": 12,
    "nul.xml": 12,
    "gzip_bomb.xml": 1,
    "deep_nesting.xml": None,
}


def need_build() -> None:
    """`teikit build` runs only once every stage it orchestrates has landed."""
    need("build")
    convert = pytest.importorskip("teikit.convert")
    if not hasattr(convert, "convert_file"):
        pytest.skip("the converter stage of `teikit build` is not available yet")


def _good_sources(workspace) -> list[str]:
    """Copy the bundled edition's sources (when present) so that the build has work to do."""
    names = []
    for path in sorted(BUNDLED.glob("*")) if BUNDLED.is_dir() else []:
        if path.is_file() and path.suffix in {".txt", ".toml", ".xml"}:
            workspace.place(path.name, path.read_bytes(), folder=EDITION)
            names.append(path.name)
    return names


def _build(workspace, *options: str):
    site = workspace.outputs / "site"
    return site, run("build", workspace.inputs / EDITION, "-o", site, "-j", "1", "--no-pdf", "-q", *options)


def _site_files(site) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_document_is_reported_and_left_out(workspace, listener, name):
    need_build()
    _good_sources(workspace)
    doc = workspace.place(name, GENERATED[name]() if name in GENERATED else None, folder=EDITION)
    site, result = _build(workspace)
    assert result.exception is None, repr(result.exception)
    assert_no_traceback(result)
    assert result.exit_code == 1, result.stderr
    line = BAD[name]
    where = re.escape(doc.name) + (rf":{line}(:\d+)?: " if line else r"(:\d+)*: ")
    assert re.search(where, result.stderr), result.stderr
    assert not workspace.leaks(result.stdout, result.stderr), "the secret leaked into the site"
    assert listener.connections == []
    # Nothing of the bad document was published, and no temporary was left beside the site.
    published = [p for p in site.rglob(f"{doc.stem}*")] if site.exists() else []
    assert not published, published
    assert [p.name for p in workspace.outputs.iterdir()] in ([], ["site"])


def test_secret_above_the_sources_is_not_published(workspace):
    need_build()
    if not _good_sources(workspace):
        pytest.skip("the bundled edition (tei/) is not there yet")
    site, result = _build(workspace)
    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert not workspace.leaks(result.stdout, result.stderr)
    # Nothing published under the secret file's name (a facet page "secret-….html" for the
    # classification "Secret" is not it: the token check above covers the content).
    assert not list(site.rglob("secret.*"))


def test_strict_failure_keeps_the_previous_site(workspace):
    need_build()
    if not _good_sources(workspace):
        pytest.skip("the bundled edition (tei/) is not there yet")
    site, first = _build(workspace)
    assert first.exit_code == 0, first.stderr
    before = _site_files(site)
    workspace.place("xxe_file.xml", folder=EDITION)
    _, second = _build(workspace, "--strict")
    assert_no_traceback(second)
    assert second.exit_code == 1, second.stderr
    assert "xxe_file.xml:2: " in second.stderr
    assert _site_files(site) == before
    assert [p.name for p in workspace.outputs.iterdir()] == ["site"]


def test_missing_source_folder(workspace):
    need_build()
    result = run("build", workspace.inputs / "nowhere", "-o", workspace.outputs / "site", "-j", "1", "--no-pdf")
    assert result.exception is None and result.exit_code in (1, 2), result.stderr
    assert_no_traceback(result)
    assert "nowhere" in result.stderr
    assert not (workspace.outputs / "site").exists()


def test_site_folder_blocked_by_a_file(workspace):
    need_build()
    _good_sources(workspace)
    blocker = workspace.outputs / "site"
    blocker.write_bytes(b"not a folder\n")
    result = run("build", workspace.inputs / EDITION, "-o", blocker, "-j", "1", "--no-pdf", "-q")
    assert result.exception is None and result.exit_code in (1, 2), result.stderr
    assert_no_traceback(result)
    assert "site" in result.stderr
    assert blocker.read_bytes() == b"not a folder\n"


@pytest.mark.parametrize("name", ["hostile_hrefs.xml", "special_syntax.xml", "remote_resources.xml"])
def test_hostile_content_never_becomes_live(workspace, listener, name):
    """Published or left out as invalid, a document's links and text stay inert."""
    need_build()
    _good_sources(workspace)
    workspace.place(name, folder=EDITION)
    site, result = _build(workspace)
    assert result.exception is None, repr(result.exception)
    assert_no_traceback(result)
    assert result.exit_code in (0, 1), result.stderr
    assert listener.connections == []
    assert not workspace.leaks(result.stdout, result.stderr)
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert '<script>alert("xss")' not in text, page
        for attr, value in re.findall(r'\b(href|src|action|formaction)\s*=\s*"([^"]*)"', text, re.I):
            squashed = re.sub(r"[\x00-\x20]+|&#0*9;|&#0*10;|&#x0*[9a];", "", value, flags=re.I).lower()
            assert not squashed.startswith(("javascript:", "vbscript:", "data:text")), f"{page.name}: {attr}={value!r}"


@pytest.mark.parametrize("link", ["leak.txt", "leak.xml"])
def test_symlink_out_of_the_source_folder_is_not_published(workspace, link):
    """A pull request can add a symlink to a file of the CI machine; building must not publish it."""
    need_build()
    if not _good_sources(workspace):
        pytest.skip("the bundled edition (tei/) is not there yet")
    target = workspace.inputs / "secret.txt"
    if link.endswith(".xml"):
        # A valid TEI document outside the folder, holding the secret in its text.
        tei = (BUNDLED / "soviet-embassy-dprk-1969-06-09.xml").read_text(encoding="utf-8")
        target = workspace.inputs / "private.xml"
        target.write_text(tei.replace("<p>", f"<p>{workspace.token} ", 1), encoding="utf-8")
    (workspace.inputs / EDITION / link).symlink_to(target)
    site, result = _build(workspace)
    assert_no_traceback(result)
    assert not workspace.leaks(result.stdout, result.stderr), "the file behind the link was published"
