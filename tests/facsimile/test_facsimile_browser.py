"""The facsimile viewer in headless Chromium: it follows the reading position, zooms, pans and turns
pages, opens with one tap on a phone, reads without script, and requests nothing but the page's own
files and the hosts the sidecar names.

Screenshots go to the test's temporary folder, or to $TEIKIT_SCREENSHOT_DIR when that is set (to look
at them).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest
from facsimile_support import FIXTURES, chromium, page_images, tiny_png, write_edition  # noqa: F401 - fixture

from teikit.html import HtmlRenderer
from teikit.site.build import build_site

pytestmark = pytest.mark.browser

PAGE_OF_VIEWER = "document.querySelector('aside.facsimile').getAttribute('data-page')"


def _shot_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TEIKIT_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A built site of one memo with three page images."""
    source = tmp_path_factory.mktemp("edition")
    write_edition(source, 'images = "scans/"\npages = ["1", "2", "3"]\n')
    site = tmp_path_factory.mktemp("built") / "site"
    summary = build_site(source, site, jobs=1, pdf=False, quiet=True)
    assert summary.ok, summary.failed
    return site


class Viewer:
    """A page open in a fresh context; every request it makes is recorded (and none leaves the machine)."""

    def __init__(self, browser, url: str, width: int, *, script: bool = True, serve: dict | None = None):
        phone = width < 600
        self.context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=phone,
                                           is_mobile=phone, java_script_enabled=script)
        self.requests: list[str] = []
        self.errors: list[str] = []
        serve = serve or {}

        def route(request_route):
            url = request_route.request.url
            self.requests.append(url)
            for prefix, body in serve.items():
                if url.startswith(prefix):
                    return request_route.fulfill(status=200, content_type="image/png", body=body)
            if url.startswith("file://"):
                return request_route.continue_()
            return request_route.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def scroll_to_break(self, index: int) -> None:
        self.page.evaluate(f"""document.querySelectorAll('article .pb-facs')[{index}]
            .scrollIntoView({{block: 'start'}})""")
        self.settle()

    def settle(self) -> None:
        self.page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def image(self) -> dict:
        return self.page.evaluate("""(() => { const i = document.querySelector('.facs-canvas img');
            return {src: i.getAttribute('src') || '', alt: i.alt, loaded: i.complete && i.naturalWidth > 0,
                    transform: document.querySelector('.facs-canvas').style.transform}; })()""")

    def close(self) -> None:
        self.context.close()


def test_the_page_shown_follows_the_text_as_it_scrolls(chromium, site, tmp_path):
    viewer = Viewer(chromium, (site / "documents" / "memo.html").as_uri(), 1280)
    try:
        page = viewer.page
        page.wait_for_function("document.querySelector('.facs-canvas img').naturalWidth > 0")
        assert page.evaluate(PAGE_OF_VIEWER) == "1"
        shots = _shot_dir(tmp_path)
        page.screenshot(path=str(shots / "facsimile-1280-page1.png"))
        seen = []
        for index in (1, 2):
            viewer.scroll_to_break(index)
            page.wait_for_function("document.querySelector('.facs-canvas img').naturalWidth > 0")
            seen.append((page.evaluate(PAGE_OF_VIEWER), viewer.image()))
        assert [s[0] for s in seen] == ["2", "3"]
        assert seen[0][1]["src"].endswith("facsimile/memo/p2.png") and seen[1][1]["src"].endswith("p3.png")
        assert seen[1][1]["alt"] == "Page 3 of the original (facsimile image)" and seen[1][1]["loaded"]
        page.screenshot(path=str(shots / "facsimile-1280-page3.png"))
        page.evaluate("window.scrollTo(0, 0)")
        viewer.settle()
        assert page.evaluate(PAGE_OF_VIEWER) == "1"
        # Beside the text: the panel is to the right of the text and does not cover it.
        text = page.locator("article.text").bounding_box()
        panel = page.locator("aside.facsimile").bounding_box()
        assert panel["x"] >= text["x"] + text["width"] and panel["width"] > 400
        assert viewer.errors == []
        assert all(url.startswith("file://") for url in viewer.requests), viewer.requests
    finally:
        viewer.close()


