"""A document's page images in the site: copied beside it, or left at the IIIF service that holds them.

The TEI names its images relative to itself (``scans/p1.png``, beside the
source). The build copies each one that is a file inside the source folder
into ``facsimile/ID/`` of the site and points the published TEI and the page
at the copy (``../facsimile/ID/p1.png``, the same from ``tei/`` and from
``documents/``). Nothing else is read: an image outside the source folder,
or that is not an image, is left out with a warning, and an http(s) address
(a IIIF service the sidecar names) is only linked.

A rebuild redoes a document whose images changed: each copied image's size
and modification time are kept in the build's manifest (``inputs``).
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from ..errors import printable
from ..imageinfo import IMAGE_TYPES, ImageInfo, read_image_info
from ..output import cannot_write
from ..pageimages import get_url, image_urls, is_relative, rebase, set_url, to_path, to_url

#: Where a document's images go in the site, and how its page and TEI reach them.
FOLDER = "facsimile/{id}"
HREF = "../facsimile/{id}/{name}"


@dataclass
class Published:
    """What publishing a document's images did."""

    outputs: list[str] = field(default_factory=list)  #: site-relative paths of the copies
    inputs: dict[str, str] = field(default_factory=dict)  #: source path -> "size:mtime" of each image read
    info: dict[str, ImageInfo] = field(default_factory=dict)  #: the page's URL of each copy -> its type and size
    warnings: list[str] = field(default_factory=list)
    pdfs: dict[str, dict] = field(default_factory=dict)  #: a PDF scan -> its pages' files


