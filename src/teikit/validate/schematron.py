"""Run an ISO Schematron schema through saxonche and return findings with lines.

The schema is compiled to XSLT 3.0 (:mod:`.schematron_compile`) once per
process and per file, then applied to each parsed document. The stylesheet
reports each node by its XPath ``path()``; the path is walked back through
the lxml tree, whose elements know their ``sourceline``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..xslt import Stylesheet
from .finding import Finding, severity_of_role
from .schematron_compile import OUT_NS, compile_schematron

_XSL = "{http://www.w3.org/1999/XSL/Transform}"

_STEP = re.compile(
    r"/(?:Q\{(?P<uri>[^}]*)\}(?P<local>[^/\[]+)\[(?P<pos>\d+)\]"
    r"|(?P<other>@(?:Q\{[^}]*\})?[^/]+|text\(\)\[\d+\]|comment\(\)\[\d+\]|processing-instruction\([^)]*\)\[\d+\]))"
)


def line_of_path(root: etree._Element, path: str) -> int:
    """The source line of the node that the XPath ``path()`` result names.

    Attributes and text nodes report the line of their element; a path that
    cannot be followed reports the deepest element reached.
    """
    line = 1
    if not path.startswith("/Q{"):
        return line
    current = None
    for match in _STEP.finditer(path):
        if match.group("other"):
            break
        tag = f"{{{match.group('uri')}}}{match.group('local')}" if match.group("uri") else match.group("local")
        position = int(match.group("pos"))
        if current is None:
            if root.tag != tag:
                break
            current = root
        else:
            children = [child for child in current if child.tag == tag]
            if position > len(children):
                break
            current = children[position - 1]
        line = current.sourceline or line
    return line


@lru_cache(maxsize=8)
def _compiled(path: str, mtime: float, phase: str | None) -> tuple[Stylesheet, frozenset[str]]:
    # Compiled from memory: an error names the user's schema, not a generated file.
    source = compile_schematron(path, phase)
    top = etree.fromstring(source.encode("utf-8"))
    declared = frozenset(e.get("name") for e in top.iterfind(f"{_XSL}param"))
    try:
        return Stylesheet(path, text=source), declared
    except TeikitError as err:
        raise type(err)(f"the rules of this Schematron schema do not compile: {err.message}", path) from None


def _root(tree: etree._ElementTree | etree._Element) -> etree._Element:
    return tree.getroot() if isinstance(tree, etree._ElementTree) else tree


def _read(result: str, name: str) -> etree._Element:
    try:
        return etree.fromstring(result.encode("utf-8"))
    except etree.XMLSyntaxError as err:  # only if the generated stylesheet is broken
        raise TeikitError(f"Schematron produced unreadable output: {err}", name) from None


class SchematronChecker:
    """One Schematron schema, compiled once, applied to many trees."""

    def __init__(self, path: str | os.PathLike, phase: str | None = None):
        """``phase``: the phase to run (default: the schema's defaultPhase, else every pattern)."""
        self.path = Path(path)
        try:
            mtime = self.path.stat().st_mtime
        except OSError:
            mtime = 0.0
        self._stylesheet, self.parameters = _compiled(str(self.path), mtime, phase)

    def check(self, tree: etree._ElementTree, name: str, params: Mapping[str, str] | None = None) -> list[Finding]:
        """Findings of every failed assert and successful report in ``tree``.

        ``params`` set the schema's schema-level ``let`` variables by name.
        """
        try:
            result = self._stylesheet.transform(tree, params=self._known(params), name=name)
        except TeikitError as err:
            # A rule that fails at run time on this document (say, a cast of a
            # malformed date) is a finding about the document, not the end of the run.
            # (an element beyond what Saxon's parser accepts is named by its line)
            line = err.line or _root(tree).sourceline or 1
            message = f"Schematron rules could not be evaluated: {err.message}"
            return [Finding(name, line, 0, "error", message, "schematron-dynamic-error")]
        return self._findings(_root(tree), name, _read(result, name))

    def _known(self, params: Mapping[str, str] | None) -> dict[str, str]:
        # Only the parameters the schema declares (its schema-level lets) are passed.
        return {key: value for key, value in (params or {}).items() if key in self.parameters}

    def _findings(self, root: etree._Element, name: str, findings_root: etree._Element) -> list[Finding]:
        findings = []
        for item in findings_root.iter(f"{{{OUT_NS}}}f"):
            text = " ".join("".join(part.itertext()) for part in item)
            message = " ".join(text.split())
            findings.append(
                Finding(
                    path=name,
                    line=line_of_path(root, item.get("path", "")),
                    column=0,
                    severity=severity_of_role(item.get("role")),
                    message=message or f"{item.get('kind')} failed",
                    rule=item.get("rule", ""),
                )
            )
        return findings
