"""Tagging persons, organizations and places from the register (the gazetteer).

The register is a TEI file whose ``<person>``, ``<org>`` and ``<place>``
entries list every form of a name as ``<persName>``/``<orgName>``/
``<placeName>`` children. Every form found in the text (longest first, whole
words, case as written) becomes a name element with ``@ref`` pointing at the
entry. A name the register does not hold is not tagged: nothing is invented.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..bundled import find_register  # noqa: F401 -- re-exported: part of this module's API
from .. import TEI_NS
from ..errors import TeikitError
from ..xmlparse import parse_file
from .model import Node, map_text, regex_pass, text_of, walk

NS = {"tei": TEI_NS}
_KINDS = {"person": "persName", "org": "orgName", "place": "placeName"}
#: Where names are never tagged: corrections, labels, descriptions, titles, names.
SKIP = frozenset({"sic", "corr", "desc", "label", "title", "date", "num", "persName", "orgName", "placeName", "abbr"})
#: The bundled edition's register, used when none sits next to the source.


@dataclass
class Register:
    """Name forms → (element name, entry id); ``href`` is how TEI files refer to the register."""

    forms: dict[str, tuple[str, str]]
    href: str = "register.xml"

    @property
    def places(self) -> frozenset:
        """The place names the register knows (a line holding one is a dateline)."""
        return frozenset(form for form, (element, _) in self.forms.items() if element == "placeName")

    def __post_init__(self):
        self.pattern = re.compile(r"(?<![\w-])" + _trie_pattern(list(self.forms)) + r"(?![\w-])") if self.forms else None

    def tag(self, items: list) -> list:
        """Tag every register form in ``items`` (recursively, outside :data:`SKIP`)."""
        if self.pattern is None:
            return items
        # A name the layout already marked (a signer's <persName>) gets its entry when the register lists it whole.
        for node in walk(items):
            if node.tag in ("persName", "orgName", "placeName") and "ref" not in node.attrib:
                found = self.forms.get(text_of(node.children).strip())
                if found and found[0] == node.tag:
                    node.attrib["ref"] = f"{self.href}#{found[1]}"

        def make(match):
            element, ident = self.forms[match.group()]
            return Node(element, {"ref": f"{self.href}#{ident}"}, [match.group()])

        return map_text(items, regex_pass(self.pattern, make), SKIP)


def _trie_pattern(forms: list[str]) -> str:
    """One regex for many literal forms, sharing prefixes (a flat alternation is slow).

    At each branch longer continuations are tried first and the end of a form
    last, so the longest form wins ("Kim Il Sung" before "Kim Il").
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)


def load_register(path: str | os.PathLike, href: str = "register.xml") -> Register:
    """Read the register file at ``path`` (cached while the file is unchanged)."""
    resolved = Path(path).resolve()
    try:
        stat = resolved.stat()
    except OSError:
        raise TeikitError("no such file", str(path)) from None
    return _load(str(resolved), stat.st_mtime_ns, stat.st_size, href, str(path))


@lru_cache(maxsize=8)
def _load(path: str, mtime: int, size: int, href: str, name: str) -> Register:
    tree = parse_file(path)
    forms: dict[str, tuple[str, str]] = {}
    for kind, element in _KINDS.items():
        for entry in tree.iterfind(f".//tei:{kind}", NS):
            ident = entry.get("{http://www.w3.org/XML/1998/namespace}id")
            if not ident:
                raise TeikitError(f"<{kind}> without xml:id in the register", name, entry.sourceline)
            for name_element in entry.iterfind(f"tei:{element}", NS):
                form = " ".join("".join(name_element.itertext()).split())
                if form:
                    forms.setdefault(form, (element, ident))
    return Register(forms, href)

