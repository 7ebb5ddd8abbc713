"""Fixtures of the PDF tests: one renderer for the whole session."""

from __future__ import annotations

import pytest

from teikit.pdf import PdfRenderer


@pytest.fixture(scope="session")
def renderer() -> PdfRenderer:
    """A PdfRenderer shared by the tests (compiling the stylesheet once)."""
    return PdfRenderer()
