"""Fixtures of the PDF tests: one renderer for the session, TEI samples."""

from __future__ import annotations

import pytest

from teikit.pdf import PdfRenderer


@pytest.fixture(scope="session")
def renderer() -> PdfRenderer:
    """A PdfRenderer shared by the tests (compiling the stylesheet once)."""
    return PdfRenderer()


@pytest.fixture()
def render_to(renderer, tmp_path):
    """Render a tree to a file in tmp_path; return (path, warnings)."""

    def render(tree, name="doc"):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(renderer.render(tree, name=name))
        return path, list(renderer.warnings)

    return render
