"""Render TEI documents as self-contained HTML reading pages.

The stylesheets (``xslt/html/html.xsl`` and the files it includes, with
``xslt/common/``) are compiled once per :class:`HtmlRenderer`; the page's CSS
and script are read once and passed to every transformation as parameters,
because a compiled stylesheet may not read files at run time.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from .errors import TeikitError, UsageError
from .teiroot import require_tei
from .xmlparse import parse_file
from .xslt import XSLT_DIR, Stylesheet

#: Where a name's register entry is linked when no other page is given.
DEFAULT_REGISTER_HREF = "register.html"

_HTML_DIR = XSLT_DIR / "html"


def _asset(name: str, closing: str) -> str:
    """Read an inlined asset; it must not be able to close its own element."""
    text = (_HTML_DIR / name).read_text(encoding="utf-8")
    if closing in text.lower():
        raise TeikitError(f"asset contains {closing!r}, which would end it early", str(_HTML_DIR / name))
    return text


def relative_href(target: Path, page_dir: Path) -> str:
    """A relative URL from a page in ``page_dir`` to the file ``target``."""
    return Path(os.path.relpath(target.resolve(), page_dir.resolve())).as_posix()


def page_paths(documents: Sequence[Path], output_dir: Path | None = None) -> list[Path]:
    """Where each document's page goes: ``DIR/<stem>.html``, DIR being
    ``output_dir`` or the document's own folder. Two documents that would
    share a page are a usage error (checked before anything is rendered)."""
    targets = [(output_dir if output_dir is not None else doc.parent) / f"{doc.stem}.html" for doc in documents]
    seen: dict[Path, Path] = {}
    for doc, target in zip(documents, targets):
        key = target.resolve()
        if key in seen:
            raise UsageError(f"{seen[key]} and {doc} would both be written to {target}")
        seen[key] = doc
    return targets


class HtmlRenderer:
    """TEI → one HTML page, with the stylesheets compiled once."""

    def __init__(self) -> None:
        self._sheet = Stylesheet(_HTML_DIR / "html.xsl")
        self._css = _asset("html.css", "</style") + _asset("parallel.css", "</style")
        self._js = _asset("html.js", "</script") + _asset("parallel.js", "</script")

    def render(
        self,
        tree: etree._ElementTree | etree._Element,
        *,
        name: str = "<input>",
        tei_href: str | None = None,
        pdf_href: str | None = None,
        register_href: str | None = None,
    ) -> str:
        """Return a complete HTML page for the TEI document ``tree``.

        ``tei_href`` and ``pdf_href`` are the links to the document's other
        formats (left out when None); ``register_href`` is the page names are
        linked to (default ``register.html``), each at the fragment of its
        register entry. Links that are not http(s), relative or a fragment are
        dropped by the stylesheet. Raises :class:`TeikitError` if the root is
        not a TEI element.
        """
        require_tei(tree, name)
        params = {
            "css": self._css,
            "js": self._js,
            "tei-href": tei_href or "",
            "pdf-href": pdf_href or "",
            "register-href": DEFAULT_REGISTER_HREF if register_href is None else register_href,
        }
        page = self._sheet.transform(tree, params, name=name)
        # Saxon writes "<!DOCTYPE HTML>"; the lower-case form is the usual one.
        if page.startswith("<!DOCTYPE HTML>"):
            page = "<!DOCTYPE html>" + page[len("<!DOCTYPE HTML>"):]
        return page

    def render_file(
        self,
        path: Path,
        target: Path,
        *,
        register_href: str | None = None,
        link_pdf: bool | None = None,
    ) -> str:
        """Parse the TEI file ``path`` and render the page that will live at ``target``.

        The page links to the TEI file (relative to the page) and to
        ``<stem>.pdf`` beside the page when ``link_pdf`` is true, or, when it
        is None, when that file exists.
        """
        tree = parse_file(path)
        pdf = target.parent / f"{path.stem}.pdf"
        if link_pdf is None:
            link_pdf = pdf.is_file()
        return self.render(
            tree,
            name=str(path),
            tei_href=relative_href(path, target.parent),
            pdf_href=relative_href(pdf, target.parent) if link_pdf else None,
            register_href=register_href,
        )
