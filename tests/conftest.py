"""Fixtures shared by every test area: paths and the TEI's own schema."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TXT = SHARED / "corpus" / "seed" / "soviet-embassy-dprk-1969-06-09.txt"
DEV_DIR = SHARED / "corpus" / "dev"
TEI_ALL_RNG = SHARED / "tei" / "tei_all.rng"
TEI_ALL_SCH = SHARED / "tei" / "tei_all.isosch"
P5SUBSET = SHARED / "tei" / "p5subset.xml"
CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"

# Tests that run the `teikit` command find the one installed beside the Python
# that runs them (`.venv/bin/python -m pytest` does not put .venv/bin on PATH).
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


@pytest.fixture(scope="session")
def tei_all():
    """lxml's RelaxNG validator for tei_all (compiling it takes ~15 s, so once)."""
    if not TEI_ALL_RNG.is_file():
        pytest.skip("../shared/tei/tei_all.rng is not present")
    return etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))


@pytest.fixture(scope="session")
def assert_tei_all(tei_all):
    """Assert that a tree is valid tei_all, showing the first errors if not."""

    def check(tree):
        if not tei_all.validate(tree):
            errors = "\n".join(str(e) for e in list(tei_all.error_log)[:10])
            raise AssertionError(f"not valid against tei_all:\n{errors}")

    return check
