"""Linking translator's notes to the passages a later reader marked.

A note such as "the previous two sentences were highlighted in the left
margin with two vertical lines" names an extent (which passage) and a kind of
mark (which ``@rend``). Each (extent, kind) becomes a ``<hi hand="#reader1"
resp="#encoder">`` around exactly that passage, and the note's ``@target``
points at it. Extents the plain text can no longer show ("the underlined
portion", "the second half of this paragraph") get the smallest passage that
surely contains them — the paragraph up to the note — and ``cert="low"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Node, text_of, wrap
from .sentences import Flat, sentence_starts

from ..vocabulary import READER_MARKS  # the closed @rend values of teikit.rnc, their one home

_EXTENTS = [
    (r"(?:first|second|last|latter|other) half(?: of (?:this|the|that) (?:paragraph|sentence|passage))?", ("paragraph", 0), True),
    (r"(?:end|beginning|start|middle) of (?:this|the|that) (?:paragraph|passage)", ("paragraph", 0), True),
    (r"(?:underlined |marked )?(?:portion|part|passage|section)(?: underlined(?: above)?)?", ("paragraph", 0), True),
    (r"(?:previous|preceding|last|above|these) (?:two|2) sentences", ("sentences", 2), False),
    (r"(?:previous|preceding|last|above|these) (?:three|3) sentences", ("sentences", 3), False),
    (r"(?:previous|preceding|last|this|above) sentence", ("sentences", 1), False),
    (r"(?:last|previous|preceding|above) (?:quote|quotation|citation)", ("quote", 0), False),
    (r"(?:previous|preceding|this|whole|entire|above|the) paragraph", ("paragraph", 0), False),
]
_KINDS = [
    (r"\b(?:two|double|2)(?: vertical)? lines?\b|\bdouble line\b", "margin-double-line"),
    (r"\bquestion mark\b", "margin-query"),
    (r"\bexclamation (?:point|mark)\b", "margin-exclamation"),
    (r"\b(?:single |one |a |an additional |additional )?(?:vertical )?line\b", "margin-line"),
    (r"\bunderlined\b", "underline"),
]
assert {rend for _, rend in _KINDS} < set(READER_MARKS), "a mark kind that teikit.rnc does not have"
_EXTENT = re.compile("|".join(f"(?P<e{i}>{p})" for i, (p, _, _) in enumerate(_EXTENTS)), re.IGNORECASE)
_KIND = re.compile("|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(_KINDS)), re.IGNORECASE)
_DESCRIBES_MARK = re.compile(r"\b(?:highlighted|marked|underlined|lines?|question mark|exclamation)\b", re.IGNORECASE)


@dataclass
class Mark:
    """One mark a note describes: which passage, which @rend, whether the extent is certain."""

    extent: tuple[str, int]
    rend: str
    uncertain: bool


def describe(note_text: str) -> list[Mark]:
    """The marks a translator's note describes, outermost first; [] if it describes none."""
    if not _DESCRIBES_MARK.search(note_text):
        return []
    referents = []
    taken = []  # words that name the passage ("the underlined portion") are not marks
    for match in _EXTENT.finditer(note_text):
        index = int(match.lastgroup[1:])
        referents.append((match.start(), _EXTENTS[index][1], _EXTENTS[index][2]))
        taken.append(range(match.start(), match.end()))
    if not referents:
        referents = [(0, ("paragraph", 0), True)]
    kinds: dict[int, list[str]] = {i: [] for i in range(len(referents))}
    for match in _KIND.finditer(note_text):
        if any(match.start() in span for span in taken):
            continue
        rend = _KINDS[int(match.lastgroup[1:])][1]
        owner = max((i for i, r in enumerate(referents) if r[0] < match.start()), default=0)
        if rend not in kinds[owner]:
            kinds[owner].append(rend)
    marks = []
    for i, (_, extent, uncertain) in enumerate(referents):
        for rend in kinds[i] or ["margin-mark"]:
            marks.append(Mark(extent, rend, uncertain))
    size = {"paragraph": 100, "sentences": 10, "quote": 1}
    return sorted(marks, key=lambda m: -(size[m.extent[0]] + m.extent[1]))


def _end_before(items: list, stop: int) -> tuple[int, int] | None:
    """The position after the last non-space character before index ``stop``."""
    for index in range(stop - 1, -1, -1):
        item = items[index]
        if isinstance(item, str):
            if item.rstrip():
                return index, len(item.rstrip())
        else:
            return index + 1, 0
    return None


