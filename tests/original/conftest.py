"""Fixtures of the original-language tests: the two fixture documents converted once."""

from __future__ import annotations

import pytest
from original_support import FIXTURES, invoke


@pytest.fixture(scope="session")
def converted(tmp_path_factory):
    """NAME → path of the TEI converted from tests/original/fixtures/NAME.txt with its sidecar."""
    out = tmp_path_factory.mktemp("original")
    paths = {}
    for name in ("memo-ru", "note-zh", "uncertain"):
        target = out / f"{name}.xml"
        result = invoke("convert", FIXTURES / f"{name}.txt", "-o", target)
        assert result.exit_code == 0, result.output
        paths[name] = target
    return paths
