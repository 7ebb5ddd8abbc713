"""Fixtures of the build tests: a small source folder and a build runner
with stand-in stages."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from teikit.site import build_site

from build_fakes import FakeToolchain

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"


def contract_variant(title: str, when: str) -> str:
    """The contract sample with another title and date."""
    text = CONTRACT.read_text(encoding="utf-8")
    text = re.sub(r'(<title type="main">)[^<]*', lambda m: m.group(1) + title, text, count=1)
    return text.replace('<creation><date when="1969-06-09">9 June 1969</date>',
                        f'<creation><date when="{when}">{when}</date>', 1)


@pytest.fixture
def source(tmp_path) -> Path:
    """Three TEI documents, one plain-text one and the register."""
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "alpha.xml").write_text(contract_variant("Alpha memo", "1969-06-09"), encoding="utf-8")
    (folder / "beta.xml").write_text(contract_variant("Beta report", "1962-10-23"), encoding="utf-8")
    (folder / "gamma.xml").write_text(contract_variant("Gamma journal", "1960-03-01"), encoding="utf-8")
    (folder / "delta.txt").write_text("Delta note\nA plain translation about Zhdanov.\n", encoding="utf-8")
    shutil.copy(HERE / "data" / "register.xml", folder / "register.xml")
    return folder


@pytest.fixture
def build(tmp_path):
    """``build(source, **options)`` with stand-in stages, into tmp/site by default."""

    def run(source, site=None, **options):
        options.setdefault("jobs", 1)
        options.setdefault("toolchain_digest", "fake-toolchain")
        options.setdefault("stream", io.StringIO())
        return build_site(source, site or tmp_path / "site", toolchain_factory=FakeToolchain, **options)

    return run
