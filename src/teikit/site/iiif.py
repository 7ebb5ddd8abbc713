"""The IIIF Presentation 3 manifest of a document with a facsimile, for Mirador or the Universal Viewer.

One Canvas per page (each ``<surface>``, then each image a page break names
directly), painted by one Image annotation. Sizes come from the TEI's
``<graphic width height>``, else from the published copy's header; a remote
page whose size nobody gave gets :data:`UNKNOWN_SIZE` (a viewer scales the
image it loads to the canvas). An image at a IIIF Image API address
(``…/full/max/0/default.jpg``) gets its service, so that viewers can tile it.

Ids are absolute under the edition's ``url`` (edition.toml) when it has one;
without it they are relative to the manifest, which serves a site read from
disk but not a viewer elsewhere: set ``url`` for that.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from lxml import etree

from .. import TEI_NS, XML_NS
from ..imageinfo import ImageInfo
from ..pageimages import get_url, image_urls, is_relative

CONTEXT = "http://iiif.io/api/presentation/3/context.json"
#: Where a document's manifest goes in the site, and how its page links it.
MANIFEST = "iiif/{id}.json"
HREF = "../iiif/{id}.json"
#: Width and height of a canvas whose image's size is not known (A4's proportions).
UNKNOWN_SIZE = (1000, 1414)
_T = f"{{{TEI_NS}}}"
_PDF = re.compile(r"\.pdf(?:#.*)?$", re.I)
_IIIF_IMAGE = re.compile(r"^(?P<service>https?://.+?)/full/(?:max|full)/0/default\.(?:jpg|png)$")


def _pixels(value: str | None) -> int | None:
    match = re.fullmatch(r"\s*(\d+)(?:px)?\s*", value or "")
    return int(match.group(1)) if match and int(match.group(1)) > 0 else None


def pages(root: etree._Element) -> list[dict]:
    """The document's pages: ``label``, ``url``, ``mime``, ``width``, ``height`` (None when unknown)."""
    found = []
    for number, surface in enumerate(root.iterfind(f"{_T}facsimile//{_T}surface"), 1):
        graphic = next((g for g in surface.iter(f"{_T}graphic") if (g.get("url") or "").strip()), None)
        if graphic is None:
            continue
        found.append({"label": (surface.get("n") or "").strip() or str(number), "url": graphic.get("url").strip(),
                      "mime": graphic.get("mimeType"), "width": _pixels(graphic.get("width")),
                      "height": _pixels(graphic.get("height"))})
    seen = set()
    for place in image_urls(root):
        if isinstance(place, tuple) and get_url(place) not in seen:
            seen.add(get_url(place))
            found.append({"label": str(len(found) + 1), "url": get_url(place), "mime": None, "width": None,
                          "height": None})
    # A page of a PDF is no image a viewer can paint on a canvas (the build renders them when it can).
    return [page for page in found if page["mime"] != "application/pdf" and not _PDF.search(page["url"])]


def manifest(root: etree._Element, doc_id: str, *, title: str, site_url: str = "",
             info: dict[str, ImageInfo] | None = None) -> dict | None:
    """The manifest as JSON data, or None when the document names no page image.

    ``info`` gives the type and size of published copies by their URL (as
    the page names them, relative to ``documents/``).
    """
    found = pages(root)
    if not found:
        return None
    base = site_url.rstrip("/") + "/" if site_url else ""
    manifest_id = (base + MANIFEST.format(id=doc_id)) if base else f"{doc_id}.json"
    home = base + f"documents/{doc_id}.html" if base else f"../documents/{doc_id}.html"
    language = (root.get(f"{{{XML_NS}}}lang") or "en").strip() or "en"
    items = []
    for number, page in enumerate(found, 1):
        known = (info or {}).get(page["url"])
        width = page["width"] or (known.width if known else None)
        height = page["height"] or (known.height if known else None)
        if not (width and height):
            width, height = UNKNOWN_SIZE
        url = page["url"]
        if is_relative(url):
            # The page names it from documents/; the manifest lives in iiif/, one level deep too.
            url = urljoin(base + "documents/", url) if base else url
        canvas_id = f"{manifest_id}/canvas/{number}" if base else f"{manifest_id}#canvas-{number}"
        body = {"id": url, "type": "Image", "format": page["mime"] or (known.mime if known else None) or "image/jpeg",
                "width": width, "height": height}
        service = _IIIF_IMAGE.match(url)
        if service:
            body["service"] = [{"id": service.group("service"), "type": "ImageService3", "profile": "level0"}]
        items.append({
            "id": canvas_id, "type": "Canvas", "label": {"none": [page["label"]]}, "width": width, "height": height,
            "items": [{
                "id": f"{canvas_id}/page" if base else f"{manifest_id}#page-{number}", "type": "AnnotationPage",
                "items": [{
                    "id": f"{canvas_id}/page/image" if base else f"{manifest_id}#image-{number}",
                    "type": "Annotation", "motivation": "painting", "body": body, "target": canvas_id,
                }],
            }],
        })
    return {
        "@context": CONTEXT,
        "id": manifest_id,
        "type": "Manifest",
        "label": {language: [title]},
        "homepage": [{"id": home, "type": "Text", "label": {language: [title]}, "format": "text/html"}],
        "items": items,
    }


def to_bytes(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
