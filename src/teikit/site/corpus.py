"""``edition.xml``: the whole edition as one ``teiCorpus`` for other projects.

The file is assembled by streaming into the build's staging folder: each document contributes a fragment
prepared by its worker (its root element, serialized), and the build only
concatenates bytes, so memory stays flat however large the edition is.

Every document uses its own ``xml:id`` values (``mark-1``, ``translator``…),
which would clash once the documents share a file. A fragment therefore
prefixes each id with the document id and rewrites the local pointers
(``#mark-1``) to match. The register is included as the corpus' first TEI
member, and ``register.xml#per-x`` references become local ``#per-x``
pointers, so the corpus is self-contained.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_NS, __version__
from ..output import CheckedFile, cannot_write
from ..xmlparse import parse_file
from .records import REGISTER_PREFIX

_XML_ID = f"{{{XML_NS}}}id"
_NCNAME_START = re.compile(r"^[A-Za-z_]")


def id_prefix(doc_id: str) -> str:
    """The prefix that makes a document's ids unique in the corpus (an NCName start)."""
    return (doc_id if _NCNAME_START.match(doc_id) else f"d-{doc_id}") + "."


def fragment(tree: etree._ElementTree, doc_id: str) -> bytes:
    """The document's root element with corpus-unique ids, as UTF-8 bytes (no declaration)."""
    root = copy.deepcopy(tree.getroot())
    prefix = id_prefix(doc_id)
    local = set()
    for node in root.iter():
        if isinstance(node.tag, str) and node.get(_XML_ID) is not None:
            local.add(node.get(_XML_ID))
            node.set(_XML_ID, prefix + node.get(_XML_ID))

    def repoint(token: str) -> str:
        if token.startswith("#") and token[1:] in local:
            return "#" + prefix + token[1:]
        if token.startswith(REGISTER_PREFIX):
            return "#" + token[len(REGISTER_PREFIX):]
        return token

    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        for name, value in node.attrib.items():
            if name == _XML_ID or ("#" not in value):
                continue
            node.set(name, " ".join(repoint(t) for t in value.split()))
    return etree.tostring(root, encoding="UTF-8", with_tail=False)


def _header(edition: dict, count: int) -> bytes:
    tei = f"{{{TEI_NS}}}"
    header = etree.Element(tei + "teiHeader", nsmap={None: TEI_NS})
    file_desc = etree.SubElement(header, tei + "fileDesc")
    title_stmt = etree.SubElement(file_desc, tei + "titleStmt")
    etree.SubElement(title_stmt, tei + "title").text = edition["title"]
    publication = etree.SubElement(file_desc, tei + "publicationStmt")
    if edition.get("publisher"):
        etree.SubElement(publication, tei + "publisher").text = edition["publisher"]
        if edition.get("licence"):
            availability = etree.SubElement(publication, tei + "availability")
            etree.SubElement(availability, tei + "licence").text = edition["licence"]
    else:
        etree.SubElement(publication, tei + "p").text = f"Built with teikit {__version__}."
    source = etree.SubElement(file_desc, tei + "sourceDesc")
    etree.SubElement(source, tei + "p").text = (
        f"{count} documents; each one's own header describes its source. "
        "Identifiers are prefixed with the document's id to keep them unique in this corpus."
    )
    if edition.get("description"):
        encoding = etree.SubElement(header, tei + "encodingDesc")
        project = etree.SubElement(encoding, tei + "projectDesc")
        etree.SubElement(project, tei + "p").text = edition["description"]
    text = etree.tostring(header, encoding="UTF-8")
    # The namespace is declared once, on teiCorpus.
    return text.replace(f' xmlns="{TEI_NS}"'.encode(), b"", 1)


def write_corpus(path: Path, edition: dict, register: Path | None, fragments: list[Path]) -> None:
    """Write ``edition.xml`` (in the staging folder) from the documents' fragment files, streaming."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with CheckedFile(path) as out:  # short writes checked (a full disk is an error)
            out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
            out.write(f'<teiCorpus xmlns="{TEI_NS}">\n'.encode())
            out.write(_header(edition, len(fragments)) + b"\n")
            if register is not None:
                out.write(etree.tostring(parse_file(register).getroot(), encoding="UTF-8", with_tail=False) + b"\n")
            for fragment_path in fragments:
                with open(fragment_path, "rb") as handle:
                    shutil.copyfileobj(handle, out)
                out.write(b"\n")
            out.write(b"</teiCorpus>\n")
    except OSError as err:
        raise cannot_write(err, str(path)) from None