def _span(items: list, stop: int, extent: tuple[str, int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    end = _end_before(items, stop)
    if end is None:
        return None
    kind, count = extent
    if kind == "quote":
        for index in range(stop - 1, -1, -1):
            item = items[index]
            if isinstance(item, Node) and item.tag in ("quote", "cit"):
                return (index, 0), (index + 1, 0)
        kind = "paragraph"
    flat = Flat(items)
    end_flat = flat.index_of(end)
    last = len(flat.text[:end_flat].rstrip())  # a sentence must hold something before the end
    starts = [s for s in sentence_starts(flat) if s < last]
    if not starts:
        return None
    start = starts[0] if kind == "paragraph" else starts[max(0, len(starts) - count)]
    return flat.position(start), end


def _single_hi(items: list, span) -> bool:
    """Whether ``span`` is exactly one existing ``<hi>``."""
    (start_index, start_offset), (end_index, end_offset) = span
    if start_offset or end_offset or end_index != start_index + 1:
        return False
    item = items[start_index]
    return isinstance(item, Node) and item.tag == "hi"


class Linker:
    """Numbers translator's notes, wraps the passages they describe, fills ``@target``."""

    def __init__(self):
        self.previous: Node | None = None
        self.marks = 0
        self.notes = 0
        self.unsure: list[str] = []
        self.unlinked: list[str] = []
        #: One line per mark for the report: which note, which passage, which @rend.
        self.links: list[str] = []

    def link(self, container: Node, previous: Node | None = None) -> None:
        """Process every translator's note among ``container``'s children, in order.

        ``previous`` is the paragraph before ``container``: a note standing at
        the very start of its paragraph describes that one.
        """
        self.previous = previous
        index = 0
        while index < len(container.children):
            item = container.children[index]
            if isinstance(item, Node) and item.tag == "note" and item.attrib.get("type") == "translator":
                self.notes += 1
                item.attrib["n"] = str(self.notes)
                index = self._link_note(container, index, item)
            index += 1

    def _link_note(self, container: Node, index: int, note: Node) -> int:
        note_text = text_of(note.children)
        ids = []
        target_list, stop = container, index
        for mark in describe(note_text):
            span = _span(target_list.children, stop, mark.extent)
            if span is None and target_list is container and self.previous is not None:
                target_list, stop = self.previous, len(self.previous.children)
                span = _span(target_list.children, stop, mark.extent)
            # A sentence or quotation inside a passage already marked: mark it inside that <hi>.
            while span is not None and mark.extent[0] != "paragraph" and _single_hi(target_list.children, span):
                target_list = target_list.children[span[0][0]]
                stop = len(target_list.children)
                span = _span(target_list.children, stop, mark.extent)
            if span is None:
                break
            self.marks += 1
            attrib = {"rend": mark.rend, "hand": "#reader1", "resp": "#encoder"}
            if mark.uncertain:
                attrib["cert"] = "low"
            attrib["xml:id"] = f"mark-{self.marks}"
            target_list.children, hi = wrap(target_list.children, span[0], span[1], Node("hi", attrib))
            ids.append(f"#mark-{self.marks}")
            where = f"line {note.line}: " if note.line else ""
            passage = " ".join(text_of(hi.children).split())
            passage = passage if len(passage) <= 60 else passage[:28] + " … " + passage[-28:]
            extent = {"sentences": f"{mark.extent[1]} sentence(s)", "quote": "the last quotation",
                      "paragraph": "the paragraph"}[mark.extent[0]]
            self.links.append(f"{where}note {self.notes} -> #mark-{self.marks} rend={mark.rend} ({extent}"
                              f"{', cert=low' if mark.uncertain else ''}): {passage}")
            if mark.uncertain and not any(line.startswith(f"{where}note {self.notes}:") for line in self.unsure):
                self.unsure.append(f"{where}note {self.notes}: “{note_text.strip()}” — extent not locatable, "
                                   "the paragraph up to the note is marked with cert=\"low\"")
            target_list, stop = hi, len(hi.children)
        if ids:
            note.attrib["target"] = " ".join(ids)
        elif describe(note_text):
            self.unlinked.append(f"line {note.line}: note {self.notes}: no passage before it to mark")
        # Wrapping split strings before the note: find it again (nodes compare by identity).
        return next(i for i, child in enumerate(container.children) if child is note)
