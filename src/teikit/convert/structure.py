"""Blocks → the document's structure: opener, titles, sections, paragraphs, closer.

The header area is the run of lines at the top that look like an opener
(classification, copy number, stamp, sender, dateline, number, handwriting)
or a title; the first line that does not ends it. Sections are lines holding
only a numeral (``I.``, ``1.``, full-width ``１．``), optionally with a short
heading; ``x x x`` is a separator; trailing blocks that end with a signature
under an upper-case job title form the closer. Everything else is a ``<p>``.
"""

from __future__ import annotations

import re
import unicodedata

from .dates import DATE
from .lexer import Block
from .layout import Line, build_closing, build_opener, find_zones
from .lineclasses import is_prose
from .model import Node, merge, regex_pass, text_of, walk

_CLASSIFICATION = re.compile(
    r"^(?:(?:TOP |Top |STRICTLY |Strictly )?(?:SECRET|Secret|CONFIDENTIAL|Confidential)(?: and Personal| AND PERSONAL)?"
    r"|Indefinite Duration|INDEFINITE DURATION|Reproduction prohibited|REPRODUCTION PROHIBITED"
    r"|Not for publication|NOT FOR PUBLICATION|Personal|PERSONAL|Urgent|URGENT|Priority|PRIORITY"
    r"|For official use only|FOR OFFICIAL USE ONLY|Special file|SPECIAL FILE)\.?$"
)
_COPY = re.compile(r"^(?:(?:Copy|COPY|Copies)\s*(?:N[ºo°]|No\.?|#)\s*:?\s*\S+.*|(?:Copy|COPY) [A-Z0-9]{1,3}|No\. ?\d+ of \d+ copies)$")
_NUMBER = re.compile(r"^(?:N[ºo°]|No\.|#)\s*:?\s*[\w/.-]+$")
_SENDER_WORDS = re.compile(r"\b(?:EMBASSY|MINISTRY|BUREAU|DEPARTMENT|COMMITTEE|CONSULATE|OFFICE|AGENCY|LEGATION|MISSION"
                           r"|Embassy|Ministry|Bureau|Department|Committee|Consulate|Office|Agency|Legation|Mission)\b")
