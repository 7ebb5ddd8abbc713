"""The page images a TEI document names, as every output reads them.

A facsimile's images are named by ``<graphic url>`` in ``<facsimile>`` and
by a ``@facs`` that points straight at an image (``<pb facs="p1.png"/>``).
A relative URL is relative to the TEI file; an absolute one (``https:``) is
an address somewhere else. This module says which is which, and moves the
relative ones when the TEI (or a page made from it) is written elsewhere.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from lxml import etree

from . import TEI_NS

_T = f"{{{TEI_NS}}}"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_relative(url: str) -> bool:
    """A relative path reference (``scans/p1.png``): not absolute, not from the root, not a fragment."""
    url = url.strip()
    return bool(url) and not _SCHEME.match(url) and not url.startswith(("/", "#", "\\"))


def host_of(url: str) -> str | None:
    """``https://host:port`` of an http(s) URL, None for any other."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
    return None


def to_url(relative_path: str) -> str:
    """A relative file path (``/``-separated) as a URL: characters a URL cannot hold are escaped."""
    return quote(relative_path, safe="/-._~!$&'()*+,;=@")


def to_path(url: str) -> str:
    """The relative file path a relative URL names (the query and fragment dropped)."""
    return unquote(urlsplit(url.strip()).path)


def image_urls(root: etree._Element) -> list[etree._Element | tuple[etree._Element, str]]:
    """Where the document names page images: each ``<graphic>`` of the facsimile, and each
    element whose ``@facs`` is a URL rather than a pointer into the document."""
    found: list = list(root.iter(f"{_T}graphic")) if root.find(f"{_T}facsimile") is not None else []
    found = [g for g in found if any(a.tag == f"{_T}facsimile" for a in g.iterancestors())]
    for element in root.iter(f"{_T}pb"):
        facs = (element.get("facs") or "").split()
        if facs and not facs[0].startswith("#"):
            found.append((element, "facs"))
    return found


def get_url(place) -> str:
    element, attribute = (place, "url") if not isinstance(place, tuple) else place
    return (element.get(attribute) or "").split()[0] if attribute == "facs" else element.get(attribute) or ""


def set_url(place, url: str) -> None:
    element, attribute = (place, "url") if not isinstance(place, tuple) else place
    element.set(attribute, url)


def rebase(root: etree._Element, old_dir: Path, new_dir: Path) -> None:
    """Rewrite the relative image URLs of a document read from ``old_dir`` for one written to ``new_dir``."""
    if old_dir.resolve() == new_dir.resolve():
        return
    for place in image_urls(root):
        url = get_url(place)
        if is_relative(url):
            set_url(place, relative_url(url, old_dir, new_dir))


def relative_url(url: str, old_dir: Path, new_dir: Path) -> str:
    """``url`` (relative to ``old_dir``) made relative to ``new_dir``."""
    target = posixpath.normpath(posixpath.join(Path(os.path.abspath(old_dir)).as_posix(), to_path(url)))
    moved = Path(os.path.relpath(target, os.path.abspath(new_dir))).as_posix()
    suffix = url[len(url.split("#", 1)[0].split("?", 1)[0]):]
    return to_url(moved) + suffix
