"""The command lines that the README's quick start prints, read from the README itself.

The tests run exactly these lines, so the README cannot drift from what works.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The README text under ``## title`` up to the next ``## `` heading."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def code_blocks(text: str) -> list[list[str]]:
    """The indented (four-space) code blocks of ``text``, each as its lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.startswith("    ") and line.strip():
            current.append(line[4:])
        elif line.strip() or not current:
            if current:
                blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def quick_start_block(first_word: str) -> list[str]:
    """The quick start's code block whose first line starts with ``first_word``."""
    found = [b for b in code_blocks(section("Quick start")) if b[0].split()[0] == first_word]
    assert len(found) == 1, f"the quick start should have one block starting with {first_word!r}, has {len(found)}"
    return found[0]


def install_and_build() -> str:
    """The one line that installs teikit and builds the bundled edition."""
    (line,) = quick_start_block("python3")
    return line


def first_document() -> list[str]:
    """The walk-through of a first document, one command line each."""
    return quick_start_block("teikit")


def ci_test_command() -> str:
    """The test command that README's "Running the tests" names."""
    blocks = code_blocks(section("Running the tests"))
    assert blocks[0] == ["bash .ci/run"], "'Running the tests' should start with bash .ci/run"
    (line,) = blocks[1]
    return line
