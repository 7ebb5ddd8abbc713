"""Zones of a document, found from evidence, and the TEI of its opener and closing.

The opener is the run of lines before the first line of prose (a sentence:
see :func:`~teikit.convert.lineclasses.is_prose`) or the first section
heading; the closing is the run of lines after the last line of prose. Each
line of either zone is classified on its own by the line-class table, so a
line nobody recognizes stays a line of its zone instead of ending it. The
title is chosen across the opener by evidence: a subject line, else the line
after the genre line, else the strongest title-like line that is not a
number, a reference code or a classification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lineclasses import BOTH, CLOSING, LEADING_CLASSIFICATION, OPENER, TRAILING_CLASSIFICATION, CLASSIFICATION, COPY, LIST_ENTRY, LineView
from .lineclasses import NUMBER_SIGN, SEPARATOR, is_sentence, classify, is_prose, join_spaced
from .model import Node, map_text, merge, regex_pass, text_of

#: Body lines a closing may reach back over, at most (a long closing is more likely prose).
MAX_CLOSING = 40


@dataclass
class Line:
    """One logical line of the document with its place (block index) and its decided zone and class."""

    group: int
    items: list
    text: str
    number: int = 0
    zone: str = "body"
    kind: str = "unknown"
    strength: float = 0.0

    def view(self) -> LineView:
        content = [i for i in self.items if not (isinstance(i, str) and not i.strip())]
        only = bool(content) and all(isinstance(i, Node) and i.tag in ("stamp", "note", "gap", "pb", "add") for i in content)
        signature = any(isinstance(i, Node) and i.tag == "gap" and i.attrib.get("reason") == "signature" for i in content)
        marker_first = bool(content) and isinstance(content[0], Node) and content[0].tag == "note" \
            and content[0].attrib.get("type") == "footnote"
        return LineView(self.text, join_spaced(self.text), signature=signature, marker_first=marker_first,
                        only_apparatus=only and not marker_first and not signature)


def _is_section_start(text: str, section_number) -> bool:
    number = section_number(text)
    return number == "1" and len(text.split()) <= 16 and not is_prose(text)


def find_zones(lines: list[Line], section_number, places: frozenset = frozenset()) -> None:
    """Set each line's zone (opener, body, closing) and, for the first two, its class.

    ``places`` are the register's place names: a line holding only one is a dateline.
    """
    opener_end = 0
    for index, line in enumerate(lines):
        kind, strength = ("dateline", 1.0) if line.text in places else classify(line.view(), OPENER)
        if kind == "unknown" and index and lines[index - 1].kind == "field" and _LABELLED.match(line.text):
            # "Participants: Korean side: … / Our side: …": a labelled line among the fields is one of them.
            kind, strength = "field", 0.5
        # Prose ends the opener unless the line's own wording names its class ("Subject:", "To:", "Copy 19 of 50").
        prose = _is_prose_at(lines, index) and not (kind in _LABELLED_KINDS or strength >= 1.0 and not is_sentence(line.text)
                                                    and kind != "title")
        # A translator's note beside words describes a mark on them: that is the body's text.
        marked = _is_translator_note(line) and kind != "apparatus"
        if prose or marked or _is_section_start(line.text, section_number) or _starts_numbered(line.text):
            break
        line.zone, line.kind, line.strength = OPENER, kind, strength
        opener_end = index + 1
    if opener_end == len(lines):
        # No prose at all: the body begins at the last line without strong evidence (a short text has one).
        weak = [i for i, line in enumerate(lines) if line.strength < 1.0]
        opener_end = weak[-1] if weak else len(lines)
        for line in lines[opener_end:]:
            line.zone, line.kind, line.strength = "body", "unknown", 0.0
    start = len(lines)
    for index in range(len(lines) - 1, opener_end - 1, -1):
        line = lines[index]
        kind, strength = classify(line.view(), CLOSING)
        omission = _is_omission(line)
        if omission or len(lines) - index > MAX_CLOSING or SEPARATOR.match(line.text):
            break
        if is_prose(line.text) and strength < 1.0 or kind in ("apparatus",) and _is_translator_note(line):
            break
        if kind == "unknown" and (len(line.text.split()) > 8 or line.text.endswith((".", "!", "?")) and len(line.text.split()) > 3):
            break
        start = index
        line.kind, line.strength = kind, strength
    # A closing needs evidence (one line a row recognizes with strength) and something to close.
    if start == opener_end or not any(line.strength >= 0.5 and line.kind != "apparatus" for line in lines[start:]):
        start = len(lines)
    for line in lines[start:]:
        line.zone = CLOSING
    for line in lines[opener_end:start]:
        line.zone, line.kind, line.strength = "body", "unknown", 0.0


def _is_prose_at(lines: list[Line], index: int) -> bool:
    """Whether the line is prose; a line that runs on into the next line of its block is judged with it."""
    line = lines[index]
    text = line.text
    following = index + 1
    while not re.search(r"[.!?:;]$", text) and following < len(lines) and lines[following].group == line.group \
            and following - index <= 3:
        text += " " + lines[following].text
        following += 1
    return is_prose(text)


#: Classes whose wording names them: a long line of theirs is still theirs, not prose.
_LABELLED_KINDS = frozenset({"subject", "field", "from", "addressee", "distribution", "attachment", "classification",
                             "copy", "apparatus", "salute", "form-line", "title-start"})
_LABELLED = re.compile(r"^[A-Z][\w’' -]{0,25}:\s")
_NUMBERED = re.compile(r"^(?:\d{1,2}\.\s?\S|\(\d{1,2}\)\s|\([A-Z]\)\s|[a-z]\)\s)")


def _starts_numbered(text: str) -> bool:
    return bool(_NUMBERED.match(text)) and len(text.split()) >= 6


def _is_omission(line: Line) -> bool:
    content = [i for i in line.items if not (isinstance(i, str) and not i.strip())]
    return len(content) == 1 and isinstance(content[0], Node) and content[0].tag == "gap" \
        and content[0].attrib.get("reason") == "omitted"


def _is_translator_note(line: Line) -> bool:
    return any(isinstance(i, Node) and i.tag == "note" and i.attrib.get("type") == "translator" for i in line.items)


# --------------------------------------------------------------- the opener


def _title_scores(lines: list[Line]) -> dict[int, float]:
    """Evidence that each opener line is the document's title (higher is stronger)."""
    scores: dict[int, float] = {}
    after_genre = False
    last_apparatus = -1
    for index, line in enumerate(lines):
        if line.kind in ("classification", "copy", "number", "dateline"):
            last_apparatus = index
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if line.kind == "subject":
            scores[index] = 10
        elif line.kind == "title-start":
            scores[index] = 8
        elif line.kind == "genre" and following is not None and _continues(following):
            # "RECORD OF A CONVERSATION / with Kim Hyung-mo": the genre line begins the title.
            scores[index] = 6
        elif line.kind == "title" or after_genre and line.kind == "unknown" and len(line.text.split()) >= 2:
            score = 2.0
            if line.text == line.text.upper():
                score += 1
            if after_genre:
                score += 3
            if index > last_apparatus:
                score += 1
            scores[index] = score
        after_genre = line.kind == "genre"
    return scores


