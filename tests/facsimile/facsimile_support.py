"""Helpers of the facsimile tests: page images rendered here, and small editions that use them.

Page images are typeset by Typst (the typesetter teikit already uses) as
PNG, each page with a big page number, so a screenshot shows which page is
on screen; tests that only need some valid image use :func:`tiny_png`.
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
TEI_ALL_RNG = SHARED / "tei" / "tei_all.rng"
sys.path.insert(0, str(ROOT / "tests" / "browser"))


def page_images(folder: Path, count: int, *, stem: str = "page", ppi: int = 40) -> list[Path]:
    """``count`` PNG page images ``stem1.png`` … in ``folder``, typeset by Typst."""
    import typst

    folder.mkdir(parents=True, exist_ok=True)
    source = folder / ".pages.typ"
    body = "\n#pagebreak()\n".join(
        f'#align(center)[#text(size: 90pt, weight: "bold")[{n}]]\n#text(size: 16pt)[Страница {n} · page {n}]\n'
        f"#lorem({40 + 7 * n})" for n in range(1, count + 1))
    source.write_text('#set page(width: 14cm, height: 20cm, fill: rgb("#f3ead6"), margin: 1.5cm)\n' + body,
                      encoding="utf-8")
    pngs = typst.compile(str(source), format="png", ppi=ppi)
    source.unlink()
    pngs = pngs if isinstance(pngs, list) else [pngs]
    paths = []
    for n, data in enumerate(pngs, 1):
        path = folder / f"{stem}{n}.png"
        path.write_bytes(data)
        paths.append(path)
    return paths


def tiny_png(path: Path, width: int = 3, height: int = 4) -> Path:
    """A valid PNG of the given size, written with zlib."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\0" + b"\xff\x80\x40" * width for _ in range(height))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


#: A translation with two page markers of its own; the first page has none.
MEMO = """SOVIET EMBASSY IN THE DPRK
SECRET

RECORD OF A CONVERSATION WITH THE AMBASSADOR

Pyongyang, 9 June 1969

{paragraphs1}

[Page 2]

{paragraphs2}

[Page 3]

{paragraphs3}

First Secretary of the Soviet Embassy
[signature] (Yu. Fadeyev)
"""

_SENTENCE = ("The delegation discussed the questions of economic cooperation in detail, and the Korean side "
             "stated that it would consider the proposals of the Soviet side at the next meeting of the commission.")


def memo_text(paragraphs: int = 6) -> str:
    """A memo whose three pages are long enough to scroll through one after the other."""
    block = "\n\n".join(f"{n}. {_SENTENCE} {_SENTENCE}" for n in range(1, paragraphs + 1))
    return MEMO.format(paragraphs1=block, paragraphs2=block.replace(". The", ". Then the"),
                       paragraphs3=block.replace("delegation", "commission"))


def write_edition(folder: Path, facsimile: str, *, pages: int = 3, text: str | None = None, name: str = "memo") -> Path:
    """An edition folder: ``NAME.txt``, its sidecar with ``facsimile`` as its [facsimile] table, and images."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text if text is not None else memo_text(), encoding="utf-8")
    (folder / f"{name}.meta.toml").write_text(
        'title = "Record of a conversation with the Ambassador"\ndate = "1969-06-09"\n'
        'original_language = "ru"\n\n[facsimile]\n' + facsimile, encoding="utf-8")
    if pages:
        page_images(folder / "scans", pages)
    return folder / f"{name}.txt"


def chromium_or_skip():
    from chromium_support import CHROMIUM

    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    return pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium for the module (the project's one set-up)."""
    from chromium_support import ARGS, CHROMIUM

    sync_api = chromium_or_skip()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()
