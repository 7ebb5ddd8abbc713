"""Paths of the original-language tests."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
TEI_ALL_DIR = HERE.parents[1] / ".." / "shared" / "tei"


def invoke(*args):
    from click.testing import CliRunner

    from teikit.cli import main

    return CliRunner().invoke(main, list(map(str, args)))
