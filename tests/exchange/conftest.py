"""Fixtures of the exchange tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from exchange_support import TEI_ALL_DIR


@pytest.fixture
def tei_all_dir() -> Path:
    if not (TEI_ALL_DIR / "tei_all.rng").is_file():
        pytest.skip("../shared/tei/tei_all.rng is not present")
    return TEI_ALL_DIR.resolve()
