"""The tei_all profile without any other package: a folder, or a release fetched on request.

The "release archive" here is a local folder reached by a file: URL
(``TEIKIT_TEI_RELEASES``), laid out as the TEI Consortium's, holding a small
RelaxNG schema that stands in for tei_all.rng: what is tested is the fetching,
checking and finding, not TEI's schema.
"""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner

from readme_commands import ROOT

CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"
RELEASE = "9.9.1"
#: A stand-in for tei_all.rng: any TEI element as root, anything inside; it names its release as TEI's does.
RNG = f"""<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0"><!--
TEI Edition: P5 Version {RELEASE}. Last updated on a day.
--><start><ref name="any"/></start>
<define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore></element></define>
</grammar>
"""
ISOSCH = """<?xml version="1.0" encoding="utf-8"?>
<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"><ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
<pattern><rule context="tei:TEI"><report test="true()" role="warning" id="stand-in">from the fetched rules</report></rule></pattern>
</schema>
"""


def invoke(*args):
    from teikit.cli import main

    return CliRunner().invoke(main, list(map(str, args)))


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """A release archive with release RELEASE, and an empty user cache."""
    folder = tmp_path / "vault" / RELEASE
    folder.mkdir(parents=True)
    (folder / "tei_all.rng").write_text(RNG, encoding="utf-8")
    (folder / "tei_all.isosch").write_text(ISOSCH, encoding="utf-8")
    monkeypatch.setenv("TEIKIT_TEI_RELEASES", (tmp_path / "vault").as_uri() + "/")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TEIKIT_TEI_ALL", raising=False)
    return folder


def test_fetch_says_what_and_from_where_and_validate_finds_it(archive, tmp_path):
    result = invoke("fetch-tei-all", "--release", RELEASE)
    assert result.exit_code == 0, result.output
    cache = tmp_path / "cache" / "teikit" / "tei" / RELEASE
    for name in ("tei_all.rng", "tei_all.isosch"):
        digest = hashlib.sha256((archive / name).read_bytes()).hexdigest()
        assert f"downloading {(archive / name).as_uri()}" in result.output
        assert f"sha256 {digest}  {name}" in result.output
        assert (cache / name).read_bytes() == (archive / name).read_bytes()
        assert f"{digest}  {name}" in (cache / "SHA256SUMS").read_text()
    validate = invoke("validate", "--tei-all", CONTRACT)
    assert validate.exit_code == 0, validate.output
    assert "[stand-in]" in validate.output  # the fetched rules ran


def test_a_checksum_that_differs_is_refused_and_nothing_is_written(archive, tmp_path):
    sums = tmp_path / "SHA256SUMS"
    good = hashlib.sha256((archive / "tei_all.rng").read_bytes()).hexdigest()
    sums.write_text(f"{good}  tei_all.rng\n{'0' * 64}  tei_all.isosch\n")
    result = invoke("fetch-tei-all", "--release", RELEASE, "--sha256sums", sums)
    assert result.exit_code == 1
    assert "nothing was written" in result.output
    assert not (tmp_path / "cache").exists()
    # With the right sums it goes through.
    sums.write_text("".join(f"{hashlib.sha256((archive / n).read_bytes()).hexdigest()}  {n}\n"
                            for n in ("tei_all.rng", "tei_all.isosch")))
    assert invoke("fetch-tei-all", "--release", RELEASE, "--sha256sums", sums).exit_code == 0


def test_a_page_that_is_not_the_schema_is_refused(archive, tmp_path):
    (archive / "tei_all.rng").write_text("<html><body>Not found</body></html>")
    result = invoke("fetch-tei-all", "--release", RELEASE, "--dir", tmp_path / "out")
    assert result.exit_code == 1 and "not a RelaxNG schema" in result.output
    assert not (tmp_path / "out").exists()


def test_the_schema_of_another_release_is_refused(archive, tmp_path):
    other = archive.parent / "9.9.2"
    other.mkdir()
    for name in ("tei_all.rng", "tei_all.isosch"):
        (other / name).write_bytes((archive / name).read_bytes())
    result = invoke("fetch-tei-all", "--release", "9.9.2")
    assert result.exit_code == 1 and f"is the schema of TEI {RELEASE}, not of 9.9.2" in result.output


def test_a_missing_release_is_one_line(archive):
    result = invoke("fetch-tei-all", "--release", "1.0.0")
    assert result.exit_code == 1 and "cannot download" in result.output
    assert len(result.output.strip().splitlines()) == 2  # the "downloading" line, then the error


def test_without_any_schema_validate_says_how_to_get_one(archive):
    result = invoke("validate", "--tei-all", CONTRACT)
    assert result.exit_code == 2 and "teikit fetch-tei-all" in result.output


def test_a_folder_given_by_option_wins(archive, tmp_path):
    assert invoke("fetch-tei-all", "--release", RELEASE, "--dir", tmp_path / "mine").exit_code == 0
    assert not (tmp_path / "cache").exists()
    assert invoke("validate", "--tei-all-dir", tmp_path / "mine", CONTRACT).exit_code == 0
