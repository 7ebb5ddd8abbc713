"""The closed value lists of teikit's TEI, read from their one source, ``schemas/teikit.rnc``.

Python code that needs a vocabulary (the converter's mark kinds, say) takes it
from here rather than keeping a copy; the stylesheets, the Typst template,
the CSS and the Schematron keep theirs in their own languages, and
``tests/contract/test_vocabulary.py`` checks that every copy has exactly
these values.
"""

from __future__ import annotations

import re
from functools import cache

from .bundled import data_dir

#: ``name = "a" | "b" | …`` in the compact syntax: a closed list of strings.
_CLOSED = re.compile(r'^([\w.]+)\s*=\s*("[^"\n]*"(?:\s*\|\s*"[^"\n]*")*)\s*$', re.MULTILINE)


@cache
def closed_lists() -> dict[str, tuple[str, ...]]:
    """Every closed value list of the grammar: pattern name → values, in the grammar's order."""
    text = (data_dir("schemas") / "teikit.rnc").read_text(encoding="utf-8")
    return {name: tuple(re.findall(r'"([^"]*)"', values)) for name, values in _CLOSED.findall(text)}


#: The @rend values of <hi>: a later reader's marks, and the original's emphasis.
MARK_RENDS = closed_lists()["mark.rend"]
#: "emphasis" is the original author's; every other @rend of <hi> is a later
#: reader's mark, which must say whose it is (@hand) and be described by a note.
READER_MARKS = tuple(r for r in MARK_RENDS if r != "emphasis")
#: The reader's marks drawn in the margin (the others stay in the line).
MARGIN_MARKS = tuple(r for r in MARK_RENDS if r.startswith("margin-"))