def _with_num(line: list) -> list:
    """Mark the first number of a copy or number line as ``<num>``."""
    if not line or not isinstance(line[0], str):
        return line
    match = re.search(r"(?<![\w./-])\d+(?![\w./-]|\.\d)", line[0])
    if not match:
        return line
    text = line[0]
    value = str(int(match.group()))
    return merge([text[:match.start()], Node("num", {"value": value}, [match.group()]), text[match.end():]] + line[1:])


def _label_first(items: list) -> list:
    """Move a leading "Label:" into ``<label>``."""
    if items and isinstance(items[0], str):
        match = re.match(r"^\s*([A-Z][\w .’'-]{0,30}?:)(?=\s|$)", items[0])
        if match:
            return [Node("label", {}, [match.group(1)]), items[0][match.end():]] + items[1:]
    return items


def _split_trailing(line: Line) -> list | None:
    """A two-column line: the classification at its end in its own ``<seg>`` ("in the MPR Secret")."""
    if not line.items or not isinstance(line.items[-1], str):
        return None
    last = line.items[-1]
    match = TRAILING_CLASSIFICATION.search(last)
    if not match:
        return None
    group = "c" if match.group("c") is not None else "c2"
    if group == "c2" and len(line.items) > 1:
        return None
    start, end = match.start(group), match.end(group)
    return merge(line.items[:-1] + [last[:start], Node("seg", {"type": "classification"}, [last[start:end]]), last[end:]])


