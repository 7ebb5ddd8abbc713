"""What the site pages need to know about one document, taken from its TEI
and its rendered HTML: catalogue data for the index, the register mentions
and the words for the search index.

A record is plain JSON data. Workers write it next to the outputs, one small
file per document in the site's private folder; the build reads those files
one at a time when it writes the site pages, so an unchanged document is
never parsed again, and the build never holds all the records at once.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata

from lxml import etree

from .. import TEI_NS

_NS = {"t": TEI_NS}
REGISTER_PREFIX = "register.xml#"
#: Longest short description kept for the index, in characters.
DESCRIPTION_LIMIT = 240
_WORD = re.compile(r"\w+")


def _text(node) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


# In a description, one reading of each choice (the corrected, expanded,
# regularized one) and no notes: the prose as a reader would quote it.
_SKIP_IN_PROSE = {f"{{{TEI_NS}}}{name}" for name in ("sic", "orig", "abbr", "note")}


def _prose(node) -> str:
    parts: list[str] = []

    def walk(element) -> None:
        if element.tag in _SKIP_IN_PROSE and (element.tag.endswith("}note") or
                                              element.getparent() is not None and
                                              element.getparent().tag == f"{{{TEI_NS}}}choice"):
            return
        if element.text:
            parts.append(element.text)
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    return " ".join("".join(parts).split())


def _first(root, *paths: str):
    for path in paths:
        found = root.xpath(path, namespaces=_NS)
        if found:
            return found[0]
    return None


def _shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def normalize_word(word: str) -> str:
    """Case- and accent-folded form of a word; the search page folds queries the same way."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> set[str]:
    """The distinct searchable words of a text (two characters or more)."""
    return {w for w in (normalize_word(m) for m in _WORD.findall(text)) if len(w) >= 2}


def catalogue(tree: etree._ElementTree) -> dict:
    """Title, date, archive and a short description from a TEI document."""
    root = tree.getroot()
    title = _first(
        root,
        "t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='main']",
        "t:teiHeader/t:fileDesc/t:titleStmt/t:title",
        ".//t:head",
    )
    date = _first(
        root,
        "t:teiHeader/t:profileDesc/t:creation/t:date",
        ".//t:text//t:dateline//t:date",
        "t:teiHeader/t:fileDesc/t:sourceDesc//t:date",
    )
    when = ""
    if date is not None:
        when = date.get("when") or date.get("from") or date.get("notBefore") or ""
    repository = _first(root, "t:teiHeader/t:fileDesc/t:sourceDesc//t:msIdentifier/t:repository")
    call_number = _first(root, "t:teiHeader/t:fileDesc/t:sourceDesc//t:msIdentifier/t:idno")
    archive = ", ".join(x for x in (_text(repository), _text(call_number)) if x)
    if not archive:
        archive = _text(_first(root, "t:teiHeader/t:fileDesc/t:publicationStmt/t:publisher"))
    summary = _first(
        root,
        "t:teiHeader/t:profileDesc/t:abstract",
        "t:teiHeader/t:fileDesc/t:notesStmt/t:note[@type='summary']",
    )
    description = _text(summary)
    if not description:
        # No summary in the header: the opening words of the body's prose.
        paragraphs = root.xpath(".//t:text//t:body//t:p[not(ancestor::t:note)]", namespaces=_NS)
        prose = (_prose(p) for p in paragraphs)
        description = " ".join([t for t in prose if any(c.isalpha() for c in t)][:3])
    return {
        "title": _text(title) or "(untitled)",
        "date": when,
        "date_text": _text(date),
        "archive": archive,
        "description": _shorten(description),
    }


def register_refs(tree: etree._ElementTree) -> list[tuple[str, str]]:
    """``(entry id, name as written)`` for each register reference, in document order."""
    refs = []
    for node in tree.getroot().iter(f"{{{TEI_NS}}}*"):
        for target in (node.get("ref") or "").split():
            if target.startswith(REGISTER_PREFIX):
                refs.append((target[len(REGISTER_PREFIX):], _text(node)))
    return refs


def search_words(tree: etree._ElementTree) -> list[str]:
    """Sorted distinct words of the title and the text (not the rest of the header)."""
    root = tree.getroot()
    found: set[str] = set()
    for title in root.xpath("t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces=_NS):
        found |= words(" ".join(title.itertext()))
    for text in root.xpath("t:text", namespaces=_NS):
        found |= words(" ".join(text.itertext()))
    return sorted(found)


_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
_ATTR = re.compile(r"""\b([\w:-]+)\s*=\s*("[^"]*"|'[^']*')""")
_TAG = re.compile(r"<[^>]+>")


def anchor_mentions(page: str, register_href: str) -> tuple[str, list[list[str]]]:
    """Give every link to the register in a rendered page an id, and list them.

    Returns the page (with ``id="mention-N"`` added where a link had none)
    and ``[entry id, anchor, name]`` per link, in page order. The register
    pages link back to these anchors, so a reader lands on the mention itself.
    The page is our own renderer's serialization: links are plain ``<a>``
    elements with quoted attributes.
    """
    mentions: list[list[str]] = []
    prefix = register_href + "#"

    def fix(match: re.Match) -> str:
        attrs = dict((k.lower(), html_lib.unescape(v[1:-1])) for k, v in _ATTR.findall(match.group(1)))
        href = attrs.get("href", "")
        if not href.startswith(prefix):
            return match.group(0)
        label = " ".join(html_lib.unescape(_TAG.sub("", match.group(2))).split())
        anchor = attrs.get("id")
        tag = match.group(0)
        if not anchor:
            anchor = f"mention-{len(mentions) + 1}"
            tag = f'<a id="{anchor}"{match.group(1)}>{match.group(2)}</a>'
        mentions.append([href[len(prefix):], anchor, label])
        return tag

    return _LINK.sub(fix, page), mentions


def merge_mentions(refs: list[tuple[str, str]], linked: list[list[str]]) -> list[list[str]]:
    """Every register reference of the TEI, with the page anchor where there is one.

    A renderer may leave some names unlinked (e.g. inside the header block);
    those mentions still count, pointing at the top of the document.
    """
    remaining: dict[str, list[list[str]]] = {}
    for entry, anchor, label in linked:
        remaining.setdefault(entry, []).append([entry, anchor, label])
    merged = [m for m in linked]
    seen: dict[str, int] = {}
    for entry, name in refs:
        seen[entry] = seen.get(entry, 0) + 1
        if seen[entry] > len(remaining.get(entry, ())):
            merged.append([entry, "", name])
    return merged


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
