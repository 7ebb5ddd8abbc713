"""Helpers of the converter's tests (a module name of its own, so tests can import it)."""

from __future__ import annotations

from pathlib import Path

from teikit.convert.source import read_source
from teikit.export import export_text

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
SEED_TXT = SHARED / "corpus" / "seed" / "soviet-embassy-dprk-1969-06-09.txt"
DEV_DIR = SHARED / "corpus" / "dev"
BUNDLED_TXT = ROOT / "tei" / SEED_TXT.name
BUNDLED_XML = BUNDLED_TXT.with_suffix(".xml")
FIXTURES = HERE / "fixtures"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def source_lines(path) -> list[str]:
    """The source's non-blank lines, stripped: what a lossless export must give back."""
    return [line.text for line in read_source(path) if not line.blank]


def assert_lossless(conversion, path) -> None:
    """The export of ``conversion`` has exactly the lines of the source at ``path``."""
    exported = export_text(conversion.tree).splitlines()
    expected = source_lines(path)
    for number, (want, got) in enumerate(zip(expected, exported), start=1):
        assert got == want, f"line {number} differs:\n want {want!r}\n got  {got!r}"
    assert len(exported) == len(expected)
