"""The sidecar's ``[facsimile]`` table: the page images of the original, and the TEI they become.

Keys (one of ``images`` and ``iiif_service``; the others optional)::

    [facsimile]
    images = ["scans/p1.png", "scans/p2.png"]   # or a folder: "scans/" (its images in natural order)
    iiif_service = ["https://iiif.example.org/iiif/3/p1"]   # base of a IIIF Image API service per page
    pdf = "scan.pdf"            # or a PDF of the scan, a page per page (counted by poppler's pdfinfo)
    pages = ["509", "510"]      # the page break (<pb n>) each image begins, in order
    size = [2480, 3508]         # pixel size of remote pages, which are never fetched to learn it

Local paths are relative to the sidecar's folder and must stay inside it
(no absolute paths, no ``..`` out of it, no link that leads out): a sidecar
shared with the text cannot make teikit read, or a build publish, a file
the edition does not hold. An ``images`` entry may also be an http(s) URL.
Nothing is fetched: a local image's size comes from its header
(:mod:`teikit.imageinfo`), a remote one's from ``size`` if given.

The TEI gets ``<facsimile>`` after the header, one ``<surface>`` with one
``<graphic>`` per image, and ``pb/@facs`` pointing at the surface each page
begins. Without ``pages``, the text's own page breaks are taken in order;
where the text does not begin with one, a ``<pb resp="#encoder"/>`` is added
at its start for the first image. It adds no text, so ``teikit text`` still
gives the source back.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from .. import TEI_NS, XML_NS
from ..errors import TeikitError
from ..imageinfo import IMAGE_TYPES, read_image_info
from ..pageimages import host_of, to_url

KEYS = ("images", "iiif_service", "pdf", "pages", "size")
#: How long counting a PDF's pages may take, in seconds.
PDF_TIMEOUT = 30
_T = f"{{{TEI_NS}}}"
#: The Image API request for a whole page (Image API 2.1 and 3 both read ``max``).
IIIF_FULL = "/full/max/0/default.jpg"


@dataclass(frozen=True)
class Page:
    """One page image as the TEI names it."""

    url: str
    mime: str | None = None
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Facsimile:
    """A checked ``[facsimile]`` table: its pages, and the page break each begins (if named)."""

    pages: tuple[Page, ...]
    labels: tuple[str, ...] | None
    sidecar: str
    labels_line: int | None = None


def key_line(text: str | None, key: str) -> int | None:
    """The line of ``key`` in the sidecar's ``[facsimile]`` table (else of the table), for messages."""
    if text is None:
        return None
    table = None
    fallback = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.match(r"\[\s*([^\]\s]+)\s*\]", stripped)
        if header and not stripped.startswith("[["):
            table = header.group(1).strip('"')
            if table == "facsimile":
                fallback = number
            continue
        if stripped.startswith("[["):
            table = None
            continue
        if table == "facsimile" and re.match(rf'"?{re.escape(key)}"?\s*=', stripped):
            return number
        if table is None and re.match(r"facsimile\s*=", stripped):
            fallback = fallback or number
    return fallback


def _natural(name: str) -> list:
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name)]


def read_facsimile(table, sidecar: str, base: Path, text: str | None = None) -> Facsimile:
    """Check a ``[facsimile]`` table and find its images (relative to ``base``, the sidecar's folder)."""
    if isinstance(table, Facsimile):
        return table

    def fail(message: str, key: str | None = None):
        raise TeikitError(f"[facsimile] {message}", sidecar, key_line(text, key) if key else key_line(text, "\0"))

    if not isinstance(table, dict):
        fail("must be a table ([facsimile] with images = … or iiif_service = …)")
    for key in table:
        if key not in KEYS:
            fail(f"unknown key {key!r} (known: {', '.join(KEYS)})", key)
    sources = [key for key in ("images", "iiif_service", "pdf") if key in table]
    if len(sources) != 1:
        fail("needs exactly one of 'images' (files, a folder or URLs), 'iiif_service' and 'pdf'",
             sources[-1] if sources else None)
    size = table.get("size")
    if size is not None and not (isinstance(size, list) and len(size) == 2
                                 and all(isinstance(v, int) and not isinstance(v, bool) and 0 < v < 1 << 20 for v in size)):
        fail("'size' must be [width, height] in pixels", "size")
    width, height = size if size else (None, None)
    if "images" in table:
        pages = _images(table["images"], base, lambda m: fail(m, "images"), width, height)
    elif "pdf" in table:
        pages = _pdf(table["pdf"], base, lambda m: fail(m, "pdf"))
    else:
        pages = _iiif(table["iiif_service"], lambda m: fail(m, "iiif_service"), width, height)
    labels = table.get("pages")
    if labels is not None:
        if not isinstance(labels, list) or not all(isinstance(v, str) and v.strip() for v in labels):
            fail("'pages' must be a list of page labels (strings, as in [Page 509])", "pages")
        if len(labels) != len(pages):
            fail(f"'pages' names {len(labels)} page{'s' if len(labels) != 1 else ''} for {len(pages)} "
                 f"image{'s' if len(pages) != 1 else ''}", "pages")
        labels = tuple(v.strip() for v in labels)
    return Facsimile(tuple(pages), labels, sidecar, key_line(text, "pages"))


