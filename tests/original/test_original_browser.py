"""The parallel view in headless Chromium: columns on a desktop, one above the other on a phone, the switch."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from chromium_support import ARGS, CHROMIUM, browser  # noqa: E402,F401 - the fixture

from original_support import invoke  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(converted, tmp_path_factory):
    if not CHROMIUM.is_file():
        pytest.skip("no Chromium at /usr/bin/chromium")
    out = tmp_path_factory.mktemp("pages")
    for name in ("memo-ru", "note-zh"):
        result = invoke("html", converted[name], "-o", out)
        assert result.exit_code == 0, result.output
    return out


def _open(browser, path, width, script=True):
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=script)
    page = context.new_page()
    page.goto(path.as_uri())
    return context, page


def _box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("name, lang", [("memo-ru", "ru"), ("note-zh", "zh")])
def test_columns_at_desktop_width(browser, pages, name, lang):
    context, page = _open(browser, pages / f"{name}.html", 1280)
    tr, orig = _box(page, "#p1"), _box(page, "#o2")
    # Side by side in one row: the original to the right, level with the translation.
    assert page.locator("#o2").evaluate("e => e.closest('.parallel-row').contains(document.getElementById('p1'))")
    assert abs(tr["y"] - orig["y"]) < 24 and orig["x"] > tr["x"] + tr["width"]
    assert page.locator("#o2").evaluate("e => e.closest('[lang]').lang") == lang
    _shot(page, f"{name}-1280.png")
    context.close()


def test_one_above_the_other_on_a_phone(browser, pages):
    context, page = _open(browser, pages / "note-zh.html", 390)
    tr, orig = _box(page, "#p1"), _box(page, "#o2")
    assert orig["y"] >= tr["y"] + tr["height"] - 1 and abs(orig["x"] - tr["x"]) < 40
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, "note-zh-390.png")
    context.close()


def test_switch_by_keyboard(browser, pages):
    context, page = _open(browser, pages / "memo-ru.html", 1280)
    assert page.locator(".parallel-switch").is_visible()
    page.locator("input[value='both']").focus()
    page.keyboard.press("ArrowLeft")  # radio buttons move with the arrow keys
    assert page.locator("input[value='translation']").is_checked()
    assert page.locator("#p1").is_visible() and not page.locator("#o2").is_visible()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.locator("input[value='original']").is_checked()
    assert page.locator("#o2").is_visible() and not page.locator("#p1").is_visible()
    _shot(page, "memo-ru-original.png")
    context.close()


def test_without_script_both_are_shown(browser, pages):
    context, page = _open(browser, pages / "memo-ru.html", 1280, script=False)
    assert page.locator("#p1").is_visible() and page.locator("#o2").is_visible()
    assert not page.locator(".parallel-switch").is_visible()
    context.close()


def _shot(page, name):
    # Screenshots for a person to look at, when TEIKIT_SCREENSHOTS names a folder.
    folder = os.environ.get("TEIKIT_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / name), full_page=True)