def _split_copy(items: list) -> list:
    """"Distributed with the SECRET. Copy Nº 6": the copy number in its own ``<seg>``."""
    if not items or not isinstance(items[-1], str):
        return [Node("seg", {"type": "classification"}, items)]
    last = items[-1]
    match = COPY.search(last)
    if not match or match.start() == 0:
        return [Node("seg", {"type": "classification"}, items)]
    head = merge(items[:-1] + [last[:match.start()].rstrip()])
    gap = last[len(last[:match.start()].rstrip()):match.start()]
    return [Node("seg", {"type": "classification"}, head), gap, Node("seg", {"type": "copy"}, _with_num([match.group()]))]


_SEG_TYPES = {"classification": "classification", "copy": "copy", "number": "number", "sender": "sender", "from": "sender",
              "addressee": "addressee", "distribution": "distribution", "form-line": "form-field", "field": "form-field",
              "typist": "typist", "attachment": "attachment", "end": "end"}


_INLINE_NUMBER = regex_pass(NUMBER_SIGN, lambda match: Node("seg", {"type": "number"}, _with_num([match.group()])))
#: Lines whose numbers are marked where they stand ("From: Washington No. 48866").
_WITH_INLINE_NUMBERS = frozenset({"from", "field", "sender", "addressee", "form-line", "attachment", "distribution", "unknown"})


def encode_line(line: Line) -> list:
    """The TEI of one opener or closing line (a list of items; no line break)."""
    kind, items = line.kind, line.items
    if kind in _WITH_INLINE_NUMBERS:
        items = map_text(items, _INLINE_NUMBER, frozenset({"seg", "stamp", "note", "date", "num"}))
    if kind == "classification":
        text = line.text
        if CLASSIFICATION.match(text) and COPY.search(text) is None:
            return [Node("seg", {"type": "classification"}, items)]
        return _split_copy(items)
    if kind == "copy":
        found = COPY.search(line.text)
        if found and found.start() > 0:
            return _split_copy(items)
        return [Node("seg", {"type": "copy"}, _with_num(items))]
    if kind in ("number", "registration"):
        return [Node("seg", {"type": "number"}, _with_num(items))]
    if kind == "year" and len(items) == 1 and isinstance(items[0], str):
        year = re.match(r"\s*(\d{4})", items[0])
        return [Node("dateline", {}, [Node("date", {"when": year.group(1)}, [items[0].strip()])])]
    if kind == "dateline":
        return [Node("dateline", {}, items)]
    if kind in ("salute", "closing-salute"):
        return [Node("salute", {}, items)]
    if kind in ("field", "form-line", "distribution", "attachment", "addressee", "from"):
        return [Node("seg", {"type": _SEG_TYPES[kind]}, _label_first(items))]
    if kind in _SEG_TYPES:
        return [Node("seg", {"type": _SEG_TYPES[kind]}, items)]
    if kind == "classification-first" and items and isinstance(items[0], str):
        found = LEADING_CLASSIFICATION.match(items[0])
        if found:
            return merge([Node("seg", {"type": "classification"}, [found.group("c")]), items[0][found.end():]] + items[1:])
    if kind == "unknown":
        split = _split_trailing(line)
        if split is not None:
            return split
    return items


_ADDRESS_LINE = re.compile(r"^[A-Z][^.;:!?]{0,80}[,:]$|^[A-Z][^;:!?]{0,60}\.-?$")


