"""Render TEI documents as self-contained HTML reading pages.

The stylesheets (``xslt/html/html.xsl`` and the files it includes, with
``xslt/common/``) are compiled once per :class:`HtmlRenderer`; the page's CSS
and script are read once and passed to every transformation as parameters,
because a compiled stylesheet may not read files at run time.
"""

from __future__ import annotations

from lxml import etree

from .errors import TeikitError
from .xslt import XSLT_DIR, Stylesheet

TEI_NS = "http://www.tei-c.org/ns/1.0"

#: Where a name's register entry is linked when no other page is given.
DEFAULT_REGISTER_HREF = "register.html"

_HTML_DIR = XSLT_DIR / "html"


def _asset(name: str, closing: str) -> str:
    """Read an inlined asset; it must not be able to close its own element."""
    text = (_HTML_DIR / name).read_text(encoding="utf-8")
    if closing in text.lower():
        raise TeikitError(f"asset contains {closing!r}, which would end it early", str(_HTML_DIR / name))
    return text


class HtmlRenderer:
    """TEI → one HTML page, with the stylesheets compiled once."""

    def __init__(self) -> None:
        self._sheet = Stylesheet(_HTML_DIR / "html.xsl")
        self._css = _asset("html.css", "</style")
        self._js = _asset("html.js", "</script")

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
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        qname = etree.QName(root)
        if qname.namespace != TEI_NS:
            where = f"{{{qname.namespace}}}" if qname.namespace else "no namespace"
            raise TeikitError(
                f"not a TEI P5 document: the root element is <{qname.localname}> in {where}",
                name,
                root.sourceline,
            )
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
