"""Blocks → the document's structure: parts, zones, sections, paragraphs, lists, footnotes.

The document is split into its main part and appended documents (``Annex I:
…``); in each, :mod:`teikit.convert.zones` finds the opener and closing
zones, and :mod:`teikit.convert.opener` and :mod:`teikit.convert.closing` build them. The body between them: sections are lines holding a
numeral (``I.``, ``1.``, full-width ``１．``) with a short heading, numbered
in sequence; ``x x x`` is a separator; numbered paragraphs get ``@n``; dashed
lines are a list; a run-in "Label:" is a ``<label>``. Everything else is a
``<p>``. Footnote markers are linked to the footnote texts of the closing.
"""

from __future__ import annotations

import re
import unicodedata

from .lexer import Block
from .closing import build_closing
from .opener import build_opener
from .zones import Line, find_zones
from .lineclasses import SEPARATOR, is_prose
from .model import Node, merge, regex_pass, text_of, walk

_ROMAN = re.compile(r"^(?P<n>[IVX]{1,5})\.(?:\s+(?P<title>[^.]{1,100}))?$")
_ARABIC = re.compile(r"^(?P<n>[0-9０-９]{1,2})\s*[.．]\s*(?P<title>[A-Z“\"][^\n]{0,100}?)?(?<![.;,])$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def logical_lines(items: list) -> list[list]:
    """Split a block's items at its top-level line breaks (breaks inside brackets stay)."""
    lines: list[list] = [[]]
    for item in items:
        if isinstance(item, Node) and item.tag == "lb":
            lines.append([])
        else:
            lines[-1].append(item)
    return [merge(line) for line in lines]


def section_number(text: str) -> str | None:
    """The section number (arabic) if ``text`` is a section heading line."""
    match = _ROMAN.match(text) or _ARABIC.match(text)
    if not match:
        return None
    numeral = match.group("n")
    if numeral[0] in _ROMAN_VALUES:
        values = [_ROMAN_VALUES[c] for c in numeral]
        total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
        return str(total)
    return str(int("".join(str(unicodedata.digit(c)) for c in numeral)))


def _join_lines(lines: list[list]) -> list:
    out: list = []
    for index, line in enumerate(lines):
        if index:
            out.append(Node("lb"))
        out.extend(line)
    return merge(out)


#: The heading of an appended document: "Annex I: Letter from …", "(Reference Materials)", "Appendix 2".
_APPENDIX = re.compile(r"^\(?(?:Annex|Appendix|Enclosure|Supplement|Addendum|Attachment)(?:\s+(?:[IVXLC]+|\d+|[A-Z])\b)?"
                       r"(?::\s[^.!?]{1,120}|\s*\)|\s*:?)$|^\((?:Reference Materials?|Background Materials?)\)$", re.IGNORECASE)


def build_structure(blocks: list[Block], places: frozenset = frozenset()) -> tuple[list[Node], list]:
    """Arrange the classified blocks into ``<div type="document">`` (and one ``<div type="appendix">`` per
    appended document); also return the layout lines for the report.

    Each part's zones come from :mod:`teikit.convert.zones`, their TEI from :mod:`teikit.convert.opener` and :mod:`teikit.convert.closing`.
    Sections must be numbered in sequence (``I.``, ``II.``… or ``1.``, ``2.``…
    from one): a lone "2." after a list item "1. …" is not a section.
    """
    groups = [logical_lines(block.items) for block in blocks]
    lines = []
    for group_index, group in enumerate(groups):
        for position, line in enumerate(group):
            items = mark_handwriting(line)
            lines.append(Line(group_index, items, _bare_text(items), blocks[group_index].first_line + position))
    lines = [line for line in lines if line.text or line.items]
    separated = _blank_separated(blocks)
    parts = _split_parts(lines)
    divs = []
    for index, part in enumerate(parts):
        div = Node("div", {"type": "document" if index == 0 else "appendix"})
        if index:
            part[0].zone, part[0].kind, part[0].strength = "opener", "appendix", 1.0
            div.children.append(Node("head", {}, part[0].items))
            part = part[1:]
        _build_part(div, part, places, separated)
        divs.append(div)
    return divs, lines


def _split_parts(lines: list[Line]) -> list[list[Line]]:
    """The main document and its appended documents, each starting at its heading (after some prose)."""
    parts: list[list[Line]] = [[]]
    seen_prose = False
    for index, line in enumerate(lines):
        alone = (index == 0 or lines[index - 1].group != line.group) and (index + 1 == len(lines) or lines[index + 1].group != line.group)
        if seen_prose and alone and _APPENDIX.match(line.text) and index + 1 < len(lines):
            parts.append([])
            seen_prose = False
        parts[-1].append(line)
        seen_prose = seen_prose or is_prose(line.text)
    return parts


def _build_part(div: Node, lines: list[Line], places: frozenset, separated: bool) -> None:
    find_zones(lines, section_number, places)
    opener = [line for line in lines if line.zone == "opener"]
    closing = [line for line in lines if line.zone == "closing"]
    body = [line for line in lines if line.zone == "body"]
    div.children.extend(build_opener(opener))
    footnotes: dict[str, str] = {}
    closer = build_closing(closing, footnotes, separated=separated) if closing else None
    # The body's lines, regrouped by their blocks.
    body_groups: list[list[list]] = []
    last_group = None
    for line in body:
        if line.group != last_group:
            body_groups.append([])
            last_group = line.group
        body_groups[-1].append(line.items)
    _build_body(div, body_groups)
    # TEI wants a paragraph (or section) between the opener and the closer.
    if not any(child.tag in ("p", "div", "list") for child in div.children):
        div.children.append(Node("p"))
    if closer is not None:
        div.children.append(closer)
    if footnotes:
        _link_footnotes(div, footnotes)


def _blank_separated(blocks: list[Block]) -> bool:
    """Whether blank lines separate the blocks (then a blank line also separates two signers)."""
    return any(block.first_line > previous.lines[-1].number + 1 for previous, block in zip(blocks, blocks[1:]))


#: Bracketed apparatus: a line is judged by the words around it ("USSR EMBASSY IN THE DPRK [faded … stamp: …]").
_APPARATUS = frozenset({"stamp", "note", "pb"})


def _bare_text(items: list) -> str:
    bare = " ".join(text_of(merge([i for i in items if not (isinstance(i, Node) and i.tag in _APPARATUS)])).split())
    return bare or text_of(items).strip()


def _build_body(document: Node, body_groups: list[list[list]]) -> None:
    container = document
    expected: dict[str, int] = {}
    bullets: Node | None = None
    for group in body_groups:
        first_text = text_of(group[0]).strip()
        number = section_number(first_text)
        style = "roman" if number is not None and first_text[0] in _ROMAN_VALUES else "arabic"
        if number is not None and int(number) != expected.get(style, 1):
            number = None
        if number is not None:
            expected[style] = int(number) + 1
            container = Node("div", {"type": "section", "n": number}, [Node("head", {}, group[0])])
            document.children.append(container)
            bullets = None
            group = group[1:]
            if not group:
                continue
        if len(group) == 1 and SEPARATOR.match(text_of(group[0]).strip()):
            container.children.append(Node("milestone", {"unit": "section", "rend": text_of(group[0]).strip()}))
            bullets = None
            continue
        if len(group) == 1 and _BULLET.match(first_text):
            if bullets is None:
                bullets = Node("list", {"type": "bulleted"})
                container.children.append(bullets)
            bullets.children.append(Node("item", {}, group[0]))
            continue
        bullets = None
        container.children.append(_paragraph(group))


_BULLET = re.compile(r"^[-–•·*]\s+\S")
_PARAGRAPH_NUMBER = re.compile(r"^\s*(?:(?P<a>\d{1,2})\.(?!\d)|\((?P<b>\d{1,2}|[A-Za-z])\)|(?P<c>[a-z])\))")
#: A run-in label: a speaker in a record of conversation ("Premier: I have …"), or a heading ("Remark:").
_RUN_IN = re.compile(r"^(?P<label>(?:[A-Z][\w’'.-]*)(?: (?:[A-Z][\w’'.-]*|of|the|in|and|on|for|de)){0,5}:)(?=\s|$)")


def _paragraph(group: list[list]) -> Node:
    bulleted = [i for i, line in enumerate(group) if _BULLET.match(text_of(line).strip())]
    if len(bulleted) >= 2 and bulleted == list(range(bulleted[0], len(group))) and bulleted[0] > 0:
        # "Romanians use a kind of boycott:" and its dashed lines: a list inside the paragraph.
        head = _paragraph(group[:bulleted[0]])
        head.children.append(Node("list", {"type": "bulleted"}, [Node("item", {}, group[i]) for i in bulleted]))
        return head
    items = _join_lines(group)
    attrib = {}
    text = text_of(group[0]).lstrip()
    numbered = _PARAGRAPH_NUMBER.match(text)
    if numbered:
        attrib["n"] = numbered.group("a") or numbered.group("b") or numbered.group("c")
    elif items and isinstance(items[0], str):
        run_in = _RUN_IN.match(items[0])
        if run_in and not _FIELD_LIKE.match(run_in.group("label")):
            label = run_in.group("label")
            items = merge([Node("label", {}, [label]), items[0][run_in.end():]] + items[1:])
    return Node("p", attrib, items)


_FIELD_LIKE = re.compile(r"^(?:Mr|Mrs|Dr|St|No)\.?:$")


#: A footnote number glued to the end of a sentence, as web editions print it: "in this matter.73".
_GLUED_MARKER = re.compile(r"(?<=[a-z][.,;:”\"])\d{1,3}(?=\s|$)")


def _link_glued_markers(document: Node, footnotes: dict[str, str]) -> None:
    """Unnumbered footnote texts (``*1``, ``*2`` …) and the glued numbers of the text, paired in order when
    they are as many; each number becomes a ``<ref>`` to its footnote."""
    unnumbered = [footnotes[key] for key in sorted((k for k in footnotes if k.startswith("*")), key=lambda k: int(k[1:]))]
    if not unnumbered:
        return
    found = []
    for node in walk([document]):
        if node.tag in ("p", "head", "item", "quote"):
            found.extend(match.group() for child in node.children if isinstance(child, str)
                         for match in _GLUED_MARKER.finditer(child))
    if len(found) != len(unnumbered):
        return
    targets = iter(unnumbered)

    def make(match):
        return Node("ref", {"type": "footnote", "n": match.group(), "target": f"#{next(targets)}"}, [match.group()])

    for node in walk([document]):
        if node.tag in ("p", "head", "item", "quote"):
            out = []
            for child in node.children:
                out.extend(regex_pass(_GLUED_MARKER, make)(child) if isinstance(child, str) else [child])
            node.children = merge(out)


def _link_footnotes(document: Node, footnotes: dict[str, str]) -> None:
    """Point each footnote marker of the text at its footnote (``@target``)."""
    _link_glued_markers(document, footnotes)
    def visit(node: Node, inside_footnote: bool) -> None:
        for child in node.children:
            if not isinstance(child, Node):
                continue
            if child.tag == "note" and child.attrib.get("type") == "footnote":
                if child.attrib.get("place") == "bottom":
                    visit(child, True)
                    continue
                ident = footnotes.get(child.attrib.get("n", ""))
                if ident and not inside_footnote:
                    child.attrib["target"] = f"#{ident}"
            visit(child, inside_footnote)

    visit(document, False)


def mark_handwriting(line: list) -> list:
    """"[handwritten] Copy sent to P.R./UN.": the words after a bare handwriting label are the handwriting.

    The label stays the translator's note; it and the words after it on the
    line become one ``<add>``, so the handwritten words sit inside the
    handwriting element and the brackets are written back as they were.
    """
    for index, item in enumerate(line):
        if isinstance(item, Node) and item.tag == "note" and item.attrib.get("type") == "handwritten" \
                and not text_of(item.children).strip().rstrip(":").lower().startswith(("handwritten ", "handwriting ")) \
                and len(text_of(item.children).split()) <= 2:
            rest = line[index + 1:]
            if any(isinstance(r, str) and r.strip() for r in rest) and not any(isinstance(r, Node) and r.tag == "note" for r in rest):
                return merge(line[:index] + [Node("add", {}, [item] + rest)])
    return line