def _mark_addresses(lines: list[Line]) -> None:
    """Address blocks of the opener: the lines of a To:/From: block, comma-ended address lines, and the short
    lines just before a salutation ("President Rajendra Prasad / The Republic of India / Your Excellency:")."""
    for index, line in enumerate(lines):
        if line.kind in ("addressee", "from"):
            kind = line.kind
            for follower in lines[index + 1:index + 5]:
                if follower.kind in ("unknown", "title", "sender") and len(follower.text.split()) <= 10 \
                        and not follower.text.endswith(("?", "!")):
                    follower.kind, follower.strength = kind, 0.5
                else:
                    break
        elif line.kind == "salute":
            back = index - 1
            while back >= 0 and index - back <= 4 and lines[back].kind in ("unknown", "title", "sender") \
                    and len(lines[back].text.split()) <= 10:
                lines[back].kind, lines[back].strength = "addressee", 0.5
                back -= 1
    # "Secretary, / Department of External Affairs, / Dublin, Ireland.": lines ending with commas.
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].kind in ("unknown", "title", "sender", "role") \
                and lines[end].text.endswith(",") and len(lines[end].text.split()) <= 8:
            end += 1
        if end > index and end < len(lines) and _ADDRESS_LINE.match(lines[end].text) and len(lines[end].text.split()) <= 8:
            for line in lines[index:end + 1]:
                line.kind, line.strength = "addressee", 0.5
            index = end + 1
        else:
            index += 1
    # A short line of names ending with a colon, alone: the addressees of a report.
    for line in lines:
        if line.kind in ("unknown", "title") and line.text.endswith(":") and len(line.text.split()) <= 6 \
                and not re.search(r"\s\S+:\s", line.text):
            line.kind, line.strength = "addressee", 0.5


def build_opener(lines: list[Line]) -> list:
    """The opener zone as document children: ``<head>``s and ``<opener>``s, in the order of the source."""
    _mark_addresses(lines)
    scores = _title_scores(lines)
    if not scores:
        # No title but the genre line ("Record of Conversation"): the genre is the title.
        scores = {i: 1.0 for i, line in enumerate(lines) if line.kind == "genre"}
    main = max(scores, key=lambda i: (scores[i], -i)) if scores else None
    out: list = []
    opener: list = []

    def flush():
        if opener:
            out.append(Node("opener", {}, merge(opener)))
            opener.clear()

    previous_kind = None
    for index, line in enumerate(lines):
        head_type = None
        if index == main:
            head_type = "main"
        elif line.kind == "genre" and index not in scores:
            head_type = "genre"
        elif index in scores or previous_kind in ("title-main", "title-sub") and _continues(line):
            head_type = "sub"
        if not head_type and out and not opener and isinstance(out[-1], Node) and out[-1].tag == "head" \
                and out[-1].attrib.get("type") != "genre" and _joins_title(lines[index - 1], line):
            head_type = "join"
        if head_type == "join" or head_type and out and not opener and isinstance(out[-1], Node) and out[-1].tag == "head" \
                and out[-1].attrib.get("type") != "genre" and _joins_title(lines[index - 1], line):
            # One title over several lines ("RECORD OF CONVERSATION WITH PRIME MINISTER / OF THE MPR c. TSEDENBAL").
            out[-1].children = merge(out[-1].children + [Node("lb")] + line.items)
            if line.kind in ("unknown", "title", "name", "sender"):
                line.kind = "title (continued)"
            continue
        if head_type:
            flush()
            items = _label_first(line.items) if line.kind == "subject" else line.items
            out.append(Node("head", {"type": head_type}, items))
            previous_kind = f"title-{head_type}"
            line.kind = f"title ({head_type})" if line.kind == "unknown" else line.kind
            continue
        previous_kind = line.kind
        encoded = encode_line(line)
        if opener and not _ends_with_block(opener) and not _is_block(encoded):
            opener.append(Node("lb"))
        opener.extend(encoded)
    flush()
    return out


_JOINING_WORDS = re.compile(r"^(?:of|with|on|about|between|for|to|from|in|concerning|regarding|and|by|at)\b", re.IGNORECASE)


def _joins_title(previous: Line, line: Line) -> bool:
    """Whether ``line`` continues the title on the line before: no sentence end there, and this line begins
    with a joining word or in lower case, or the title so far ends with one ("from the journal of / V. I. PELISHENKO")."""
    if previous.text.endswith((".", "!", "?", ";", ":")) or line.kind in ("dateline", "number", "copy", "classification",
                                                                               "subject", "genre", "salute", "addressee"):
        return False
    if len(line.text.split()) > 30:
        return False
    return bool(_JOINING_WORDS.match(line.text)) or line.text[:1].islower() \
        or bool(re.search(r"\b(?:of|with|and|the|for|to|on|between)$", previous.text, re.IGNORECASE))


