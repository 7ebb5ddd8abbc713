"""``python -m teikit`` is the same program as ``teikit``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "teikit", *args], capture_output=True, text=True, timeout=120)


def test_python_m_teikit_runs_the_command_line():
    result = _run("--help")
    assert result.returncode == 0 and result.stdout.startswith("Usage: teikit ")


def test_python_m_teikit_reports_an_invalid_document_in_one_line(tmp_path):
    wrong = tmp_path / "wrong.xml"
    wrong.write_text('<?xml version="1.0"?>\n<text xmlns="urn:other">x</text>\n', encoding="utf-8")
    result = _run("html", str(wrong), "-o", str(tmp_path / "out.html"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"{wrong}:2: not a TEI P5 document: the root element <text> is in "
                                     "the namespace urn:other, not the TEI namespace http://www.tei-c.org/ns/1.0")
    assert not (tmp_path / "out.html").exists()
