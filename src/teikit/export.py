"""TEI → plain text: the proof that a conversion lost nothing.

Works on any TEI document: the text of ``<text>`` (front, body, back), then
what else a reader reads outside it (``<sourceDoc>``, ``<standOff>``; and,
when the document has no text of its own, the sources its header describes:
a manuscript description, lists of persons or places), block elements on
lines of their own, ``<lb/>`` as a line break (``break="no"`` joins the
word), the header otherwise left out. A ``teiCorpus`` gives its documents one
after the other, each opened by its title. Brackets are regenerated from the
elements by the converter's rules table, so the export of a converted
document has the source's lines again; ``<choice>`` gives its ``<sic>`` (or
``<orig>``, ``<abbr>``) reading, never the editor's correction, and an
apparatus (``<app>``) its lemma.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

from lxml import etree

from .errors import TeikitError

from .convert.rules import RULES

from . import TEI_NS

#: Elements that start and end a line in the export.
BLOCKS = frozenset({
    "p", "ab", "head", "div", "opener", "closer", "dateline", "signed", "salute", "byline", "trailer", "postscript",
    "list", "item", "l", "lg", "table", "row", "sp", "speaker", "docTitle", "titlePart", "titlePage", "docAuthor",
    "docImprint", "docDate", "argument", "epigraph", "figure", "listBibl", "castList", "front", "back", "body",
    "floatingText", "label_block", "u", "stage", "castList", "castItem", "listApp", "app_entry", "listPerson",
    "listPlace", "listOrg", "listEvent", "person", "place", "org", "event", "msDesc", "msIdentifier", "msItem",
    "summary", "physDesc", "history", "origin", "provenance", "acquisition", "standOff", "sourceDoc", "surface",
    "zone", "line", "witness", "listWit",
})
#: Entries of persons, places, organizations and events (standOff, lists).
ENTRIES = frozenset({"person", "personGrp", "place", "org", "event", "object"})
#: Elements whose content is not part of the text.
SKIP = frozenset({"teiHeader", "facsimile", "fw_skip"})
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


def _joins_word(element) -> bool:
    return _local(element) in ("lb", "pb", "cb") and element.get("break") == "no"


def _inner(element) -> str:
    parts = [_text(element.text)]
    previous = None
    for child in element:
        if _joins_word(child):
            # The word goes on across the break: no line end, no space.
            parts[-1] = parts[-1].rstrip()
            parts.append((child.tail or "").lstrip() and _text((child.tail or "").lstrip()))
            previous = child
            continue
        if previous is not None and _local(previous) == _local(child) == "seg" and not (previous.tail or "").strip() \
                and not (previous.tail or "").isspace():
            parts.append(" ")  # segments side by side are separate words
        parts.append(_node(child))
        parts.append(_text(child.tail))
        previous = child
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
    if name in ("space", "pause", "caesura"):
        return " "
    if name in ENTRIES:
        # An entry's parts (name, dates, note) are fields, one a line.
        return "\n" + "\n".join(_node(child) for child in element if _local(child) not in SKIP) + "\n"
    if name == "app":
        lemma = _lemma(element)
        return _inner(lemma) if lemma is not None else ""
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


def _lemma(app):
    for path in ("lem", "rdgGrp/lem", "rdg", "rdgGrp/rdg"):
        found = app.find("/".join(f"{{{TEI_NS}}}{step}" for step in path.split("/")))
        if found is not None:
            return found
    return None


def _described_sources(root) -> list:
    """The manuscript descriptions and lists of the header's sourceDesc."""
    source = root.find(f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}fileDesc/{{{TEI_NS}}}sourceDesc")
    if source is None:
        return []
    return [e for e in source if _local(e) == "msDesc" or (_local(e) or "").startswith("list")]


def _document(root) -> str:
    """One TEI document: its text, then what else it holds that a reader reads."""
    text = root.find(f"{{{TEI_NS}}}text")
    if text is None:
        text = root.find("text")
    if text is None:
        body = root.find(f".//{{{TEI_NS}}}body")
        text = body if body is not None else root
    raw = _node(text) if _local(text) not in SKIP else ""
    outside = "".join(_node(e) for e in root if _local(e) in ("sourceDoc", "standOff"))
    if not raw.strip():
        outside = "".join(_node(e) for e in _described_sources(root)) + outside
    return raw + "\n" + outside


def _documents(root) -> str:
    if _local(root) != "teiCorpus":
        return _document(root)
    parts = []
    for child in root:
        if _local(child) in ("TEI", "teiCorpus"):
            title = child.find(f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}fileDesc/{{{TEI_NS}}}titleStmt/{{{TEI_NS}}}title")
            if title is not None and "".join(title.itertext()).strip():
                parts.append("\n" + " ".join("".join(title.itertext()).split()) + "\n")
            parts.append(_documents(child))
    return "\n".join(parts)


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
    raw = _documents(root)
    lines = [line.strip() for line in raw.split("\n")]
    lines = [line for line in lines if line]
    return "\n".join(lines) + ("\n" if lines else "")