def signature(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def unchanged(inputs: dict | None) -> bool:
    """Whether the images a document's last build read are still as they were."""
    for name, sig in (inputs or {}).items():
        try:
            if signature(Path(name)) != sig:
                return False
        except OSError:
            return False
    return True


def publish_images(tree: etree._ElementTree, document: Path, source_dir: Path, staging: Path,
                   doc_id: str) -> Published:
    """Copy the document's local page images into ``staging`` and point the tree at the copies."""
    done = Published()
    root = tree.getroot()
    places = image_urls(root)
    if not places:
        return done
    top = source_dir.resolve()
    copies: dict[Path, str] = {}
    for place in places:
        url = get_url(place)
        if not is_relative(url):
            continue
        source = (document.parent / to_path(url))
        try:
            real = source.resolve()
            inside = real.is_relative_to(top) and real.is_file()
            info = read_image_info(real) if inside and real.suffix.lower() in IMAGE_TYPES else None
        except OSError:
            inside, info = False, None
        if inside and info is None and real.suffix.lower() == ".pdf":
            _publish_pdf_page(place, url, real, staging, doc_id, done)
            continue
        if not inside or info is None:
            what = "is not a file inside the source folder" if not inside else "is not a PNG, JPEG, GIF or WebP image"
            done.warnings.append(f"{printable(str(document))}: warning: page image {printable(url)} {what}; "
                                 "not published")
            _drop(place)  # so that the page does not reach for it either
            continue
        if real not in copies:
            name = f"p{len(copies) + 1}{real.suffix.lower()}"
            rel = f"{FOLDER.format(id=doc_id)}/{name}"
            target = staging / rel
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(real, target)
            except OSError as err:
                raise cannot_write(err, str(target)) from None
            copies[real] = HREF.format(id=doc_id, name=to_url(name))
            done.outputs.append(rel)
            done.inputs[os.fspath(real)] = signature(real)
            done.info[copies[real]] = info
        set_url(place, copies[real])
    return done


#: Resolution and largest side of the PNG pages rendered from a PDF scan, and the time allowed.
PDF_DPI = 110
PDF_MAX_SIDE = 2400
PDF_TIMEOUT = 300


def _publish_pdf_page(place, url: str, pdf: Path, staging: Path, doc_id: str, done: Published) -> None:
    """A page of a PDF scan: rendered as PNG with poppler's pdftoppm when it is installed
    (so that the viewer shows it like any image), else the PDF is copied and its page linked."""
    match = re.search(r"(?:^|&)page=(\d+)", urlsplit(url).fragment)
    number = int(match.group(1)) if match else 1
    folder = staging / FOLDER.format(id=doc_id)
    key = os.fspath(pdf)
    rendered = done.pdfs.get(key)
    if rendered is None:
        rendered = done.pdfs[key] = _render_pdf(pdf, folder, len(done.pdfs) + 1)
        done.inputs[key] = signature(pdf)
        done.outputs.extend(f"{FOLDER.format(id=doc_id)}/{name}" for name in rendered.values())
    name = rendered.get(number)
    if name is None:
        done.warnings.append(f"{printable(url)}: warning: the PDF has no page {number}; not published")
        _drop(place)
        return
    href = HREF.format(id=doc_id, name=to_url(name))
    if name.endswith(".png"):
        info = read_image_info(folder / name)
        done.info[href] = info
        if not isinstance(place, tuple) and info is not None:
            place.set("mimeType", info.mime)
            place.set("width", f"{info.width}px")
            place.set("height", f"{info.height}px")
        set_url(place, href)
    else:
        set_url(place, f"{href}#page={number}")


def _render_pdf(pdf: Path, folder: Path, index: int) -> dict[int, str]:
    """Page number -> file name in ``folder``: PNGs (pdftoppm), or the PDF itself for every page."""
    folder.mkdir(parents=True, exist_ok=True)
    tool = shutil.which("pdftoppm")
    if tool is not None:
        work = folder / f".pdf-{index}"
        work.mkdir(exist_ok=True)
        try:
            subprocess.run([tool, "-png", "-r", str(PDF_DPI), "-scale-to", str(PDF_MAX_SIDE), "--", str(pdf),
                            str(work / "page")], capture_output=True, timeout=PDF_TIMEOUT, check=True)
            pages = {}
            for png in work.glob("page-*.png"):
                number = int(png.stem.rsplit("-", 1)[1])
                name = f"d{index}-p{number}.png"
                os.replace(png, folder / name)
                pages[number] = name
            if pages:
                return pages
        except (OSError, subprocess.SubprocessError, ValueError):
            pass
        finally:
            shutil.rmtree(work, ignore_errors=True)
    name = f"d{index}.pdf"
    try:
        shutil.copyfile(pdf, folder / name)
    except OSError as err:
        raise cannot_write(err, str(folder / name)) from None
    return _AllPages(name)


class _AllPages(dict):
    """Every page of a linked PDF is the same file."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def get(self, number, default=None):
        return self.name

    def values(self):
        return [self.name]


def _drop(place) -> None:
    """Remove an image address that is not published: the graphic, or the page break's @facs."""
    if isinstance(place, tuple):
        del place[0].attrib[place[1]]
        return
    parent = place.getparent()
    previous = place.getprevious()
    if place.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + place.tail
        else:
            parent.text = (parent.text or "") + place.tail
    parent.remove(place)


def page_hrefs(tree: etree._ElementTree, document: str, doc_id: str) -> dict:
    """What the document page is told about its facsimile: the manifest's address (when
    there are page images) and the hosts its sidecar names, from which images may be loaded."""
    from ..convert.facsimile import named_hosts
    from . import iiif

    path = Path(document)
    if not image_urls(tree.getroot()):
        return {}
    hrefs = {"image_hosts": named_hosts(path.with_name(path.stem + ".meta.toml"))}
    if iiif.pages(tree.getroot()):
        hrefs["iiif_href"] = iiif.HREF.format(id=doc_id)
    return hrefs


def for_corpus(tree: etree._ElementTree) -> etree._ElementTree:
    """The tree as ``edition.xml`` (at the site's top) holds it: image URLs relative to the top, not to ``tei/``."""
    if not any(is_relative(get_url(place)) for place in image_urls(tree.getroot())):
        return tree
    moved = copy.deepcopy(tree)
    rebase(moved.getroot(), Path("tei"), Path("."))
    return moved