def _images(value, base: Path, fail, width, height) -> list[Page]:
    root = base.resolve()
    if isinstance(value, str):
        entries = [value]
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        entries = value
    else:
        fail("'images' must be a folder or a list of image files or URLs")
    pages: list[Page] = []
    for entry in entries:
        if host_of(entry):
            suffix = PurePosixPath(entry.split("?", 1)[0]).suffix.lower()
            pages.append(Page(entry.strip(), IMAGE_TYPES.get(suffix), width, height))
            continue
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", entry) and not re.match(r"^[A-Za-z]:[\\/]", entry):
            fail(f"{entry!r}: only files beside the sidecar and http(s) addresses can be page images")
        relative = PurePosixPath(entry.replace("\\", "/"))
        if relative.is_absolute() or re.match(r"^[A-Za-z]:", entry):
            fail(f"{entry!r} is an absolute path; name the images relative to the sidecar's folder")
        path = base / relative
        try:
            inside = path.resolve().is_relative_to(root)
        except OSError:
            inside = False
        if not inside:
            fail(f"{entry!r} leads outside the sidecar's folder; page images must be inside it")
        if path.is_dir():
            found = sorted((p for p in path.iterdir() if p.suffix.lower() in IMAGE_TYPES and p.is_file()
                            and not p.name.startswith(".")), key=lambda p: _natural(p.name))
            found = [p for p in found if p.resolve().is_relative_to(root)]
            if not found:
                fail(f"the folder {entry!r} holds no image files ({', '.join(sorted(IMAGE_TYPES))})")
            folder = PurePosixPath(*[part for part in relative.parts if part != "."]) if relative.parts else None
            for file in found:
                name = (folder / file.name).as_posix() if folder else file.name
                pages.append(_local_page(file, name, fail))
        elif path.is_file():
            pages.append(_local_page(path, PurePosixPath(*[p for p in relative.parts if p != "."]).as_posix(), fail))
        else:
            fail(f"{entry!r} is not a file or folder beside the sidecar")
    return pages