def test_zoom_pan_and_page_turn_by_buttons_keys_and_pointer(chromium, site):
    viewer = Viewer(chromium, (site / "documents" / "memo.html").as_uri(), 1280)
    try:
        page = viewer.page
        page.wait_for_function("document.querySelector('.facs-canvas img').naturalWidth > 0")
        page.get_by_role("button", name="Zoom in").click()
        assert "scale(1.5)" in viewer.image()["transform"]
        before = viewer.image()["transform"]
        view = page.locator(".facs-view")
        box = view.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] / 2 + 40, box["y"] + box["height"] / 2 + 30, steps=4)
        page.mouse.up()
        assert viewer.image()["transform"] != before, "dragging pans the zoomed page"
        view.focus()
        page.keyboard.press("0")
        assert "scale(1)" in viewer.image()["transform"]
        page.keyboard.press("PageDown")
        assert page.evaluate(PAGE_OF_VIEWER) == "2"
        page.get_by_role("button", name="Next page").click()
        assert page.evaluate(PAGE_OF_VIEWER) == "3"
        assert page.get_by_role("button", name="Next page").is_disabled()
        view.focus()
        page.keyboard.press("ArrowLeft")
        assert page.evaluate(PAGE_OF_VIEWER) == "2"
        page.keyboard.press("+")
        assert "scale(1.5)" in viewer.image()["transform"]
        # A page break in the text shows its page.
        page.locator("article .pb-facs").nth(0).click()
        assert page.evaluate(PAGE_OF_VIEWER) == "1"
    finally:
        viewer.close()


def test_on_a_phone_the_image_is_one_tap_away(chromium, site, tmp_path):
    viewer = Viewer(chromium, (site / "documents" / "memo.html").as_uri(), 390)
    try:
        page = viewer.page
        shots = _shot_dir(tmp_path)
        assert not page.locator("aside.facsimile").is_visible()
        viewer.scroll_to_break(1)
        page.screenshot(path=str(shots / "facsimile-390-text.png"))
        opener = page.get_by_role("button", name="Page image")
        assert opener.is_visible()
        opener.tap()
        page.wait_for_function("document.querySelector('.facs-canvas img').naturalWidth > 0")
        panel = page.locator("aside.facsimile").bounding_box()
        assert panel["width"] >= 389 and panel["height"] >= 799
        assert page.evaluate(PAGE_OF_VIEWER) == "2"
        assert viewer.image()["src"].endswith("p2.png")
        page.screenshot(path=str(shots / "facsimile-390-open.png"))
        page.keyboard.press("Escape")
        assert not page.locator("aside.facsimile").is_visible()
        page.get_by_role("button", name="Page image").tap()
        page.get_by_role("button", name="Close the facsimile").tap()
        assert not page.locator("aside.facsimile").is_visible()
    finally:
        viewer.close()


def test_without_script_the_text_reads_and_each_page_image_is_a_link(chromium, site):
    viewer = Viewer(chromium, (site / "documents" / "memo.html").as_uri(), 1280, script=False)
    try:
        page = viewer.page
        links = page.locator("aside.facsimile ol a")
        assert links.count() == 3 and links.nth(2).is_visible()
        assert links.nth(2).get_attribute("href") == "../facsimile/memo/p3.png"
        assert page.locator("article.text").is_visible()
        assert "The delegation discussed" in page.locator("article.text").inner_text()
        assert not any(url.endswith(".png") for url in viewer.requests), "nothing is loaded without a reader asking"
    finally:
        viewer.close()


