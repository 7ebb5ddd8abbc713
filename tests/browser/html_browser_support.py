"""Fixtures and helpers of the browser tests of the HTML page.

The page under test is the seed document's page when the repository has its
TEI, else the contract sample's; it is written into a fresh folder, opened
from file:// in Debian's Chromium, and every request and console message is
recorded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from chromium_support import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
SEED_TEI = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.xml"
CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"


class Session:
    """A page in a fresh browser context, with its requests and errors recorded."""

    def __init__(self, browser, page_file: Path, width: int, touch: bool = False):
        self.context = browser.new_context(
            viewport={"width": width, "height": 900}, has_touch=touch, is_mobile=touch
        )
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.goto(page_file.as_uri())
        self.page.wait_for_load_state("load")
        # The marks are drawn on the next animation frame after fonts settle.
        self.page.wait_for_function("document.querySelectorAll('.margin-layer .mm').length > 0")

    def close(self):
        self.context.close()


# Module scope: one Playwright driver at a time in the process (other browser
# tests start their own).
@pytest.fixture(scope="module")
def chromium_browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    """The page, rendered once per module into its own folder."""
    from teikit.html import HtmlRenderer
    from teikit.xmlparse import parse_file

    source = SEED_TEI if SEED_TEI.is_file() else CONTRACT
    folder = tmp_path_factory.mktemp("edition")
    shutil.copy(source, folder / source.name)
    page = HtmlRenderer().render(parse_file(source), name=source.name, tei_href=source.name)
    target = folder / f"{source.stem}.html"
    target.write_text(page, encoding="utf-8")
    return target


@pytest.fixture
def desktop(chromium_browser, page_file):
    session = Session(chromium_browser, page_file, 1280)
    yield session
    session.close()


@pytest.fixture
def phone(chromium_browser, page_file):
    session = Session(chromium_browser, page_file, 390, touch=True)
    yield session
    session.close()
