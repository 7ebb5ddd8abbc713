"""TEI written in the conventions of other projects (see fixtures/README.md)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
INVALID = HERE / "invalid-tei-all.xml"
TEI_ALL_DIR = HERE.parents[1] / ".." / "shared" / "tei"


def exchange_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.xml"))
