"""RelaxNG validation with lxml, each schema compiled once per process."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..errors import UsageError
from ..xmlparse import Limits, parse_file
from .finding import Finding

#: Schemas such as tei_all.rng are large but trusted more than documents; allow them.
_SCHEMA_LIMITS = Limits(max_bytes=256 * 1024 * 1024, max_depth=400)


@lru_cache(maxsize=4)
def _compiled(path: str, mtime: float) -> etree.RelaxNG:
    # Compiling tei_all takes seconds: keyed by path and mtime so that it happens once per process.
    tree = parse_file(path, _SCHEMA_LIMITS)
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError as err:
        first = err.error_log[0] if len(err.error_log) else None
        line = first.line if first is not None else None
        raise UsageError(f"cannot use RelaxNG schema: {first.message if first else err}", path, line) from None


class RelaxNGChecker:
    """One RelaxNG schema (XML syntax), compiled once, applied to many trees."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path).resolve()
        if not self.path.is_file():
            raise UsageError(f"RelaxNG schema not found: {path}")
        self._schema = _compiled(str(self.path), self.path.stat().st_mtime)

    def check(self, tree: etree._ElementTree, name: str) -> list[Finding]:
        """One finding per error that libxml2 reports."""
        if self._schema.validate(tree):
            return []
        findings = []
        for entry in self._schema.error_log:
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
