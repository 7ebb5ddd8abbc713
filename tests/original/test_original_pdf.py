"""The PDF prints the original after the translation, or leaves it out with --original none."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from original_support import invoke

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")


def _text(pdf):
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_original_after_the_translation(converted, tmp_path):
    result = invoke("pdf", converted["memo-ru"], "-o", tmp_path / "m.pdf")
    assert result.exit_code == 0, result.output
    text = _text(tmp_path / "m.pdf")
    assert text.index("A short third paragraph.") < text.index("The original: Russian") < text.index("Короткий третий абзац.")


def test_original_left_out(converted, tmp_path):
    result = invoke("pdf", converted["memo-ru"], "--original", "none", "-o", tmp_path / "m.pdf")
    assert result.exit_code == 0, result.output
    text = _text(tmp_path / "m.pdf")
    assert "A short third paragraph." in text and "Короткий" not in text and "The original" not in text


def test_original_place_is_checked(converted, tmp_path):
    result = invoke("pdf", converted["memo-ru"], "--original", "facing", "-o", tmp_path / "m.pdf")
    assert result.exit_code == 2 and "--original" in result.output
