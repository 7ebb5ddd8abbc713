"""The bundled edition: converting tei/'s source reproduces the committed TEI.

Compared canonically (C14N 2.0). To regenerate after an intended change run
``TEIKIT_REGEN=1 python3 -m pytest tests/golden``; a normal run never writes.
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from teikit.convert import convert_file, serialize
from teikit.output import write_atomic
from teikit.xmlparse import parse_file

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.txt"
GOLDEN = SOURCE.with_suffix(".xml")


def test_converting_the_source_reproduces_the_committed_tei():
    conversion = convert_file(SOURCE)
    if os.environ.get("TEIKIT_REGEN") == "1":
        write_atomic(GOLDEN, serialize(conversion.tree))
    expected = etree.tostring(parse_file(GOLDEN), method="c14n2")
    actual = etree.tostring(conversion.tree, method="c14n2")
    assert actual == expected, "tei/ is out of date: regenerate with TEIKIT_REGEN=1 (see this file's docstring)"


def test_conversion_is_deterministic():
    first = serialize(convert_file(SOURCE).tree)
    assert serialize(convert_file(SOURCE).tree) == first


def test_committed_tei_is_byte_identical_to_a_fresh_conversion():
    # Stronger than C14N: the serialization itself is stable (no timestamps).
    assert GOLDEN.read_bytes() == serialize(convert_file(SOURCE).tree)
