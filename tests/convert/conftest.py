"""Fixtures of the converter's tests."""

from __future__ import annotations

import pytest
from convert_support import BUNDLED_TXT

from teikit.convert import convert_file


@pytest.fixture(scope="session")
def seed():
    """The seed converted once (with the bundled edition's sidecar metadata)."""
    return convert_file(BUNDLED_TXT)
