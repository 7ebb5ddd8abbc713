"""One document through the stages, in a worker process.

:func:`init_worker` runs once per process (the pool's initializer): it builds
the :class:`Toolchain`, which compiles the stylesheets and schemas a single
time; :func:`process` then handles one document after another with it. The
result sent back to the parent is small JSON-like data (status, messages,
timings, output paths); the outputs, and the document's record for the site
pages, are written straight into the staging folder by the worker.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import TeikitError, UsageError, problem_line
from . import anchors, corpus, records
from .files import write_new
from .folder import OUTPUTS, PDF_HREF, REGISTER_HREF, TEI_HREF

STAGES = ("convert", "validate", "html", "pdf")
#: Documents one worker process handles before it is replaced by a fresh one.
#: The typesetter's cache evicts old entries itself, so a worker's memory
#: levels off (about 400 MB) after a few dozen documents; replacing workers is
#: only a safety net, and rare, because each start costs about 0.6 CPU-s.
DOCS_PER_WORKER = 250
#: How many validation errors of one document are reported.
MAX_ERRORS = 5


class Toolchain:
    """The real stages of teikit, compiled once.

    Tests pass a class with the same four methods to check the build's
    orchestration without the stages' cost.
    """

    @staticmethod
    def preflight(*, pdf: bool = True) -> None:
        """Fail early, in the parent process, if a stage cannot be loaded."""
        from importlib import import_module

        needed = [("teikit.convert", "convert_file"), ("teikit.validate", "Validator"), ("teikit.html", "HtmlRenderer")]
        if pdf:
            needed.append(("teikit.pdf", "PdfRenderer"))
        for module, name in needed:
            try:
                getattr(import_module(module), name)
            except (ImportError, AttributeError) as err:
                raise UsageError(f"stage not available: {module}.{name} ({err})") from None

    def __init__(self, *, pdf: bool = True):
        from ..html import HtmlRenderer
        from ..validate import Validator

        self._validator = Validator()
        self._html = HtmlRenderer()
        self._pdf = None
        if pdf:
            from ..pdf import PdfRenderer

            self._pdf = PdfRenderer()

    def convert(self, path: Path, kind: str) -> tuple[etree._ElementTree, list[str]]:
        """The document's TEI tree and the conversion's warnings."""
        if kind == "tei":
            # Read as ``teikit validate`` reads it, so a file it cannot parse
            # fails with the same message and rule.
            tree, problems = self._validator.parse(path)
            if tree is None:
                first = problems[0]
                raise TeikitError(problem_line(None, None, first.message, first.rule), first.path, first.line)
            return tree, []
        from ..convert import convert_file

        conversion = convert_file(path)
        warnings = [problem_line(str(path), w.line, f"warning: {w.message}") for w in conversion.warnings]
        return conversion.tree, warnings

    def validate(self, tree: etree._ElementTree, name: str) -> list:
        """Findings of teikit's schema and rules, register included: the entry
        point ``teikit validate`` uses, so both give the same verdict."""
        return self._validator.check_tree(tree, name)

    def html(self, tree: etree._ElementTree, name: str, **hrefs: str) -> str:
        """A complete HTML page."""
        return self._html.render(tree, name=name, **hrefs)

    def pdf(self, tree: etree._ElementTree, name: str) -> bytes:
        """The PDF's bytes."""
        return self._pdf.render(tree, name=name)


@dataclass(frozen=True)
class Task:
    """One document to process (plain data: it crosses a process boundary)."""

    doc_id: str
    path: str
    kind: str
    digest: str
    staging: str
    pdf: bool


_STATE: dict = {}


def _record_reader() -> records.RecordReader:
    """The record stylesheet, compiled once per process (whatever the toolchain)."""
    if "records" not in _STATE:
        _STATE["records"] = records.RecordReader()
    return _STATE["records"]


def init_worker(factory=Toolchain, pdf: bool = True) -> None:
    """Pool initializer: compile the stages once for this process."""
    _STATE["toolchain"] = factory(pdf=pdf)


def _finding_line(finding) -> str:
    return problem_line(finding.path or "<input>", finding.line, finding.message, getattr(finding, "rule", None))


def process(task: Task) -> dict:
    """Run one document through convert, validate, html and pdf.

    Never raises for a bad document: the problem comes back as the result's
    ``errors`` (``path:line: message``), so one corrupt file does not stop
    the others.
    """
    toolchain = _STATE.get("toolchain")
    if toolchain is None:  # run in the parent process (one document, -j 1)
        init_worker(pdf=task.pdf)
        toolchain = _STATE["toolchain"]
    timings = {}
    result = {"id": task.doc_id, "digest": task.digest, "status": "failed", "errors": [],
              "warnings": [], "timings": timings}
    staging = Path(task.staging)
    written: list[Path] = []
    try:
        start = time.perf_counter()
        tree, warnings = toolchain.convert(Path(task.path), task.kind)
        result["warnings"] = warnings
        timings["convert"] = time.perf_counter() - start

        start = time.perf_counter()
        findings = toolchain.validate(tree, task.path)
        timings["validate"] = time.perf_counter() - start
        errors = [f for f in findings if f.severity == "error"]
        if errors:
            result["errors"] = [_finding_line(f) for f in errors[:MAX_ERRORS]]
            if len(errors) > MAX_ERRORS:
                result["errors"].append(f"{task.path}: … and {len(errors) - MAX_ERRORS} more errors")
            return result

        # Citable ids for sections and paragraphs, in the TEI that is published too.
        anchors.assign_ids(tree)

        start = time.perf_counter()
        page = toolchain.html(
            tree,
            task.path,
            tei_href=TEI_HREF.format(id=task.doc_id),
            pdf_href=PDF_HREF.format(id=task.doc_id) if task.pdf else None,
            register_href=REGISTER_HREF,
        )
        timings["html"] = time.perf_counter() - start

        pdf_bytes = None
        if task.pdf:
            start = time.perf_counter()
            pdf_bytes = toolchain.pdf(tree, task.path)
            timings["pdf"] = time.perf_counter() - start

        record = _record_reader().read(tree, task.path)
        record["source"] = Path(task.path).name

        outputs = {
            # The page without the site's frame (navigation, citation, release),
            # which is added when the site pages are written: it depends on
            # the whole edition, and is then always current.
            "page": page.encode("utf-8"),
            "tei": etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n",
            # The root element with corpus-unique ids, spliced into edition.xml.
            "fragment": corpus.fragment(tree, task.doc_id),
            # Kept out of the manifest: read one document at a time when the
            # search index is built, so the build's memory does not grow with them.
            "words": json.dumps(records.search_passages(tree), ensure_ascii=False).encode("utf-8"),
            # Likewise the catalogue data and the register mentions.
            "record": json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        }
        if pdf_bytes is not None:
            outputs["pdf"] = pdf_bytes
        for key, data in outputs.items():
            target = staging / OUTPUTS[key].format(id=task.doc_id)
            write_new(target, data)
            written.append(target)
        result["status"] = "built"
        result["outputs"] = sorted(OUTPUTS[k].format(id=task.doc_id) for k in outputs)
    except TeikitError as err:
        result["errors"] = [str(err) if err.path else f"{task.path}: {err.message}"]
    except Exception as err:  # a stage's bug must not take the whole build down
        result["errors"] = [f"{task.path}: internal error in a stage: {type(err).__name__}: {err}"]
    if result["status"] != "built":
        for path in written:
            path.unlink(missing_ok=True)
    return result