def _continues(line: Line) -> bool:
    """A title's next line: short, no sentence end, starting in lower case."""
    words = line.text.split()
    return 0 < len(words) <= 15 and line.text[-1] not in ".:;!?" and line.text[0].islower()


def _is_block(items: list) -> bool:
    return len(items) == 1 and isinstance(items[0], Node) and items[0].tag in ("dateline", "salute", "signed")


def _ends_with_block(items: list) -> bool:
    return bool(items) and isinstance(items[-1], Node) and items[-1].tag in ("dateline", "salute", "signed")


# -------------------------------------------------------------- the closing

_SIGNED_KINDS = frozenset({"signed", "name", "role"})
_SIGNATURE_START = frozenset({"signed", "name", "role", "sender"})


def _person(items: list) -> list:
    """The name in a signature line as ``<persName>`` (after a signature gap, in parentheses, or the whole line)."""
    for index, item in enumerate(items):
        if isinstance(item, Node) and item.tag == "gap":
            rest = merge(items[index + 1:])
            before = merge(items[:index])
            if before and any(isinstance(i, str) and i.strip() for i in before):
                before = [Node("roleName", {}, _strip_items(before)), _trailing_space(before)]
            return merge(before + [item] + _person(rest)) if rest else items
    if len(items) == 1 and isinstance(items[0], str) and _PAREN_NAME.search(items[0]) and " " in items[0].strip()[:-1] \
            and not items[0].lstrip().startswith("("):
        text = items[0]
        found = _PAREN_NAME.search(text)
        return [Node("roleName", {}, [text[:found.start()].rstrip()]), text[len(text[:found.start()].rstrip()):found.start()],
                "(", Node("persName", {}, [found.group().strip("().")]), text[found.start() + 1 + len(found.group().strip("().")):]]
    if len(items) == 1 and isinstance(items[0], str):
        text = items[0]
        match = re.match(r"^(\s*(?:(?:Signed|Sgd\.?|Signature)\s*[:.]?\s*)?\(?)(.*?)(\)?\.?\s*)$", text, re.IGNORECASE)
        if match and match.group(2):
            return merge([match.group(1), Node("persName", {}, [match.group(2)]), match.group(3)])
    content = _strip_items(items)
    if content and any(isinstance(i, Node) and i.tag in ("supplied",) for i in content) and len(text_of(content).split()) <= 4:
        return [Node("persName", {}, items)]
    return items


def _strip_items(items: list) -> list:
    out = list(items)
    if out and isinstance(out[-1], str):
        out[-1] = out[-1].rstrip()
    return merge(out)


def _trailing_space(items: list) -> str:
    last = items[-1] if items and isinstance(items[-1], str) else ""
    return last[len(last.rstrip()):]


def _dated_person(items: list) -> list:
    """"25.X.62 A. DOBRYNIN": the name after the date as ``<persName>``."""
    if len(items) == 1 and isinstance(items[0], str):
        match = re.match(r"^(.*\S)(\s+)((?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){1,3}[A-ZÀ-Ý][\w’'-]+)$", items[0])
        if match:
            return [match.group(1), match.group(2), Node("persName", {}, [match.group(3)])]
    return _person(items)


def _signed(lines: list[Line]) -> Node:
    children: list = []
    # Above a signature that names its signer ("[signature] (A. Verin)"), a short line is an office, not a name.
    named = next((i for i, line in enumerate(lines) if line.kind == "signed" and _PAREN_NAME.search(line.text)), None)
    for line in lines[:named] if named is not None else []:
        if line.kind == "name":
            line.kind = "role"
    for index, line in enumerate(lines):
        continues_role = index and line.kind == "sender" and lines[index - 1].kind in ("role", "sender") \
            and children and isinstance(children[-1], Node) and children[-1].tag == "roleName"
        if continues_role:
            children[-1].children = merge(children[-1].children + [Node("lb")] + line.items)
            continue
        if children:
            children.append(Node("lb"))
        if line.kind == "role":
            children.append(Node("roleName", {}, line.items))
        elif line.kind in ("name", "unknown"):
            children.extend(_person(line.items))
        else:
            children.extend(_dated_person(line.items))
    return Node("signed", {}, merge(children))


