"""TEI → plain text: the proof that a conversion lost nothing.

Works on any TEI document: the text of ``<body>`` (or of the whole document
when there is none), block elements on lines of their own, ``<lb/>`` as a
line break, the header left out. Brackets are regenerated from the elements
by the converter's rules table, so the export of a converted document has the
source's lines again; ``<choice>`` gives its ``<sic>`` (or ``<orig>``,
``<abbr>``) reading, never the editor's correction.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

from lxml import etree

from .errors import TeikitError

from .convert.rules import RULES

TEI_NS = "http://www.tei-c.org/ns/1.0"

#: Elements that start and end a line in the export.
BLOCKS = frozenset({
    "p", "ab", "head", "div", "opener", "closer", "dateline", "signed", "salute", "byline", "trailer", "postscript",
    "list", "item", "l", "lg", "table", "row", "sp", "speaker", "docTitle", "titlePart", "titlePage", "docAuthor",
    "docImprint", "docDate", "argument", "epigraph", "figure", "listBibl", "castList", "front", "back", "body",
    "floatingText", "label_block",
})
#: Elements whose content is not part of the text.
SKIP = frozenset({"teiHeader", "facsimile", "standOff", "sourceDoc", "fw_skip"})
#: In a <choice>, the reading that the source had, in order of preference.
SOURCE_READINGS = ("sic", "orig", "abbr", "unclear", "seg")

_NEWLINES = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def _file_of(root) -> str | None:
    url = root.getroottree().docinfo.URL
    if not url:
        return None
    return unquote(urlparse(url).path) if url.startswith("file:") else url


def _local(element) -> str | None:
    tag = element.tag
    if not isinstance(tag, str):
        return None
    return tag.rsplit("}", 1)[-1]


def _rule_for(name: str, element):
    for rule in RULES:
        if rule.matches(name, element.get):
            return rule
    return None


def _inner(element) -> str:
    parts = [_text(element.text)]
    for child in element:
        parts.append(_node(child))
        parts.append(_text(child.tail))
    return "".join(parts)


def _text(text: str | None) -> str:
    # Line ends inside a text node are XML layout, not line breaks of the source.
    return _NEWLINES.sub(" ", text) if text else ""


def _node(element) -> str:
    name = _local(element)
    if name is None or name in SKIP:
        return ""
    if name == "lb":
        return "\n"
    if name == "milestone":
        rend = element.get("rend")
        return f"\n{rend}\n" if element.get("unit") == "section" and rend else ""
    if name == "choice":
        rule = _rule_for(name, element)
        if rule is not None and rule.export is not None and element.find(f"{{{TEI_NS}}}expan") is not None \
                and element.find(f"{{{TEI_NS}}}abbr") is not None and element.find(f"{{{TEI_NS}}}expan").get("resp") == "#translator":
            return rule.export(element, _inner)
        for reading in SOURCE_READINGS:
            found = element.find(f"{{{TEI_NS}}}{reading}")
            if found is not None:
                return _inner(found)
        return _inner(element[0]) if len(element) else ""
    if name == "gap" and element.find(f"{{{TEI_NS}}}desc") is None:
        return "[…]"
    rule = _rule_for(name, element)
    inner = _inner(element)
    if rule is not None:
        inner = rule.opening + inner + rule.closing
    if name in BLOCKS:
        return "\n" + inner + "\n"
    return inner


def export_text(tree, name: str | None = None) -> str:
    """The plain text of a TEI document: one line per source line, ending with a newline.

    Refuses (:class:`TeikitError`) a document whose root is not a TEI element;
    ``name`` is used in that message (default: the tree's file).
    """
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    if not isinstance(root.tag, str) or etree.QName(root).namespace != TEI_NS:
        where = name or _file_of(root)
        raise TeikitError(f"not a TEI document: the root element is <{root.tag}>, not one in the TEI namespace",
                          where, root.sourceline)
    body = root.find(f".//{{{TEI_NS}}}body")
    if body is None:
        body = root.find(".//body")
    start = body if body is not None else root
    raw = _node(start)
    lines = [line.strip() for line in raw.split("\n")]
    lines = [line for line in lines if line]
    return "\n".join(lines) + ("\n" if lines else "")
