"""The PDF of a document with a facsimile: printed as before (the facsimile is not part of the text)."""

from __future__ import annotations

import pytest
from facsimile_support import FIXTURES, write_edition

from teikit.convert import convert_file
from teikit.xmlparse import parse_file

pypdf = pytest.importorskip("pypdf")


def _text(data: bytes) -> str:
    import io

    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def renderer():
    from teikit.pdf import PdfRenderer

    return PdfRenderer()


def test_a_converted_document_with_page_images_prints(tmp_path, renderer):
    source = write_edition(tmp_path, 'images = "scans/"\n')
    with_images = renderer.render(convert_file(source).tree, name="memo.xml")
    metadata = {"title": "Record of a conversation with the Ambassador", "date": "1969-06-09",
                "original_language": "ru"}
    without = renderer.render(convert_file(source, metadata=metadata).tree, name="memo.xml")
    assert with_images.startswith(b"%PDF")
    assert "scans/page1.png" not in _text(with_images)
    assert _text(with_images).split() == _text(without).split()


def test_another_projects_facsimile_does_not_stop_the_pdf(renderer):
    data = renderer.render(parse_file(FIXTURES / "other-project.xml"), name="other-project.xml")
    text = _text(data)
    assert "The courier's departure" in text.replace("’", "'") and "images/f1r.png" not in text
