"""RelaxNG validation with lxml: small schemas compiled once per process, large ones cut per document.

libxml2 needs 10 s and more to compile a schema the size of tei_all, in every
process. For such a schema each document is validated against the part of it
that the document's names can reach (:mod:`.prune`, where the reasoning is),
compiled in milliseconds and kept for the run, so that the next document
with the same names (or fewer) reuses it.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..errors import UsageError
from ..xmlparse import Limits, parse_file
from .finding import Finding
from .prune import PRUNE_FROM_ELEMENTS, Grammar, Unsupported, document_names

#: Schemas such as tei_all.rng are large but trusted more than documents; allow them.
_SCHEMA_LIMITS = Limits(max_bytes=256 * 1024 * 1024, max_depth=400)

#: Cut schemas kept per run (each is small; a batch of similar documents needs few).
_KEEP = 64


def _compile(tree: etree._ElementTree, path: str) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError as err:
        first = err.error_log[0] if len(err.error_log) else None
        line = first.line if first is not None else None
        raise UsageError(f"cannot use RelaxNG schema: {first.message if first else err}", path, line) from None


@lru_cache(maxsize=4)
def _compiled(path: str, mtime: float) -> etree.RelaxNG:
    # Compiling tei_all whole takes seconds: keyed by path and mtime so that it happens once per process.
    return _compile(parse_file(path, _SCHEMA_LIMITS), path)


@lru_cache(maxsize=4)
def _grammar(path: str, mtime: float) -> Grammar | None:
    """The schema read for pruning, or None where the pruner does not apply."""
    try:
        return Grammar(parse_file(path, _SCHEMA_LIMITS).getroot())
    except (Unsupported, RecursionError):
        return None  # the whole schema is compiled instead (README: what falls back)


class RelaxNGChecker:
    """One RelaxNG schema (XML syntax) applied to many trees.

    ``prune`` None (the default) cuts the schema per document when it is large
    (at least :data:`~.prune.PRUNE_FROM_ELEMENTS` element patterns) and uses
    only constructs the pruner handles; True cuts any schema the pruner
    handles; False always compiles it whole.
    """

    def __init__(self, path: str | os.PathLike, *, prune: bool | None = None):
        self.path = Path(path).resolve()
        if not self.path.is_file():
            raise UsageError(f"RelaxNG schema not found: {path}")
        key = (str(self.path), self.path.stat().st_mtime)
        grammar = _grammar(*key) if prune is not False else None
        if grammar is not None and prune is None and grammar.element_count < PRUNE_FROM_ELEMENTS:
            grammar = None  # compiled whole in milliseconds, once
        self._grammar = grammar
        self._schema = _compiled(*key) if self._grammar is None else None
        self._cut: OrderedDict[tuple[frozenset[str], frozenset[str]], etree.RelaxNG] = OrderedDict()

    @property
    def prunes(self) -> bool:
        """Whether documents are checked against a schema cut for them."""
        return self._schema is None

    def _cut_for(self, names: tuple[frozenset[str], frozenset[str]]) -> etree.RelaxNG:
        schema = self._cut.get(names)
        if schema is None:
            try:
                schema = etree.RelaxNG(etree.fromstring(self._grammar.prune(*names)))
            except (Unsupported, RecursionError, etree.RelaxNGParseError):
                # A construct met in content read only now, patterns nested deeper than Python's calls
                # go, or (not expected) a cut libxml2 refuses: the whole schema either compiles, and is
                # used from now on, or says what is wrong with it.
                self._grammar, self._schema = None, _compiled(str(self.path), self.path.stat().st_mtime)
                return self._schema
            self._cut[names] = schema
            if len(self._cut) > _KEEP:
                self._cut.popitem(last=False)
        self._cut.move_to_end(names)
        return schema

    def _covering(self, names: tuple[frozenset[str], frozenset[str]]):
        """``(names, schema)`` of a schema already cut for these names or more (sound for them too; see .prune)."""
        if names in self._cut:
            return names, self._cut[names]
        elements, attributes = names
        for known, schema in reversed(self._cut.items()):
            if elements <= known[0] and attributes <= known[1]:
                return known, schema
        return None

    def check(self, tree: etree._ElementTree, name: str) -> list[Finding]:
        """One finding per error that libxml2 reports."""
        if self._schema is not None:
            schema = self._schema
        else:
            names = document_names(tree)
            covering = self._covering(names)
            if covering is not None and covering[0] != names and covering[1].validate(tree):
                return []
            # Errors always come from the schema cut for exactly this document's names, so a
            # document gets the same messages whatever was validated before it.
            schema = self._cut_for(names)
        if schema.validate(tree):
            return []
        findings = []
        for entry in schema.error_log:
            findings.append(
                Finding(
                    path=name,
                    line=entry.line or 1,
                    column=entry.column or 0,
                    severity="error",
                    message=entry.message.strip(),
                    rule="relaxng",
                )
            )
        return findings
