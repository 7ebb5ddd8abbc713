"""The validator: well-formedness, root, RelaxNG, then Schematron, for one document."""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from ..bundled import data_dir
from ..errors import TeikitError, UsageError
from ..teiroot import root_problem
from ..xmlparse import parse_file
from .finding import Finding
from .register import is_register, load_register_ids, referenced_ids, register_for
from .relaxng import RelaxNGChecker
from .schematron import SchematronChecker

#: The project's customization, shipped in ``schemas/`` beside the package or the repository.
SCHEMA_DIR = data_dir("schemas")
_DUPLICATE_ID = re.compile(r"\bID (\S+) already defined")
PROJECT_RNG = SCHEMA_DIR / "teikit.rng"
PROJECT_SCH = SCHEMA_DIR / "teikit.sch"


class Validator:
    """Validate TEI documents against one RelaxNG schema and one Schematron schema.

    With no arguments, the project's own ``teikit.rng`` and ``teikit.sch``.
    When either is given, only what is given runs (``--schema tei_all.rng``
    alone checks the grammar only). Both are compiled once, when the
    validator is made, and reused for every document; a large RelaxNG schema
    such as tei_all is instead cut for each document's names (``prune=False``
    compiles it whole; see :mod:`.relaxng`).

    Example::

        findings = Validator().validate_file("tei/soviet-embassy-dprk-1969-06-09.xml")
        errors = [f for f in findings if f.is_error]
    """

    def __init__(
        self,
        schema: str | os.PathLike | None = None,
        schematron: str | os.PathLike | None = None,
        *,
        register: str | os.PathLike | None = None,
        prune: bool | None = None,
        phase: str | None = None,
    ):
        if schema is None and schematron is None:
            schema, schematron = PROJECT_RNG, PROJECT_SCH
        self.relaxng = RelaxNGChecker(schema, prune=prune) if schema is not None else None
        if phase is not None and schematron is None:
            raise UsageError(f"--phase {phase}: no Schematron schema runs (--schema alone checks the grammar only)")
        self.schematron = SchematronChecker(schematron, phase) if schematron is not None else None
        self.register = Path(register) if register is not None else None
        if self.register is not None and not self.register.is_file():
            raise UsageError(f"register not found: {self.register}")

    def validate_file(self, path: str | os.PathLike, referenced: set[str] | None = None) -> list[Finding]:
        """Findings for the file at ``path``; a file that cannot be parsed gives one finding.

        ``referenced`` (for the register only) is the set of entry ids that the
        documents of the run point at; without it unused entries are not reported.
        """
        findings, _ = self.check_file(path, referenced)
        return findings

    def check_files(self, paths: list[str | os.PathLike]) -> list[tuple[list[Finding], set[str]]]:
        """:meth:`check_file` for many documents (not registers); the register is looked up once per folder."""
        outcomes = []
        for path in paths:
            tree, early = self.parse(path)
            if tree is None:
                outcomes.append((early, set()))
                continue
            outcomes.append((self.check_tree(tree, path), referenced_ids(tree)))
        return outcomes

    def check_tree(self, tree: etree._ElementTree, path: str | os.PathLike) -> list[Finding]:
        """Findings for a document read or converted from ``path``, register included.

        The one entry point of ``teikit validate`` and ``teikit build``: the
        register is the validator's, or the one beside ``path`` (its ids are
        cached while the file is unchanged), so both give the same verdict.
        """
        return self.validate_tree(tree, str(path), self._document_params(Path(path)))

    def _document_params(self, location: Path) -> dict[str, str]:
        ids = load_register_ids(register_for(location, self.register))
        return {"register-found": "yes" if ids is not None else "no", "register-ids": " ".join(ids or ())}

    def parse(self, path: str | os.PathLike) -> tuple[etree._ElementTree | None, list[Finding]]:
        name = str(path)
        try:
            return parse_file(path), []
        except TeikitError as err:
            # libxml2 refuses a repeated xml:id while parsing; name it by the rule it breaks.
            duplicate = _DUPLICATE_ID.search(err.message)
            if duplicate:
                finding = Finding(
                    err.path or name, err.line or 1, 0, "error",
                    f'xml:id "{duplicate.group(1)}" is used more than once; ids must be unique.', "teikit-id-unique",
                )
            else:
                finding = Finding(err.path or name, err.line or 1, 0, "error", err.message, "well-formed")
            return None, [finding]

    def check_file(self, path: str | os.PathLike, referenced: set[str] | None = None) -> tuple[list[Finding], set[str]]:
        """Findings for ``path`` and the register entries it points at."""
        tree, early = self.parse(path)
        if tree is None:
            return early, set()
        location = Path(path)
        if is_register(location, self.register):
            params = {
                "references-known": "yes" if referenced is not None else "no",
                "referenced-ids": " ".join(sorted(referenced or ())),
            }
        else:
            params = self._document_params(location)
        return self.validate_tree(tree, str(path), params), referenced_ids(tree)

    def validate_tree(self, tree: etree._ElementTree, name: str = "<input>", params: dict | None = None) -> list[Finding]:
        """Findings for a parsed tree.

        A tree has no folder to find its register in: the register given to the
        validator is used, and without one the register rules are skipped.
        ``params`` (set by :meth:`check_file`) override that.
        """
        if params is None and self.register is not None:
            params = self._document_params(Path(name))
        findings = self._before_schematron(tree, name)
        if findings and findings[0].rule == "teikit-root-namespace":
            return findings
        if self.schematron is not None:
            findings.extend(self.schematron.check(tree, name, params or {}))
        return _ordered(findings)

    def _before_schematron(self, tree: etree._ElementTree, name: str) -> list[Finding]:
        """The root check, then RelaxNG."""
        problem = root_problem(tree)
        if problem is not None:
            return [Finding(name, problem[1], 0, "error", problem[0], "teikit-root-namespace")]
        return self.relaxng.check(tree, name) if self.relaxng is not None else []


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.line, f.column, f.rule, f.message))
