"""What the site pages need to know about one document, taken from its TEI:
catalogue data for the index, the register mentions and the words for the
search index.

A record is plain JSON data. Workers write it next to the outputs, one small
file per document in the site's private folder; the build reads those files
one at a time when it writes the site pages, so an unchanged document is
never parsed again, and the build never holds all the records at once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import TypedDict

from lxml import etree

from .. import TEI_NS
from .. import XML_NS as XML_ID_NS
from ..bundled import REGISTER_NAME
from ..xslt import XSLT_DIR, Stylesheet

_NS = {"t": TEI_NS}
#: How documents point into the register (``register.xml#per-x``).
REGISTER_PREFIX = f"{REGISTER_NAME}#"
#: Longest short description kept for the index, in characters.
DESCRIPTION_LIMIT = 240
_WORD = re.compile(r"\w+")


def _text(node) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


# In a description, one reading of each choice (the corrected, expanded,
# regularized one) and no notes: the prose as a reader would quote it.
_SKIP_IN_PROSE = {f"{{{TEI_NS}}}{name}" for name in ("sic", "orig", "abbr", "note")}


_BREAKS = {f"{{{TEI_NS}}}{name}" for name in ("lb", "pb", "cb", "dateline", "salute", "signed", "seg")}


def _prose(node) -> str:
    parts: list[str] = []

    def walk(element) -> None:
        if element.tag in _SKIP_IN_PROSE and (element.tag.endswith("}note") or
                                              element.getparent() is not None and
                                              element.getparent().tag == f"{{{TEI_NS}}}choice"):
            return
        if element.tag in _BREAKS:
            parts.append(" ")
        if element.text:
            parts.append(element.text)
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    return " ".join("".join(parts).split())


def _shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def normalize_word(word: str) -> str:
    """Case- and accent-folded form of a word; the search page folds queries the same way."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: Scripts written without spaces between words (Han, kana, Hangul): a run of them is indexed by its
#: overlapping pairs of characters, so a two-character query finds the word inside the run.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002fa1f]+")


def words(text: str) -> set[str]:
    """The distinct searchable words of a text (two characters or more; unspaced scripts by character pairs)."""
    found = set()
    for match in _WORD.findall(text):
        for part in _UNSPACED.split(match):
            if len(part) >= 2:
                found.add(normalize_word(part))
        for run in _UNSPACED.findall(match):
            found.update(run[i:i + 2] for i in range(len(run) - 1))
    return {w for w in found if len(w) >= 2}


class Record(TypedDict):
    """One document's record, as a worker writes it (``.teikit/records/ID.json``)."""

    title: str
    date: str  #: ISO date (``@when``, else ``@from``), "" when undated
    date_text: str  #: the date as the header writes it
    archive: str
    description: str
    #: entry id -> [mentions, name as first written, anchor of the first mention]
    mentions: dict[str, list]
    source: str  #: the source file's name (set by the worker)
    # For the facets and the citations:
    authors: list[str]
    repository: str  #: the archive without the call number
    publisher: str  #: the source's publisher
    source_url: str
    idno: str
    classification: str
    genre: str
    languages: list[str]  #: the original's languages
    lang: str  #: the text's language


class RecordReader:
    """Reads a document's record with ``xslt/site/record.xsl`` (compiled once).

    The catalogue fields come from the header map the HTML masthead and the
    PDF title block use (``tk:header``), and the register mentions from the
    rule the HTML follows when it writes their anchors (``tk:mentions``), so
    nothing is recovered from the rendered page.
    """

    def __init__(self) -> None:
        self._sheet = Stylesheet(XSLT_DIR / "site" / "record.xsl")

    def read(self, tree: etree._ElementTree, name: str = "<input>") -> Record:
        """``title``, ``date``, ``date_text``, ``archive``, ``description`` and
        ``mentions`` (see :func:`mention_summary`) of one TEI document."""
        data = json.loads(self._sheet.transform(tree, name=name))
        description = data.pop("summary")
        if not description:
            # No summary in the header: the opening words of the body's prose.
            paragraphs = tree.getroot().xpath(".//t:text//t:body//t:p[not(ancestor::t:note)]", namespaces=_NS)
            prose = (_prose(p) for p in paragraphs)
            description = " ".join([t for t in prose if any(c.isalpha() for c in t)][:3])
        data["description"] = _shorten(description)
        data["mentions"] = mention_summary(data["mentions"])
        return data


#: The parts of the text searched one by one, so a hit is shown in its
#: paragraph: the citable paragraphs (with their ids), headings, and the
#: opener, closer and other blocks outside paragraphs.
_PASSAGES = ("t:text//*[self::t:p or self::t:ab or self::t:head or self::t:opener or self::t:closer "
             "or self::t:postscript or self::t:trailer]"
             "[not(ancestor::t:note)][not(ancestor::*[self::t:p or self::t:ab or self::t:opener or self::t:closer "
             "or self::t:postscript or self::t:trailer or self::t:head])]")


def search_passages(tree: etree._ElementTree) -> list[list[str]]:
    """``[anchor, text]`` of the title (anchor "") and of each passage of the text, in order.

    The anchor is the passage's id (a heading: its division's), "" when it has none.
    """
    root = tree.getroot()
    out = []
    titles = root.xpath("t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces=_NS)
    if titles:
        out.append(["", _prose(titles[0])])
    for node in root.xpath(_PASSAGES, namespaces=_NS):
        anchor = node.get(f"{{{XML_ID_NS}}}id") or ""
        if not anchor and node.tag == f"{{{TEI_NS}}}head":
            anchor = node.getparent().get(f"{{{XML_ID_NS}}}id") or ""
        # The passage as read (one reading of each choice), then its notes,
        # each a passage of its own at the same place.
        text = _prose(node)
        if any(c.isalnum() for c in text):
            out.append([anchor, text])
        for note in node.iter(f"{{{TEI_NS}}}note"):
            text = " ".join("".join(_prose(child) + " " + (child.tail or "") for child in note).split())
            text = " ".join(((note.text or "") + " " + text).split())
            if any(c.isalnum() for c in text):
                out.append([note.get(f"{{{XML_ID_NS}}}id") or anchor, text])
    return out


def mention_summary(mentions: list[list[str]]) -> dict[str, list]:
    """Per register entry: ``[count, name as first written, anchor of the first linked mention]``.

    The register lists each document once per entry, with its count and a
    link to the first mention (the document page links every mention back),
    so its size grows with the (entry, document) pairs, not with every
    mention. The anchor is "" when no mention of the entry was linked.
    """
    grouped: dict[str, list] = {}
    for entry, anchor, label in mentions:
        slot = grouped.get(entry)
        if slot is None:
            slot = grouped[entry] = [0, label, anchor]
        slot[0] += 1
        if not slot[2]:
            slot[2] = anchor
        if not slot[1]:
            slot[1] = label
    return grouped
