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

from .convert.facsimile import named_hosts
from .errors import TeikitError, UsageError
from .teiroot import require_tei
from .xmlparse import parse_file
from .xslt import XSLT_DIR, Stylesheet

#: Where a name's register entry is linked when no other page is given.
DEFAULT_REGISTER_HREF = "register.html"
#: Which mentions of a register entry are links: the first in each paragraph, or all.
LINK_NAMES = ("first", "all")

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
        self._css = "\n".join(_asset(f, "</style") for f in ("html.css", "facsimile.css", "parallel.css"))
        self._js = "\n".join(_asset(f, "</script") for f in ("html.js", "facsimile.js", "parallel.js"))
        self._records = None  # the record stylesheet, compiled when a page is first made citable

    def render(
        self,
        tree: etree._ElementTree | etree._Element,
        *,
        name: str = "<input>",
        tei_href: str | None = None,
        pdf_href: str | None = None,
        register_href: str | None = None,
        link_names: str = "first",
        facsimile_base: str = "",
        image_hosts: Sequence[str] = (),
        iiif_href: str | None = None,
    ) -> str:
        """Return a complete HTML page for the TEI document ``tree``.

        ``tei_href`` and ``pdf_href`` are the links to the document's other
        formats (left out when None); ``register_href`` is the page names are
        linked to (default ``register.html``), each at the fragment of its
        register entry; ``link_names`` (:data:`LINK_NAMES`) says whether only
        the first mention of an entry in each paragraph is a link, or every
        one. Links that are not http(s), relative or a fragment are
        dropped by the stylesheet. Raises :class:`TeikitError` if the root is
        not a TEI element.

        Page images (the facsimile): ``facsimile_base`` is prefixed to their
        relative addresses (the TEI file's folder seen from the page);
        ``image_hosts`` are the origins (``https://host``) whose images the
        viewer may load, all others are only linked; ``iiif_href`` is the
        document's IIIF manifest.
        """
        require_tei(tree, name)
        if link_names not in LINK_NAMES:
            raise UsageError(f"link_names must be one of {', '.join(LINK_NAMES)}, not {link_names!r}")
        params = {
            "css": self._css,
            "js": self._js,
            "tei-href": tei_href or "",
            "pdf-href": pdf_href or "",
            "register-href": DEFAULT_REGISTER_HREF if register_href is None else register_href,
            "link-names": link_names,
            "facsimile-base": facsimile_base,
            "image-hosts": " ".join(image_hosts),
            "iiif-href": iiif_href or "",
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
        link_names: str = "first",
    ) -> str:
        """Parse the TEI file ``path`` and render the page that will live at ``target``.

        The page links to the TEI file (relative to the page) and to
        ``<stem>.pdf`` beside the page when ``link_pdf`` is true, or, when it
        is None, when that file exists. It is citable as a built site's page
        is (see :meth:`render_citable`).
        """
        tree = parse_file(path)
        pdf = target.parent / f"{path.stem}.pdf"
        if link_pdf is None:
            link_pdf = pdf.is_file()
        pdf_href = relative_href(pdf, target.parent) if link_pdf else None
        # Page images beside the TEI are linked from where the page is; remote
        # ones are loaded only from hosts the document's sidecar names.
        base = relative_href(path.parent, target.parent)
        return self.render_citable(
            tree,
            name=str(path),
            page_href=target.name,
            tei_href=relative_href(path, target.parent),
            pdf_href=pdf_href,
            register_href=register_href,
            link_names=link_names,
            facsimile_base="" if base == "." else base + "/",
            image_hosts=named_hosts(path.with_name(path.stem + ".meta.toml")),
        )

    def render_citable(self, tree: etree._ElementTree, *, name: str = "<input>", page_href: str = "",
                       pdf_href: str | None = None, **options) -> str:
        """:meth:`render` with what a built site gives every document page and needs nothing of the
        edition: an anchor on each section and paragraph (the site's ids, given to ``tree``
        in memory, never to the file it was read from) and the ``citation_*`` and Dublin
        Core meta tags of the document (without the edition's title, publisher and version)."""
        # Imported here: the site package is the build's, and costs nothing to a plain render.
        from .anchors import assign_ids
        from .site.cite import Citation
        from .site.records import RecordReader

        require_tei(tree, name)
        assign_ids(tree)
        page = self.render(tree, name=name, pdf_href=pdf_href, **options)
        if self._records is None:
            self._records = RecordReader()
        record = self._records.read(tree, name)
        stem = Path(page_href).stem or "document"
        meta = Citation.from_record(stem, record, url=page_href, pdf_url=pdf_href or "").meta_html()
        return page.replace("</head>", meta + "</head>", 1)
