"""The reading page in headless Chromium: loading, notes, marks, screenshots."""

from __future__ import annotations

import pytest

from html_browser_support import Session, chromium_browser, desktop, page_file, phone  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

# Geometry of every mark of the running text and of the bar drawn for it.
MARK_GEOMETRY = """
() => {
  const text = document.querySelector('article.text');
  const box = text.getBoundingClientRect();
  return [...text.querySelectorAll('.mark')].filter(m => !m.closest('.popover')).map(m => {
    const rects = [...m.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    const bar = document.querySelector(`.margin-layer .mm[data-for="${m.id}"]`);
    const b = bar && bar.getBoundingClientRect();
    return {
      id: m.id, kind: m.dataset.mark, low: m.dataset.cert === 'low',
      textLeft: box.left, left: Math.min(...rects.map(r => r.left)),
      top: Math.min(...rects.map(r => r.top)), bottom: Math.max(...rects.map(r => r.bottom)),
      bar: b && { left: b.left, right: b.right, top: b.top, bottom: b.bottom,
                  dashed: getComputedStyle(bar).borderLeftStyle === 'dashed' || getComputedStyle(bar).outlineStyle === 'dashed'
                          || getComputedStyle(bar, '::before').outlineStyle === 'dashed'
                          || getComputedStyle(bar).backgroundImage.includes('gradient') },
    };
  });
}
"""


def _visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def test_loads_without_errors_and_requests_nothing_from_elsewhere(desktop, page_file):
    folder = page_file.parent.as_uri() + "/"
    assert desktop.errors == []
    assert desktop.requests, "the page itself is requested"
    assert [url for url in desktop.requests if not url.startswith(folder)] == []


def test_a_note_opens_by_click_and_highlights_its_passage(desktop):
    page = desktop.page
    button = page.locator("article .note-ref[data-targets]").first
    popover_id = button.get_attribute("aria-controls")
    targets = button.get_attribute("data-targets").split()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    popover = page.locator(f"#{popover_id}")
    assert popover.is_visible()
    assert "Translator’s note" in popover.inner_text() or "Note" in popover.inner_text()
    for target in targets:
        assert "is-active" in page.locator(f"#{target}").get_attribute("class")
        assert "is-active" in page.locator(f'.margin-layer .mm[data-for="{target}"]').get_attribute("class")
    duplicates = page.evaluate(
        "() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
        " return ids.length - new Set(ids).size; }"
    )
    assert duplicates == 0, "the popover's copy of the note keeps ids unique"
    # The popover sits below its marker, inside the window.
    b, p = button.bounding_box(), popover.bounding_box()
    assert p["y"] >= b["y"] + b["height"] - 1
    assert 0 <= p["x"] and p["x"] + p["width"] <= 1280
    popover.locator(".popover-close").click()
    assert not popover.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == button.get_attribute("id")
    assert page.locator(".mark.is-active").count() == 0


def test_a_note_opens_by_keyboard_and_escape_closes_it(desktop):
    page = desktop.page
    buttons = page.locator("article .note-ref")
    first, second = buttons.nth(0), buttons.nth(1)
    first.focus()
    page.keyboard.press("Enter")
    assert first.get_attribute("aria-expanded") == "true"
    assert page.locator(f"#{first.get_attribute('aria-controls')}").is_visible()
    page.keyboard.press("Escape")
    assert first.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == first.get_attribute("id")
    second.focus()
    page.keyboard.press(" ")
    assert second.get_attribute("aria-expanded") == "true"
    # Tab moves into the open popover (its close button comes next).
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "popover-close"
    page.keyboard.press("Enter")
    assert second.get_attribute("aria-expanded") == "false"
    # Only one note is open at a time.
    first.click()
    second.click()
    assert page.locator(".popover:not([hidden])").count() == 1


def test_a_note_opens_by_touch_on_a_phone(phone):
    page = phone.page
    button = page.locator("article .note-ref").first
    button.tap()
    popover = page.locator(f"#{button.get_attribute('aria-controls')}")
    assert popover.is_visible()
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the note opens as a sheet within the screen"
    page.locator("main h2, main h3").first.tap()
    assert not popover.is_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_margin_marks_sit_beside_their_passages(chromium_browser, page_file, width):
    session = Session(chromium_browser, page_file, width)
    try:
        marks = session.page.evaluate(MARK_GEOMETRY)
    finally:
        session.close()
    assert marks
    for mark in marks:
        bar = mark["bar"]
        assert bar, f"{mark['id']} has no bar in the margin"
        assert bar["right"] <= mark["left"] + 0.5, f"{mark['id']}: the bar is left of the passage"
        assert bar["left"] >= mark["textLeft"] - 0.5, f"{mark['id']}: the bar is inside the margin"
        assert abs(bar["top"] - mark["top"]) <= 1, f"{mark['id']}: the bar starts at the passage's first line"
        if mark["kind"] in ("query", "exclamation"):
            assert bar["bottom"] <= mark["bottom"] + 4
        else:
            assert abs(bar["bottom"] - mark["bottom"]) <= 1, f"{mark['id']}: the bar ends at its last line"
        assert bar["dashed"] == mark["low"], f"{mark['id']}: uncertain marks, and only they, are dashed"


def test_bars_of_nested_marks_do_not_overlap(desktop):
    marks = desktop.page.evaluate(MARK_GEOMETRY)
    bars = [m["bar"] for m in marks]
    for i, a in enumerate(bars):
        for b in bars[i + 1 :]:
            vertical = a["top"] < b["bottom"] - 2 and b["top"] < a["bottom"] - 2
            horizontal = a["left"] < b["right"] and b["left"] < a["right"]
            assert not (vertical and horizontal), (a, b)


def test_the_switch_shows_the_text_as_published(desktop):
    page = desktop.page
    if not page.locator("#tk-view-published").count():
        pytest.skip("no corrections in this document")
    dateline = page.locator("article .dateline")
    assert "June" in dateline.inner_text() and "Junes" not in dateline.inner_text()
    page.locator("label", has=page.locator("#tk-view-published")).click()
    assert "Junes" in dateline.inner_text()
    page.wait_for_timeout(50)
    marks = page.evaluate(MARK_GEOMETRY)
    assert all(abs(m["bar"]["top"] - m["top"]) <= 1 for m in marks), "bars follow the reflowed text"


def test_show_the_passage_from_the_list_of_notes(desktop):
    page = desktop.page
    button = page.locator(".endnotes .show-passage").first
    targets = button.get_attribute("data-targets").split()
    button.click()
    passage = page.locator(f"#{targets[0]}")
    assert "is-active" in passage.get_attribute("class")
    page.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.bottom > 0 && r.top < window.innerHeight; }",
        arg=targets[0],
    )


def test_phone_layout_does_not_overflow(phone):
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.errors == []


def test_screenshots_at_desktop_and_phone_widths(chromium_browser, page_file, tmp_path):
    shots = []
    for width in (1280, 390):
        session = Session(chromium_browser, page_file, width, touch=width < 600)
        page = session.page
        try:
            full = tmp_path / f"page-{width}.png"
            page.screenshot(path=str(full), full_page=True)
            button = page.locator("article .note-ref[data-targets]").nth(1)
            button.scroll_into_view_if_needed()
            button.click()
            note = tmp_path / f"note-{width}.png"
            page.screenshot(path=str(note))
            page.locator("article .opener").scroll_into_view_if_needed()
            top = tmp_path / f"top-{width}.png"
            page.screenshot(path=str(top))
            shots += [full, note, top]
        finally:
            session.close()
    for shot in shots:
        assert shot.stat().st_size > 10_000
