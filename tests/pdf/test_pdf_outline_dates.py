"""The PDF's outline (bookmarks) comes from the headings, its creation date
is when it was typeset, and the document's own date is in its metadata."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.xml"

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils (pdfinfo) not installed")


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    if not SEED.is_file():
        pytest.skip("the bundled seed document is absent")
    from teikit.pdf import PdfRenderer
    from teikit.xmlparse import parse_file

    before = time.gmtime(time.time() - 1)
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    path.write_bytes(PdfRenderer().render(parse_file(SEED), name=SEED.name))
    return path, before


def _info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", "-isodates", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_creation_date_is_the_typesetting_not_the_memo(seed_pdf):
    path, before = seed_pdf
    info = _info(path)
    created = info["CreationDate"]
    assert not created.startswith("1969")
    assert created[:10] >= time.strftime("%Y-%m-%d", before)
    # The memo's date is where catalogue tools show it.
    assert "1969-06-09" in info["Keywords"] and "1969-06-09" in info["Subject"]


def test_outline_follows_the_headings(seed_pdf):
    from pypdf import PdfReader

    path, _ = seed_pdf
    titles = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                titles.append((depth, item.title))

    walk(PdfReader(str(path)).outline, 0)
    assert titles[0][0] == 0 and titles[0][1].startswith("Soviet Embassy in North Korea")
    assert (1, "I.") in titles and (1, "V.") in titles
    # The headings are in the text too, in the same order as the outline.
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    positions = [text.find(f"\n{t}\n") for _, t in titles if t in ("I.", "II.", "III.", "IV.", "V.")]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
