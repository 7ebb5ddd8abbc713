"""teikit build: the original is part of its document, and a change to it rebuilds the document."""

from __future__ import annotations

import shutil

from original_support import FIXTURES, invoke


def test_build_takes_the_original_with_its_document(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    for path in FIXTURES.glob("memo-ru*"):
        shutil.copy(path, source / path.name)
    result = invoke("build", source, "-o", tmp_path / "site", "--no-pdf")
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in (tmp_path / "site" / "documents").glob("*.html"))
    assert pages == ["memo-ru.html"]  # not memo-ru.ru.html: the original is no document of its own
    assert 'id="o2"' in (tmp_path / "site" / "documents" / "memo-ru.html").read_text(encoding="utf-8")
    again = invoke("build", source, "-o", tmp_path / "site", "--no-pdf")
    assert "1 unchanged" in again.output
    with open(source / "memo-ru.ru.txt", "a", encoding="utf-8") as handle:
        handle.write("\nНовый абзац.\n")
    changed = invoke("build", source, "-o", tmp_path / "site", "--no-pdf")
    assert "1 built" in changed.output, changed.output
    assert 'Новый абзац.' in (tmp_path / "site" / "documents" / "memo-ru.html").read_text(encoding="utf-8")
