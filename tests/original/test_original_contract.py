"""The blocks the converter aligns are the blocks the HTML's parallel view rows by."""

from __future__ import annotations

import re
from pathlib import Path

from teikit.anchors import ALIGNABLE

PARALLEL_XSL = Path(__file__).resolve().parents[2] / "xslt" / "html" / "parallel.xsl"


def test_parallel_view_rows_by_the_alignable_blocks():
    text = PARALLEL_XSL.read_text(encoding="utf-8")
    listed = re.search(r'name="tk:alignable".*?select="\((.*?)\)"', text, re.S).group(1)
    assert tuple(re.findall(r"'([^']+)'", listed)) == ALIGNABLE
