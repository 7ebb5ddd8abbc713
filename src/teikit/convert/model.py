"""The in-between model: inline content as lists of strings and nodes.

Passes (brackets, quotations, dates, names, marks) rewrite these lists; only
the builder turns them into lxml elements. Plain lists make it simple to
split a text run at a sentence boundary and wrap whole siblings, which is
what a ``<hi>`` around a passage has to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Union

from lxml import etree

from .. import TEI_NS, XML_NS


@dataclass(eq=False)
class Node:
    """A TEI element to be: local name, attributes (``xml:id`` allowed), children."""

    tag: str
    attrib: dict = field(default_factory=dict)
    children: list = field(default_factory=list)
    #: The source line it came from, when known (for the report).
    line: int | None = None


@dataclass(eq=False)
class Bracket:
    """A bracketed insertion found by the lexer, before classification."""

    children: list
    line: int
    column: int
    end_line: int = 0


Item = Union[str, Node, Bracket]


def text_of(items, *, lb: str = " ") -> str:
    """The characters of ``items`` (brackets shown with their brackets)."""
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Bracket):
            out.append("[" + text_of(item.children, lb=lb) + "]")
        elif item.tag == "lb":
            out.append(lb)
        else:
            out.append(text_of(item.children, lb=lb))
    return "".join(out)


def merge(items: list) -> list:
    """Join adjacent strings and drop empty ones."""
    out: list = []
    for item in items:
        if isinstance(item, str):
            if not item:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += item
                continue
        out.append(item)
    return out


def map_text(items: list, fn: Callable[[str], list], skip: frozenset = frozenset()) -> list:
    """Apply ``fn`` to every string, descending into nodes whose tag is not in ``skip``."""
    out: list = []
    for item in items:
        if isinstance(item, str):
            out.extend(fn(item))
        else:
            if isinstance(item, Node) and item.tag not in skip:
                item.children = map_text(item.children, fn, skip)
            out.append(item)
    return merge(out)


def walk(items: list):
    """Yield every node in ``items``, depth first, in document order."""
    for item in items:
        if isinstance(item, Node):
            yield item
            yield from walk(item.children)


def regex_pass(pattern, make: Callable) -> Callable[[str], list]:
    """A text function that replaces each match of ``pattern`` by ``make(match)`` (a node or None)."""

    def apply(text: str) -> list:
        out: list = []
        last = 0
        for match in pattern.finditer(text):
            node = make(match)
            if node is None:
                continue
            out.append(text[last:match.start()])
            out.append(node)
            last = match.end()
        out.append(text[last:])
        return out

    return apply


Position = tuple[int, int]


def _split_at(items: list, pos: Position) -> tuple[list, int]:
    index, offset = pos
    if index < len(items) and isinstance(items[index], str):
        text = items[index]
        if offset <= 0:
            return items, index
        if offset >= len(text):
            return items, index + 1
        return items[:index] + [text[:offset], text[offset:]] + items[index + 1:], index + 1
    return items, index


def wrap(items: list, start: Position, end: Position, node: Node) -> tuple[list, Node]:
    """Move the siblings between ``start`` and ``end`` into ``node``; return the new list.

    A position is (index, offset): an offset into a string, or 0 for "before
    the node at index". The end is split first so the start stays valid.
    """
    items, stop = _split_at(list(items), end)
    count = len(items)
    items, begin = _split_at(items, start)
    # Splitting a string at the start adds one item before the end.
    stop += len(items) - count
    node.children = merge(items[begin:stop])
    return merge(items[:begin] + [node] + items[stop:]), node


def to_element(node: Node, nsmap=None) -> etree._Element:
    """Materialize ``node`` (and its children) as an lxml element in the TEI namespace."""
    element = etree.Element(_qname(node.tag), nsmap=nsmap)
    _fill(element, node)
    return element


def _qname(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def _set_attrib(element: etree._Element, attrib: dict) -> None:
    for key, value in attrib.items():
        if key.startswith("xml:"):
            key = f"{{{XML_NS}}}{key[4:]}"
        element.set(key, value)


def _fill(element: etree._Element, node: Node) -> None:
    _set_attrib(element, node.attrib)
    last = None
    for child in node.children:
        if isinstance(child, str):
            if last is None:
                element.text = (element.text or "") + child
            else:
                last.tail = (last.tail or "") + child
        elif isinstance(child, Node):
            last = etree.SubElement(element, _qname(child.tag))
            _fill(last, child)
        else:  # a Bracket never survives classification
            raise TypeError(f"unclassified bracket at line {child.line}")


#: Elements that hold only elements: indented for readers; mixed content never is.
ELEMENT_ONLY = frozenset({
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "notesStmt", "sourceDesc", "msDesc",
    "msIdentifier", "physDesc", "handDesc", "encodingDesc", "editorialDecl", "profileDesc", "langUsage",
    "respStmt", "availability", "abstract", "creation", "text", "body", "div", "closer",
})


def indent(element: etree._Element, level: int = 0) -> None:
    """Indent element-only content (whitespace there is insignificant); leave mixed content alone."""
    local = etree.QName(element).localname
    children = list(element)
    if local not in ELEMENT_ONLY or not children or (element.text or "").strip() \
            or any((child.tail or "").strip() for child in children):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level
