"""Citable ids for a document's sections and paragraphs.

Every division and every paragraph of the text (not the header, not the
paragraphs inside notes) gets an ``xml:id`` where it has none, derived only
from its place in the TEI: ``s2`` for the second top-level division, ``s2.1``
for the first division inside it, ``p7`` for the seventh paragraph of the
text. The same TEI therefore gives the same ids in every build, and an id
the TEI already carries is never changed. The ids are written into the
published TEI as well, so the HTML anchor and the TEI element agree.
"""

from __future__ import annotations

from lxml import etree

from . import TEI_NS, XML_NS

_ID = f"{{{XML_NS}}}id"
_DIVS = {f"{{{TEI_NS}}}div"} | {f"{{{TEI_NS}}}div{n}" for n in range(1, 8)}
_PARAS = {f"{{{TEI_NS}}}p", f"{{{TEI_NS}}}ab"}
_NOTE = f"{{{TEI_NS}}}note"


def assign_ids(tree: etree._ElementTree) -> int:
    """Give every division and paragraph of ``tree``'s text an id; returns how many were added."""
    root = tree.getroot()
    taken = set(root.xpath("//@xml:id"))
    added = 0

    def give(element, wanted: str) -> None:
        nonlocal added
        if element.get(_ID):
            return
        candidate, n = wanted, 1
        while candidate in taken:  # an id the encoder chose elsewhere wins
            n += 1
            candidate = f"{wanted}-{n}"
        element.set(_ID, candidate)
        taken.add(candidate)
        added += 1

    paragraph = 0

    def walk(element, prefix: str) -> None:
        nonlocal paragraph
        divs = 0
        for child in element:
            if not isinstance(child.tag, str) or child.tag == _NOTE:
                continue
            if child.tag in _DIVS:
                divs += 1
                number = f"{prefix}.{divs}" if prefix else str(divs)
                give(child, f"s{number}")
                walk(child, number)
            elif child.tag in _PARAS:
                paragraph += 1
                give(child, f"p{paragraph}")
            else:
                walk(child, prefix)

    for text in root.iterchildren(f"{{{TEI_NS}}}text"):
        walk(text, "")
    return added


#: The blocks of a text that an original-language paragraph can stand beside:
#: the smallest units a reader aligns by eye. A block inside another (a
#: paragraph in an opener, a list in a paragraph) belongs to the outer one.
#: The HTML's parallel view (xslt/html/parallel.xsl) rows by the same names.
ALIGNABLE = ("p", "ab", "head", "opener", "closer", "list", "table", "lg", "sp", "postscript", "trailer",
             "byline", "epigraph", "argument", "figure")
_ALIGNABLE = {f"{{{TEI_NS}}}{name}" for name in ALIGNABLE}


def alignable_blocks(text: etree._Element) -> list[etree._Element]:
    """The alignable blocks of one ``<text>``, in reading order (notes are not read as blocks)."""
    found: list[etree._Element] = []

    def walk(element) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child.tag == _NOTE:
                continue
            if child.tag in _ALIGNABLE:
                found.append(child)
            else:
                walk(child)

    walk(text)
    return found


def assign_block_ids(tree: etree._ElementTree) -> None:
    """Ids for every alignable block as well: paragraphs by :func:`assign_ids`,
    the others by their name and number among blocks of that name (``head2``,
    ``opener1``), so that a pointer at any of them resolves."""
    assign_ids(tree)
    root = tree.getroot()
    taken = set(root.xpath("//@xml:id"))
    counts: dict[str, int] = {}
    for text in root.iterchildren(f"{{{TEI_NS}}}text"):
        for block in alignable_blocks(text):
            name = etree.QName(block).localname
            counts[name] = counts.get(name, 0) + 1
            if block.get(_ID):
                continue
            candidate, n = f"{name}{counts[name]}", 1
            while candidate in taken:
                n += 1
                candidate = f"{name}{counts[name]}-{n}"
            block.set(_ID, candidate)
            taken.add(candidate)
