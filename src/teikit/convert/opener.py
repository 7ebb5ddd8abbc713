"""The opener zone's TEI: ``<head>``s (title, genre, subtitles) and ``<opener>``s, in the order of the source.

The title is chosen across the opener by evidence: a subject line, else the
line after the genre line, else the strongest title-like line after the
classification and number lines, never a number, a reference code or a
classification; a title over several lines is one ``<head>`` with ``<lb/>``.
Address blocks are found around To:/From: lines, comma-ended lines and the
lines before a salutation.
"""

from __future__ import annotations

import re

from .lineclasses import CONTINUATION, TRAILING_CLASSIFICATION
from .encode_lines import encode_line, ends_with_block, genre_with_number, is_block, label_first
from .model import Node, merge
from .zones import Line

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
        elif line.kind in ("genre", "genre-number") and following is not None and (_continues(following) or following.text[:1].islower()
                                                                 and CONTINUATION.match(following.text)):
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
        after_genre = line.kind in ("genre", "genre-number")
    return scores


_ADDRESS_LINE = re.compile(r"^[A-Z][^.;:!?]{0,80}[,:]$|^[A-Z][^;:!?]{0,60}\.-?$")


_ADDRESS_START = re.compile(r"^(?:His|Her|Their|Your) (?:Excellency|Excellencies|Majesty|Highness)\b|^The Hon(?:ou)?rable\b")
#: Classes an address line may have been given on its own (an office, a title, a name).
_ADDRESS_KINDS = ("unknown", "title", "sender", "role", "name")


def mark_address_blocks(lines: list[Line]) -> None:
    """Postal address blocks, in the opener or below a letter's signature: lines ending with commas and a last
    line ("Secretary, / Department of External Affairs, / Dublin, Ireland."), from "His Excellency" on."""
    index = 0
    while index < len(lines):
        end = index + 1 if _ADDRESS_START.match(lines[index].text) else index
        while end < len(lines) and lines[end].kind in _ADDRESS_KINDS \
                and lines[end].text.endswith(",") and len(lines[end].text.split()) <= 8:
            end += 1
        if end > index and end < len(lines) and lines[end].kind in _ADDRESS_KINDS \
                and _ADDRESS_LINE.match(lines[end].text) and len(lines[end].text.split()) <= 8:
            for line in lines[index:end + 1]:
                line.kind, line.strength = "addressee", 0.5
            index = end + 1
        else:
            index += 1


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
    mark_address_blocks(lines)
    # "Embassy of the Polish People's Republic / in Beijing": an office's next line.
    for previous, line in zip(lines, lines[1:]):
        if previous.kind == "sender" and line.kind in ("unknown", "title") and line.text[:1].islower() \
                and CONTINUATION.match(line.text) and len(line.text.split()) <= 6 and not TRAILING_CLASSIFICATION.search(line.text):
            line.kind, line.strength = "sender", 0.5
    # A short line of names ending with a colon, alone: the addressees of a report.
    for line in lines:
        # ("Agenda:" alone is a heading word, not a name: a name has two parts.)
        if line.kind in ("unknown", "title") and line.text.endswith(":") and len(line.text.split()) <= 6 \
                and not re.search(r"\s\S+:\s", line.text) and re.search(r"[A-Z][\w’'.]*[\s-][A-Z]", line.text):
            line.kind, line.strength = "addressee", 0.5


def build_opener(lines: list[Line]) -> list:
    """The opener zone as document children: ``<head>``s and ``<opener>``s, in the order of the source."""
    _mark_addresses(lines)
    scores = _title_scores(lines)
    if not scores:
        # No title but the genre line ("Record of Conversation"): the genre is the title.
        scores = {i: 1.0 for i, line in enumerate(lines) if line.kind in ("genre", "genre-number")}
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
        elif line.kind in ("genre", "genre-number") and index not in scores:
            head_type = "genre"
        elif index in scores or previous_kind in ("title-main", "title-sub") and _continues(line) \
                and line.kind in ("unknown", "title"):
            head_type = "sub"
        after_title = out and not opener and isinstance(out[-1], Node) and out[-1].tag == "head" \
            and out[-1].attrib.get("type") != "genre"
        if after_title and _joins_title(lines[index - 1], line):
            # One title over several lines ("RECORD OF CONVERSATION WITH PRIME MINISTER / OF THE MPR c. TSEDENBAL").
            out[-1].children = merge(out[-1].children + [Node("lb")] + line.items)
            if line.kind in ("unknown", "title", "name", "sender"):
                line.kind = "title (continued)"
            continue
        if head_type:
            flush()
            items = label_first(line.items) if line.kind == "subject" else \
                genre_with_number(line.items) if line.kind == "genre-number" else line.items
            out.append(Node("head", {"type": head_type}, items))
            previous_kind = f"title-{head_type}"
            line.kind = f"title ({head_type})" if line.kind == "unknown" else line.kind
            continue
        previous_kind = line.kind
        encoded = encode_line(line)
        if opener and not ends_with_block(opener) and not is_block(encoded):
            opener.append(Node("lb"))
        opener.extend(encoded)
    flush()
    return out


_JOINING_WORDS = re.compile(r"^(?:of|with|on|about|between|for|to|from|in|concerning|regarding|and|by|at)\b", re.IGNORECASE)


def _joins_title(previous: Line, line: Line) -> bool:
    """Whether ``line`` continues the title on the line before: no sentence end there, and this line begins
    with a joining word or in lower case, or the title so far ends with one ("from the journal of / V. I. PELISHENKO")."""
    # Only a line of no stronger class can continue a title ("From: Hanoi" after a genre line is a field).
    if previous.text.endswith((".", "!", "?", ";", ":")) or line.kind not in ("unknown", "title", "name", "sender"):
        return False
    if len(line.text.split()) > 30:
        return False
    return bool(_JOINING_WORDS.match(line.text)) or line.text[:1].islower() \
        or bool(re.search(r"\b(?:of|with|and|the|for|to|on|between)$", previous.text, re.IGNORECASE))


def _continues(line: Line) -> bool:
    """A title's next line: short, no sentence end, starting in lower case."""
    words = line.text.split()
    return 0 < len(words) <= 15 and line.text[-1] not in ".:;!?" and line.text[0].islower()

