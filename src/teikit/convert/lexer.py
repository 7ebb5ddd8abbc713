"""Blocks of lines, and the brackets inside them (with line and column).

A block is what becomes one paragraph-like unit. In a text that separates
paragraphs by blank lines a block is a run of non-blank lines; in a text
without blank lines every line is a block, except that a bracket left open at
the end of a line carries the block on until it closes (a stamp or a
handwritten note spans several lines), and a sentence wrapped at the end of
a line (no end punctuation, the next line in lower case) runs on into it. A
bracket that never closes, or a
closing bracket without an opening one, is kept as a literal character and
reported, so every word survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import TeikitError
from .model import Bracket, Node, merge
from .source import Line

#: How far a bracket left open at a line end may carry a block (no-blank-line texts).
MAX_CARRY = 12
#: Deeper nesting is refused: no real text nests brackets more than two or three levels.
MAX_DEPTH = 32


_BRACKETS = re.compile(r"[\[\]]")
_LABELLED_OPEN = re.compile(r"\[[^\[\]]{0,60}:[^\]]*$")
_CLOSES_BLOCK = re.compile(r"\][.,;:”\"’)]*$")


@dataclass
class Problem:
    """A warning about the source: unclosed or stray bracket, unsure conversion."""

    line: int
    message: str


@dataclass
class Block:
    """Consecutive source lines that form one unit, and their parsed content."""

    lines: list[Line]
    items: list = field(default_factory=list)

    @property
    def first_line(self) -> int:
        """The source line number where the block starts."""
        return self.lines[0].number


def _depth_change(text: str) -> int:
    return text.count("[") - text.count("]")


def split_blocks(lines: list[Line]) -> list[Block]:
    """Group the non-blank lines into blocks (see the module docstring)."""
    content = [line for line in lines if not line.blank]
    first, last = content[0].number, content[-1].number
    separated = any(line.blank and first < line.number < last for line in lines)
    if separated:
        blocks, run = [], []
        for line in lines:
            if line.blank:
                if run:
                    blocks.append(Block(run))
                run = []
            else:
                run.append(line)
        if run:
            blocks.append(Block(run))
        return _join_open_brackets(blocks)
    blocks = []
    index = 0
    while index < len(content):
        end = index + 1
        depth = _depth_change(content[index].text)
        if depth > 0:
            probe, running = index + 1, depth
            while probe < len(content) and probe - index <= MAX_CARRY:
                running += _depth_change(content[probe].text)
                probe += 1
                if running <= 0:
                    # Carried on only to a line that ends with the closing bracket, so that an
                    # unclosed bracket is not paired with an unrelated stray one.
                    if _CLOSES_BLOCK.search(content[probe - 1].text):
                        end = probe
                    break
        # A hard-wrapped sentence runs on into the next line: no end punctuation here, lower case there.
        while end < len(content) and end - index <= MAX_CARRY and _runs_on(content[end - 1].text, content[end].text):
            end += 1
        blocks.append(Block(content[index:end]))
        index = end
    return blocks


_RUNS_ON_END = re.compile(r"[\w,–—-]$")


def _runs_on(text: str, following: str) -> bool:
    """Whether a line without blank lines around it continues on the next one (a wrapped sentence)."""
    return bool(_RUNS_ON_END.search(text)) and following[:1].islower() and len(text.split()) >= 6 \
        and _depth_change(text) == 0


def _join_open_brackets(blocks: list[Block]) -> list[Block]:
    """Join a block whose bracket stays open to the following ones, when it closes within reach.

    A handwritten note may hold a blank line; its bracket closes a block or
    two later. Only a labelled insertion (``[handwritten:``, ``[… stamp:``)
    is carried on, and only to a block that ends with the closing bracket, so
    that an unclosed bracket and an unrelated stray one are never paired.
    Otherwise the block stays as it is and the bracket is reported.
    """
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        depth = sum(_depth_change(line.text) for line in blocks[index].lines)
        end = index + 1
        if depth > 0 and _LABELLED_OPEN.search("\n".join(line.text for line in blocks[index].lines)):
            probe, running = index + 1, depth
            while probe < len(blocks) and blocks[probe].first_line - blocks[index].lines[-1].number <= MAX_CARRY:
                running += sum(_depth_change(line.text) for line in blocks[probe].lines)
                probe += 1
                if running <= 0:
                    if _CLOSES_BLOCK.search(blocks[probe - 1].lines[-1].text):
                        end = probe
                    break
        out.append(Block([line for block in blocks[index:end] for line in block.lines]))
        index = end
    return out


def _unclosed(block: Block) -> set[tuple[int, int]]:
    """Where (line index, offset) the block's ``[`` that never close are.

    Found before parsing, so that an unclosed bracket is text from the start:
    any number of them is a warning each, and only brackets that do close
    count towards :data:`MAX_DEPTH`.
    """
    open_at: list[tuple[int, int]] = []
    for position, line in enumerate(block.lines):
        for found in _BRACKETS.finditer(line.text):
            if found.group() == "[":
                open_at.append((position, found.start()))
            elif open_at:
                open_at.pop()
    return set(open_at)


def parse_block(block: Block, problems: list[Problem], name: str = "<text>") -> list:
    """Parse the block's lines into strings, ``lb`` nodes and nested :class:`Bracket` objects."""
    root: list = []
    stack: list[Bracket] = []
    unclosed = _unclosed(block)
    left_open: list[Problem] = []

    def container() -> list:
        return stack[-1].children if stack else root

    for position, line in enumerate(block.lines):
        if position:
            container().append(Node("lb"))
        text = line.text
        start = 0
        for found in _BRACKETS.finditer(text):
            offset, char = found.start(), found.group()
            if char == "[" and (position, offset) in unclosed:
                # Kept as text; what it would have held stays in the parent.
                left_open.append(Problem(line.number, f"unclosed bracket at column {line.indent + offset + 1}; "
                                                      "kept as text"))
            elif char == "[":
                container().append(text[start:offset])
                if len(stack) >= MAX_DEPTH:
                    raise TeikitError(f"brackets nested deeper than {MAX_DEPTH} levels (column {line.indent + offset + 1})",
                                      name, line.number)
                stack.append(Bracket([], line.number, line.indent + offset + 1))
                start = offset + 1
            elif char == "]":
                container().append(text[start:offset])
                start = offset + 1
                if stack:
                    bracket = stack.pop()
                    bracket.end_line = line.number
                    bracket.children = merge(bracket.children)
                    container().append(bracket)
                else:
                    problems.append(Problem(line.number, f"stray closing bracket at column {line.indent + offset + 1}; kept as text"))
                    container().append("]")
        container().append(text[start:])
    # Reported innermost first, as a stack of open brackets would be unwound.
    problems.extend(reversed(left_open))
    return merge(root)
