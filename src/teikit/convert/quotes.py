"""Quotations and their citations.

A pair of curly (or straight) double quotation marks among siblings becomes
``<quote>`` (the marks stay inside, they are the source's characters). A
quotation followed by a citation in parentheses becomes ``<cit>`` when only
whitespace separates them, otherwise the ``<bibl>`` is a sibling, as TEI's
``<cit>`` allows nothing else between its parts. An opening mark without a
closing one (a typing slip in the source) is left as text.
"""

from __future__ import annotations

import re

from .model import Node, merge, wrap

#: Periodicals cited in this genre; other cited titles are taken as monographs.
JOURNALS = frozenset({"Rodong Sinmun", "Nodong Sinmun", "Pravda", "Izvestia", "Renmin Ribao",
                      "People’s Daily", "Minju Choson", "Red Flag", "Hongqi", "Neues Deutschland"})

_CITATION = re.compile(r"^(?P<gap>\s*[.,;:]?\s*)\((?P<body>[^()\n]{3,200})\)")
_TITLED = re.compile(r"^(?P<open>“?)(?P<title>[A-Z][^,“”()]{1,60}?), (?P<rest>[^“”]*\d{4}[^“”]*)$")


def _pairs(items: list, opening: str, closing: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    pairs, start = [], None
    marks = re.compile(re.escape(opening) if opening == closing else f"[{opening}{closing}]")
    for index, item in enumerate(items):
        if not isinstance(item, str) or (opening not in item and closing not in item):
            continue
        for found in marks.finditer(item):
            offset, char = found.start(), found.group()
            if char == opening and (opening != closing or start is None):
                start = (index, offset)
            elif char == closing and start is not None:
                pairs.append((start, (index, offset + 1)))
                start = None
    return pairs


#: Elements whose own content TEI keeps to phrases: a quotation is marked inside their children only.
_NO_QUOTE_HERE = frozenset({"opener", "closer", "dateline"})


def mark_quotes(items: list, here: bool = True) -> list:
    """Wrap balanced quotations in ``<quote>`` at every level of ``items`` (not directly in an opener, closer or dateline)."""
    for opening, closing in (("“", "”"), ('"', '"')) if here else ():
        for start, end in reversed(_pairs(items, opening, closing)):
            items, _ = wrap(items, start, end, Node("quote"))
    for item in items:
        if not isinstance(item, Node):
            continue
        if item.tag == "quote":
            # The marks that made this quotation must not be paired again inside it.
            first, inner, last = item.children[0], item.children[1:-1], item.children[-1]
            if len(item.children) == 1:
                item.children = [first[0]] + mark_quotes([first[1:-1]]) + [first[-1]]
            else:
                item.children = merge([first[0]] + mark_quotes(merge([first[1:]] + inner + [last[:-1]])) + [last[-1]])
        else:
            item.children = mark_quotes(item.children, item.tag not in _NO_QUOTE_HERE)
    return items


def _bibl(body: str) -> Node | None:
    titled = _TITLED.match(body)
    if titled:
        title = titled.group("title")
        level = "j" if title in JOURNALS else "m"
        return Node("bibl", {}, ["(" + titled.group("open"), Node("title", {"level": level}, [title]),
                                 ", " + titled.group("rest") + ")"])
    if body.startswith("from ") and len(body.split()) >= 3:
        return Node("bibl", {}, ["(" + body + ")"])
    return None


def mark_citations(items: list) -> list:
    """Attach parenthesized citations to the quotations they follow."""
    out: list = []
    index = 0
    while index < len(items):
        item = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        match = _CITATION.match(following) if isinstance(following, str) else None
        bibl = _bibl(match.group("body")) if match and isinstance(item, Node) and item.tag == "quote" else None
        if bibl is not None:
            gap = match.group("gap")
            out.extend([item, gap, bibl] if gap.strip() else [Node("cit", {}, merge([item, gap, bibl]))])
            # The rest of the string goes back into the queue: another quotation may follow.
            items = items[:index + 1] + [following[match.end():]] + items[index + 2:]
            index += 1
            continue
        if isinstance(item, Node):
            item.children = mark_citations(item.children)
        out.append(item)
        index += 1
    return merge(out)