_GENRE = re.compile(r"^\([A-Z][A-Za-z ’'-]{2,40}\)$")
_ROMAN = re.compile(r"^(?P<n>[IVX]{1,5})\.(?:\s+(?P<title>[^.]{1,100}))?$")
_ARABIC = re.compile(r"^(?P<n>[0-9０-９]{1,2})\s*[.．]\s*(?P<title>[A-Z“\"][^\n]{0,100}?)?(?<![.;,])$")
_SEPARATOR = re.compile(r"^(?:x x x|X X X|\* \* \*|\*\*\*|x{3}|-{3,}|_{3,})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_PLACE_DATE = re.compile(r"^([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?), (.+)$")


def logical_lines(items: list) -> list[list]:
    """Split a block's items at its top-level line breaks (breaks inside brackets stay)."""
    lines: list[list] = [[]]
    for item in items:
        if isinstance(item, Node) and item.tag == "lb":
            lines.append([])
        else:
            lines[-1].append(item)
    return [merge(line) for line in lines]


def _only_node(line: list, *tags_types: tuple[str, str | None]) -> bool:
    content = [item for item in line if not (isinstance(item, str) and not item.strip())]
    if len(content) != 1 or not isinstance(content[0], Node):
        return False
    node = content[0]
    return any(node.tag == tag and (kind is None or node.attrib.get("type") == kind) for tag, kind in tags_types)


def _is_upper(text: str) -> bool:
    # upper() runs in C; the letters are counted only for an upper-case line.
    return text == text.upper() and sum(1 for c in text if c.isalpha()) >= 4 and text != text.lower()


def _is_title_case(text: str) -> bool:
    words = text.split()
    # A title has no sentence end inside it.
    if not 2 <= len(words) <= 14 or text[-1] in ".:;," or re.search(r"[a-z]{2}[.!?] ", text):
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return words[0][:1].isupper() and capitals * 2 >= len(words)


def classify_header_line(line: list, have_title: bool, places: frozenset = frozenset()) -> str | None:
    """The opener or title role of one logical line, or None when the header is over.

    ``places`` are the register's place names: a line holding only one (or
    "Place, date") is a dateline.
    """
    text = text_of(line).strip()
    if not text:
        return None
    if _only_node(line, ("stamp", None), ("note", "handwritten"), ("note", "stamp")):
        return "apparatus"
    # "[Handwritten] Copy A": judge the line by what follows the apparatus.
    while line and isinstance(line[0], Node) and line[0].tag == "note":
        line = merge([line[1:][0].lstrip()] + line[2:]) if len(line) > 1 and isinstance(line[1], str) else line[1:]
        text = text_of(line).strip()
        if not text:
            return "apparatus"
    if _CLASSIFICATION.match(text):
        return "classification"
    if _COPY.match(text):
        return "copy"
    if _NUMBER.match(text):
        return "number"
    if _is_dateline(text, places):
        return "dateline"
    lead = line[0] if isinstance(line[0], str) else ""
    if lead.strip() and _SENDER_WORDS.search(lead) and (_is_upper(lead) or _is_title_case(lead.strip())) and len(lead) < 90:
        return "sender"
    if _GENRE.match(text):
        return "genre"
    if _is_upper(text) and not _ROMAN.match(text) and not _SEPARATOR.match(text):
        return "title"
    if not have_title and _is_title_case(text) and len(text) < 90 and not section_number(text):
        return "title"
    return None


def _continues_title(line: list) -> bool:
    """A title's second line: short, no sentence end, starting in lower case or giving a date."""
    text = text_of(line).strip()
    words = text.split()
    return 0 < len(words) <= 15 and text[-1] not in ".:;!?" and (text[0].islower() or bool(DATE.search(text)))


def _is_dateline(text: str, places: frozenset = frozenset()) -> bool:
    """A date, a register place, or "Place, date" alone on a line."""
    place_date = _PLACE_DATE.match(text)
    return bool(DATE.fullmatch(text) or text in places or place_date and DATE.fullmatch(place_date.group(2)))


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


def _with_num(line: list) -> list:
    """Mark the first number of a copy or number line as ``<num>``."""
    if not line or not isinstance(line[0], str):
        return line
    match = re.search(r"\d+", line[0])
    if not match:
        return line
    text = line[0]
    value = str(int(match.group()))
    return merge([text[:match.start()], Node("num", {"value": value}, [match.group()]), text[match.end():]] + line[1:])


def _opener_item(role: str, line: list) -> Node | list:
    if role in ("classification", "sender"):
        return Node("seg", {"type": role}, line)
    if role == "copy":
        return Node("seg", {"type": "copy"}, _with_num(line))
    if role == "number":
        return Node("seg", {"type": "number"}, _with_num(line))
    if role == "dateline":
        return Node("dateline", {}, line)
    return line


def _join_lines(lines: list[list]) -> list:
    out: list = []
    for index, line in enumerate(lines):
        if index:
            out.append(Node("lb"))
        out.extend(line)
    return merge(out)


def _is_signed(lines: list[list]) -> bool:
    if len(lines) < 2:
        return False
    last = [item for item in lines[-1] if not (isinstance(item, str) and not item.strip())]
    signature = bool(last) and isinstance(last[0], Node) and last[0].tag == "gap" and last[0].attrib.get("reason") == "signature"
    return signature and all(_is_upper(text_of(line)) for line in lines[:-1])


def _starts_with_signature(line: list) -> bool:
    content = [item for item in line if not (isinstance(item, str) and not item.strip())]
    return bool(content) and isinstance(content[0], Node) and content[0].tag == "gap" \
        and content[0].attrib.get("reason") == "signature"


def _is_short(line: list) -> bool:
    if line and isinstance(line[0], Node) and line[0].tag == "note":
        return False
    text = text_of(line).strip()
    return 0 < len(text.split()) <= 8 and text[-1] not in ".;:!?"


def _signature_lines(groups: list[list[list]]) -> int:
    """How many trailing one-line groups form a signature (texts without blank lines), or 0.

    A line starting with ``[signature]``, up to three short job-title lines
    before it and only short lines (name, title) after it.
    """
    tail = 0
    while tail < len(groups) and tail < 8 and len(groups[-1 - tail]) == 1 and _is_short(groups[-1 - tail][0]) \
            and not _starts_with_signature(groups[-1 - tail][0]):
        tail += 1
    index = len(groups) - 1 - tail
    if index < 0 or len(groups[index]) != 1 or not _starts_with_signature(groups[index][0]):
        return 0
    before = 0
    while before < 3 and index - before - 1 >= 0 and len(groups[index - before - 1]) == 1 \
            and _is_upper(text_of(groups[index - before - 1][0])):
        before += 1
    return tail + 1 + before


def _signed_lines(lines: list[list]) -> Node:
    """A signature of several lines: job title lines (upper case) in <roleName>, then the rest."""
    roles = 0
    while roles < len(lines) and not _starts_with_signature(lines[roles]):
        roles += 1
    children = [Node("roleName", {}, _join_lines(lines[:roles])), Node("lb")] if roles else []
    return Node("signed", {}, children + _join_lines(lines[roles:]))


def _signed(lines: list[list]) -> Node:
    return Node("signed", {}, [Node("roleName", {}, _join_lines(lines[:-1])), Node("lb")] + lines[-1])


#: The heading of an appended document: "Annex I: Letter from …", "(Reference Materials)", "Appendix 2".
_APPENDIX = re.compile(r"^\(?(?:Annex|Appendix|Enclosure|Supplement|Addendum|Attachment)(?:\s+(?:[IVXLC]+|\d+|[A-Z])\b)?"
                       r"(?::\s[^.!?]{1,120}|\s*\)|\s*:?)$|^\((?:Reference Materials?|Background Materials?)\)$", re.IGNORECASE)


def build_structure(blocks: list[Block], places: frozenset = frozenset()) -> tuple[list[Node], list]:
    """Arrange the classified blocks into ``<div type="document">`` (and one ``<div type="appendix">`` per
    appended document); also return the layout lines for the report.

    Each part's opener and closing zones come from :mod:`teikit.convert.layout`.
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
        if len(group) == 1 and _SEPARATOR.match(text_of(group[0]).strip()):
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
