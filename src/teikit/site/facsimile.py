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
import shutil
from dataclasses import dataclass, field
from pathlib import Path

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
    return {"iiif_href": iiif.HREF.format(id=doc_id),
            "image_hosts": named_hosts(path.with_name(path.stem + ".meta.toml"))}


def for_corpus(tree: etree._ElementTree) -> etree._ElementTree:
    """The tree as ``edition.xml`` (at the site's top) holds it: image URLs relative to the top, not to ``tei/``."""
    if not any(is_relative(get_url(place)) for place in image_urls(tree.getroot())):
        return tree
    moved = copy.deepcopy(tree)
    rebase(moved.getroot(), Path("tei"), Path("."))
    return moved