def _pdf(value, base: Path, fail) -> list[Page]:
    """A PDF of the scan: one page each. Its pages are counted by poppler's ``pdfinfo``; the build
    renders them as PNG with ``pdftoppm`` (or, without it, links the PDF's pages)."""
    if not isinstance(value, str) or not value.lower().endswith(".pdf"):
        fail("'pdf' must name a PDF file beside the sidecar (scan.pdf)")
    relative = PurePosixPath(value.replace("\\", "/"))
    path = base / relative
    if relative.is_absolute() or re.match(r"^[A-Za-z]:", value) or not path.resolve().is_relative_to(base.resolve()):
        fail(f"{value!r} must be a file inside the sidecar's folder")
    if not path.is_file():
        fail(f"{value!r} is not a file beside the sidecar")
    tool = shutil.which("pdfinfo")
    if tool is None:
        fail("a PDF scan needs poppler's pdfinfo and pdftoppm (apt-get install poppler-utils); "
             "or name the page images with 'images'")
    try:
        done = subprocess.run([tool, "--", str(path)], capture_output=True, timeout=PDF_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        done = None
    found = re.search(rb"^Pages:\s+(\d+)", done.stdout, re.M) if done is not None and done.returncode == 0 else None
    if not found or int(found.group(1)) < 1:
        fail(f"{value!r} is not a PDF that pdfinfo can read")
    name = to_url(PurePosixPath(*[p for p in relative.parts if p != "."]).as_posix())
    return [Page(f"{name}#page={n}", "application/pdf") for n in range(1, int(found.group(1)) + 1)]


def _local_page(path: Path, name: str, fail) -> Page:
    try:
        info = read_image_info(path)
    except OSError as err:
        fail(f"{name!r} cannot be read: {err.strerror}")
    if info is None or path.suffix.lower() not in IMAGE_TYPES:
        fail(f"{name!r} is not a PNG, JPEG, GIF or WebP image")
    return Page(to_url(name), info.mime, info.width, info.height)


def _iiif(value, fail, width, height) -> list[Page]:
    entries = [value] if isinstance(value, str) else value
    if not isinstance(entries, list) or not entries or not all(isinstance(v, str) for v in entries):
        fail("'iiif_service' must be the address of a IIIF image service, or a list of them (one per page)")
    pages = []
    for entry in entries:
        if not host_of(entry):
            fail(f"{entry!r} is not an http(s) address of a IIIF image service")
        base = entry.strip().rstrip("/")
        if base.endswith("/info.json"):
            base = base[: -len("/info.json")]
        pages.append(Page(base + IIIF_FULL, "image/jpeg", width, height))
    return pages


def named_hosts(sidecar: Path) -> list[str]:
    """The origins (``https://host``) whose page images the sidecar ``[facsimile]`` names, if it is there.

    Only what the sidecar says is taken, and nothing is checked: a page made
    from the TEI may then load images from these hosts, and from no other.
    """
    try:
        table = tomllib.loads(sidecar.read_text(encoding="utf-8")).get("facsimile")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    if not isinstance(table, dict):
        return []
    found = []
    for key in ("images", "iiif_service"):
        values = table.get(key)
        for value in [values] if isinstance(values, str) else values if isinstance(values, list) else []:
            host = host_of(value) if isinstance(value, str) else None
            if host and host not in found:
                found.append(host)
    return found


# ------------------------------------------------------------------ the TEI

def _text_before(body: etree._Element, stop: etree._Element) -> bool:
    """Whether any text of the body comes before ``stop`` in document order."""
    inside = set(body.iter())
    for text in stop.xpath("preceding::text()[normalize-space()]"):
        owner = text.getparent()
        if owner in inside and not (owner is body and text.is_tail):
            return True
    return False


def attach(root: etree._Element, facsimile: Facsimile, warn) -> None:
    """Write ``<facsimile>`` into the converted document ``root`` and link its page breaks.

    ``warn(message)`` reports what does not fit (more page breaks than images, say).
    """
    body = root.find(f"{_T}text/{_T}body")
    pages = facsimile.pages
    breaks = list(body.iter(f"{_T}pb"))
    starts = bool(breaks) and not _text_before(body, breaks[0])
    targets: list = [None] * len(pages)
    if facsimile.labels:
        free = list(breaks)
        for i, label in enumerate(facsimile.labels):
            found = next((b for b in free if (b.get("n") or "").strip() == label), None)
            if found is not None:
                targets[i] = found
                free.remove(found)
            elif i == 0 and not starts:
                targets[i] = "start"
            else:
                raise TeikitError(f"[facsimile] page {label!r} is not a page break of the text (such as "
                                  f"[Page {label}])", facsimile.sidecar, facsimile.labels_line)
    else:
        lead = [] if starts else ["start"]
        sequence = breaks if breaks and len(pages) == len(breaks) else lead + breaks
        targets = (sequence + [None] * len(pages))[:len(pages)]
        if breaks and len(pages) not in (len(breaks), len(lead) + len(breaks)):
            warn(f"the sidecar names {len(pages)} page image{'s' if len(pages) != 1 else ''} and the text has "
                 f"{len(breaks)} page break{'s' if len(breaks) != 1 else ''}: they are linked in order "
                 "(give [facsimile] pages = [...] to say which image begins which page)")

    taken = {e.get(f"{{{XML_NS}}}id") for e in root.iter() if e.get(f"{{{XML_NS}}}id")}
    ids, number = [], 0
    for _ in pages:
        number += 1
        while f"facs-{number}" in taken:
            number += 1
        ids.append(f"facs-{number}")

    element = etree.Element(f"{_T}facsimile")
    element.text = "\n    "
    for i, (page, ident, target) in enumerate(zip(pages, ids, targets)):
        label = facsimile.labels[i] if facsimile.labels else (
            target.get("n") if isinstance(target, etree._Element) and target.get("n") else str(i + 1))
        surface = etree.SubElement(element, f"{_T}surface", {f"{{{XML_NS}}}id": ident, "n": label})
        attrib = {"url": page.url}
        if page.mime:
            attrib["mimeType"] = page.mime
        if page.width and page.height:
            attrib.update(width=f"{page.width}px", height=f"{page.height}px")
        surface.text = "\n      "
        etree.SubElement(surface, f"{_T}graphic", attrib).tail = "\n    "
        surface.tail = "\n    "
        if target == "start":
            added = etree.Element(f"{_T}pb", {"facs": f"#{ident}", "resp": "#encoder"})
            if facsimile.labels:
                added.set("n", label)
            added.tail = body.text
            body.insert(0, added)
        elif target is not None:
            target.set("facs", f"#{ident}")
    element[-1].tail = "\n  "
    element.tail = "\n  "
    header = root.find(f"{_T}teiHeader")
    root.insert(root.index(header) + 1, element)