def test_another_projects_facsimile_shows_beside_its_text(chromium, tmp_path):
    folder = tmp_path / "exchanged"
    folder.mkdir()
    shutil.copy(FIXTURES / "other-project.xml", folder / "other-project.xml")
    page_images(folder / "images", 2, stem="f")
    os.replace(folder / "images" / "f1.png", folder / "images" / "f1r.png")
    os.replace(folder / "images" / "f2.png", folder / "images" / "f1v.png")
    tiny_png(folder / "images" / "f2r.png", 30, 40)
    out = tmp_path / "pages"
    out.mkdir()
    renderer = HtmlRenderer()
    target = out / "other-project.html"
    target.write_text(renderer.render_file(folder / "other-project.xml", target), encoding="utf-8")
    viewer = Viewer(chromium, target.as_uri(), 1280)
    try:
        page = viewer.page
        page.wait_for_function("document.querySelector('.facs-canvas img').naturalWidth > 0")
        assert viewer.image()["src"] == "../exchanged/images/f1r.png"
        assert page.evaluate(PAGE_OF_VIEWER) == "1r"
        # The letter is short: room below it, so that its second break can reach the top.
        page.evaluate("document.body.style.paddingBottom = '150vh'")
        viewer.scroll_to_break(1)
        assert page.evaluate(PAGE_OF_VIEWER) == "1v"
        page.wait_for_function("document.querySelector('.facs-canvas img').naturalWidth > 0")
        # The page break points at a zone: it is outlined on the page.
        zone = page.locator(".facs-zone")
        assert zone.is_visible()
        canvas = page.locator(".facs-canvas").bounding_box()
        box = zone.bounding_box()
        assert abs(box["x"] - (canvas["x"] + canvas["width"] * .10)) < 3
        assert abs(box["width"] - canvas["width"] * .80) < 4
        page.screenshot(path=str(_shot_dir(tmp_path) / "facsimile-other-project-1280.png"))
        # Without that room, the end of the document shows the last page in view.
        page.evaluate("document.body.style.paddingBottom = ''; window.scrollTo(0, document.body.scrollHeight)")
        viewer.settle()
        assert page.evaluate(PAGE_OF_VIEWER) == "3"
        assert viewer.image()["src"] == "../exchanged/images/f2r.png"
        assert all(url.startswith("file://") for url in viewer.requests), viewer.requests
    finally:
        viewer.close()


class Listener:
    """A TCP port on loopback that counts the connections made to it."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.running = False
        self.thread.join(2)
        self.socket.close()


def test_nothing_is_fetched_but_from_the_named_iiif_host(chromium, tmp_path):
    listener = Listener()
    try:
        service = f"http://127.0.0.1:{listener.port}/iiif/3"
        source = tmp_path / "edition"
        write_edition(source, f'iiif_service = ["{service}/p1", "{service}/p2", "{service}/p3"]\n'
                              'size = [220, 315]\n', pages=0)
        # A second document, from elsewhere, names an image on a host nobody named.
        other = (FIXTURES / "other-project.xml").read_text(encoding="utf-8")
        (source / "other-project.xml").write_text(
            other.replace("images/f2r.png", "https://unnamed.example.net/f2r.png"), encoding="utf-8")
        page_images(source / "images", 2, stem="f")
        os.replace(source / "images" / "f1.png", source / "images" / "f1r.png")
        os.replace(source / "images" / "f2.png", source / "images" / "f1v.png")
        from teikit.site.worker import Validation

        site = tmp_path / "site"
        summary = build_site(source, site, jobs=1, pdf=False, quiet=True,
                             validation=Validation(publish_invalid=True))
        assert sorted(summary.built) == ["memo", "other-project"], summary.failed
        assert listener.connections == 0, "the build fetched nothing"
        assert not (site / "facsimile" / "memo").exists()

        png = (tmp_path / "served.png")
        page_images(tmp_path / "served", 1)
        png = (tmp_path / "served" / "page1.png").read_bytes()
        named = f"http://127.0.0.1:{listener.port}/"
        viewer = Viewer(chromium, (site / "documents" / "memo.html").as_uri(), 1280, serve={named: png})
        try:
            viewer.page.wait_for_function("document.querySelector('.facs-canvas img').naturalWidth > 0")
            viewer.scroll_to_break(2)
            viewer.page.wait_for_function("document.querySelector('.facs-canvas img').naturalWidth > 0")
            assert viewer.image()["src"] == f"{service}/p3/full/max/0/default.jpg"
            outside = [u for u in viewer.requests if not u.startswith(("file://", named))]
            assert outside == [] and any(u.startswith(named) for u in viewer.requests)
        finally:
            viewer.close()

        viewer = Viewer(chromium, (site / "documents" / "other-project.html").as_uri(), 1280)
        try:
            viewer.scroll_to_break(2)
            assert viewer.page.evaluate(PAGE_OF_VIEWER) == "3"
            message = viewer.page.locator(".facs-message")
            assert message.is_visible() and "unnamed.example.net" in message.inner_text()
            assert [u for u in viewer.requests if not u.startswith("file://")] == []
        finally:
            viewer.close()
        assert listener.connections == 0, "the browser's requests were answered here, none reached the port"
    finally:
        listener.close()