def _list_entries(lines: list[Line], start: int) -> int:
    """How many lines after a distribution heading are its entries."""
    count = 0
    for line in lines[start:]:
        if LIST_ENTRY.match(line.text) and line.kind not in ("signed", "dateline", "year") \
                or line.kind in ("name", "unknown", "sender") and len(line.text.split()) <= 6:
            count += 1
        else:
            break
    return count


_PAREN_NAME = re.compile(r"\((?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){0,3}[A-ZÀ-Ý][\w’'-]+\)\.?$")


def _continues_signature(block: list[Line], line: Line, separated: bool) -> bool:
    """Whether ``line`` belongs to the signature block so far (a blank line starts the next signer)."""
    if separated and line.group != block[-1].group and any(l.kind == "signed" for l in block):
        return False
    if line.kind == "signed" and any(l.kind == "signed" for l in block):
        return False
    # An office line under a job title ("ATTACHE OF THE SOVIET / EMBASSY IN THE DPRK") is the title's.
    if line.kind == "sender" and block[-1].kind in ("role", "sender") and not any(l.kind == "signed" for l in block):
        return True
    return line.kind in _SIGNED_KINDS or line.kind == "unknown" and bool(_PAREN_NAME.search(line.text))


def build_closing(lines: list[Line], footnote_ids: dict[str, str], separated: bool = False) -> Node:
    """The closing zone as one ``<closer>``: signatures, datelines, salutes, apparatus lines, footnote texts."""
    children: list = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind in _SIGNED_KINDS:
            end = index + 1
            while end < len(lines) and _continues_signature(lines[index:end], lines[end], separated):
                end += 1
            block = lines[index:end]
            encoded = [_signed(block)]
            index = end
        elif line.kind in ("distribution", "attachment") and line.text.rstrip().endswith((":", "by")) \
                or line.kind == "distribution" and _list_entries(lines, index + 1) >= 2 and len(line.text.split()) <= 4:
            count = _list_entries(lines, index + 1)
            items = [Node("item", {}, entry.items) for entry in lines[index + 1:index + 1 + count]]
            seg = Node("seg", {"type": line.kind}, _label_first(line.items) + ([Node("list", {}, items)] if items else []))
            encoded = [seg]
            for entry in lines[index + 1:index + 1 + count]:
                entry.kind, entry.strength = "distribution-entry", 1.0
            index += 1 + count
        elif line.kind == "footnote-text":
            marker = next((i for i in line.items if isinstance(i, Node) and i.tag == "note"), None)
            leading = re.match(r"\s*(\d{1,3})\.\s", line.text)
            # Unnumbered footnotes (a back-link ↩) are counted in their order: *1, *2 …
            number = marker.attrib.get("n", "") if marker is not None else leading.group(1) if leading \
                else f"*{sum(1 for key in footnote_ids if key.startswith('*')) + 1}"
            ident = f"fn-{_slug(number)}"
            footnote_ids[number] = ident
            encoded = [Node("note", {"type": "footnote", "place": "bottom", "resp": "#translator", "n": number,
                                     "xml:id": ident}, line.items)]
            index += 1
        else:
            encoded = encode_line(line)
            index += 1
        if children and not _ends_with_block(children) and not _is_block(encoded) and not _ends_with_list(children):
            children.append(Node("lb"))
        children.extend(encoded)
    return Node("closer", {}, merge(children))


def _ends_with_list(items: list) -> bool:
    last = items[-1] if items else None
    return isinstance(last, Node) and last.tag == "seg" and bool(last.children) and isinstance(last.children[-1], Node) \
        and last.children[-1].tag == "list"


def _slug(text: str) -> str:
    return re.sub(r"[^\w-]", "-", text) or "x"


def zone_report(lines: list[Line]) -> list[tuple[int, str, str, float, str]]:
    """(group, zone, class, strength, text) of every opener and closing line, for the report."""
    return [(line.number, line.zone, line.kind, line.strength, line.text) for line in lines if line.zone != "body"]


__all__ = ["Line", "find_zones", "build_opener", "build_closing", "encode_line", "zone_report", "BOTH", "LIST_ENTRY"]
