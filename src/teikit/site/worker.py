"""One document through the stages, in a worker process.

:func:`init_worker` runs once per process (the pool's initializer): it builds
the :class:`Toolchain`, which compiles the stylesheets and schemas a single
time; :func:`process` then handles one document after another with it. The
result sent back to the parent is small JSON-like data (status, messages,
timings, output paths); the outputs, and the document's record for the site
pages, are written straight into the staging folder by the worker.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import TeikitError, UsageError, problem_line
from .. import anchors
from . import corpus, facsimile, iiif, memory, records
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


@dataclass(frozen=True)
class Validation:
    """Which schema and rules a build checks its documents against.

    Neither ``schema`` nor ``schematron`` given: teikit's own customization,
    except for a document whose ``<?xml-model?>`` names a schema teikit can
    read without fetching anything (a file inside ``source``, or tei_all by
    name, found as ``teikit validate --tei-all`` finds it). Either given: that
    schema for every document. ``publish_invalid`` builds documents that fail
    validation anyway, with a warning (exchanged TEI is often invalid and
    still worth reading).
    """

    schema: str | None = None
    schematron: str | None = None
    publish_invalid: bool = False
    source: str | None = None
    tei_all_dir: str | None = None

    def digest(self) -> str:
        """What of the profile shapes a document's outputs: the options and the schemas' bytes."""
        h = hashlib.sha256(repr((self.schema, self.schematron, self.publish_invalid)).encode("utf-8"))
        for path in (self.schema, self.schematron):
            if path and Path(path).is_file():
                h.update(Path(path).read_bytes())
        return h.hexdigest()


_PSEUDO_ATTR = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_SCHEMATRON_NS = ("http://purl.oclc.org/dsdl/schematron", "http://www.ascc.net/xml/schematron")


def declared_schemas(tree: etree._ElementTree, path: Path, validation: Validation) -> tuple[str | None, str | None, list[str]]:
    """The RelaxNG and Schematron schemas a document's ``<?xml-model?>`` names, and warnings.

    Only what can be read here is honoured: a relative file that lies inside
    the source folder, or tei_all by name. Anything else (a URL, a file
    outside) is ignored with a warning; the build's default applies.
    """
    rng = sch = None
    warnings: list[str] = []
    node = tree.getroot().getprevious()
    models = []
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            models.append(node)
        node = node.getprevious()
    for pi in reversed(models):
        attrs = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _PSEUDO_ATTR.finditer(pi.text or "")}
        href = (attrs.get("href") or "").strip()
        if not href:
            continue
        is_sch = attrs.get("schematypens") in _SCHEMATRON_NS or href.endswith((".sch", ".isosch"))
        name = href.rsplit("/", 1)[-1]
        found: str | None = None
        if name in ("tei_all.rng", "tei_all.isosch"):
            from ..validate.profiles import find_tei_all

            try:
                tei_rng, tei_sch = find_tei_all(validation.tei_all_dir)
            except Exception:  # noqa: BLE001 - not found: the message says how to get it
                warnings.append(f"{path}:{pi.sourceline or 1}: warning: xml-model names {name}, which is not "
                                "available here (teikit fetch-tei-all, or --tei-all-dir); teikit's schema is used")
                continue
            found = str(tei_sch) if is_sch and tei_sch else (None if is_sch else str(tei_rng))
        elif "://" not in href and not href.startswith("/"):
            target = (path.parent / href).resolve()
            inside = validation.source is None or target.is_relative_to(Path(validation.source).resolve())
            if inside and target.is_file():
                found = str(target)
        if found is None:
            if not is_sch or name != "tei_all.isosch":
                warnings.append(f"{path}:{pi.sourceline or 1}: warning: xml-model {href} is not a file inside the "
                                "source folder nor tei_all; ignored (nothing is fetched)")
            continue
        if is_sch:
            sch = sch or found
        else:
            rng = rng or found
    return rng, sch, warnings


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

    def __init__(self, *, pdf: bool = True, validation: Validation | None = None):
        from ..html import HtmlRenderer
        from ..validate import Validator

        self._validation = validation or Validation()
        self._validator = Validator(self._validation.schema, self._validation.schematron)
        self._validators = {}
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
        """Findings of the build's schema and rules (teikit's by default, or
        those the document declares; see :class:`Validation`), register
        included: the entry point ``teikit validate`` uses, so both give the
        same verdict."""
        validation = self._validation
        if validation.schema is None and validation.schematron is None:
            rng, sch, warnings = declared_schemas(tree, Path(name), validation)
            self.validation_warnings = warnings
            if rng or sch:
                if (rng, sch) not in self._validators:
                    from ..validate import Validator

                    self._validators[(rng, sch)] = Validator(rng, sch)
                return self._validators[(rng, sch)].check_tree(tree, name)
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
    #: The edition's address (edition.toml ``url``), for the IIIF manifest's ids.
    site_url: str = ""


_STATE: dict = {}


def _record_reader() -> records.RecordReader:
    """The record stylesheet, compiled once per process (whatever the toolchain)."""
    if "records" not in _STATE:
        _STATE["records"] = records.RecordReader()
    return _STATE["records"]


def init_worker(factory=Toolchain, pdf: bool = True, validation: Validation | None = None,
                memory_limit: int | None = None) -> None:
    """Pool initializer: cap this process's memory (see :mod:`.memory`), then compile the stages once."""
    memory.apply(memory_limit)
    _STATE["memory"] = memory_limit
    _STATE["toolchain"] = factory(pdf=pdf, validation=validation)
    _STATE["publish_invalid"] = bool(validation and validation.publish_invalid)


def out_of_memory(path: str, limit: int | None) -> str:
    """The one line of a document that needed more memory than its worker may take."""
    return f"{path}: out of memory (limit {memory.describe(limit)})" if limit else f"{path}: out of memory"


def _finding_line(finding) -> str:
    return problem_line(finding.path or "<input>", finding.line, finding.message, getattr(finding, "rule", None))


def process(task: Task) -> dict:
    """Run one document through convert, validate, html and pdf.

    Never raises for a bad document: the problem comes back as the result's
    ``errors`` (``path:line: message``), so one corrupt file does not stop
    the others.
    """
    toolchain = _STATE.get("toolchain")
    if toolchain is None:  # called directly, outside a build's workers
        init_worker(pdf=task.pdf)
        toolchain = _STATE["toolchain"]
    timings = {}
    result = {"id": task.doc_id, "digest": task.digest, "status": "failed", "errors": [],
              "warnings": [], "timings": timings}
    staging = Path(task.staging)
    written: list[Path] = []
    limit = _STATE.get("memory")
    memory.reset_peak()
    try:
        start = time.perf_counter()
        tree, warnings = toolchain.convert(Path(task.path), task.kind)
        result["warnings"] = warnings
        timings["convert"] = time.perf_counter() - start

        start = time.perf_counter()
        findings = toolchain.validate(tree, task.path)
        result["warnings"] = result["warnings"] + getattr(toolchain, "validation_warnings", [])
        timings["validate"] = time.perf_counter() - start
        errors = [f for f in findings if f.severity == "error"]
        invalid = bool(errors) and _STATE.get("publish_invalid", False)
        if errors:
            lines = [_finding_line(f) for f in errors[:MAX_ERRORS]]
            if len(errors) > MAX_ERRORS:
                lines.append(f"{task.path}: … and {len(errors) - MAX_ERRORS} more errors")
            if not invalid:
                result["errors"] = lines
                return result
            result["warnings"].append(f"{task.path}: warning: published although invalid "
                                      f"({len(errors)} error{'s' if len(errors) != 1 else ''}); first: {lines[0]}")

        # Citable ids for sections and paragraphs, in the TEI that is published too.
        anchors.assign_ids(tree)
        # The page images, copied into the site; the published TEI names the copies.
        images = facsimile.publish_images(tree, Path(task.path), Path(task.path).parent, staging, task.doc_id)
        written.extend(staging / rel for rel in images.outputs)
        result["warnings"] = result["warnings"] + images.warnings
        hrefs = facsimile.page_hrefs(tree, task.path, task.doc_id)

        start = time.perf_counter()
        page = toolchain.html(
            tree,
            task.path,
            tei_href=TEI_HREF.format(id=task.doc_id),
            pdf_href=PDF_HREF.format(id=task.doc_id) if task.pdf else None,
            register_href=REGISTER_HREF,
            **hrefs,
        )
        timings["html"] = time.perf_counter() - start

        pdf_bytes = None
        if task.pdf:
            start = time.perf_counter()
            pdf_bytes = toolchain.pdf(tree, task.path)
            timings["pdf"] = time.perf_counter() - start

        record = _record_reader().read(tree, task.path)
        record["source"] = Path(task.path).name
        if invalid:
            # The index shows the description: the reader learns there that
            # the document did not pass its schema.
            note = f"Invalid against its schema ({len(errors)} error{'s' if len(errors) != 1 else ''})."
            record["description"] = " ".join(filter(None, (note, record.get("description", ""))))

        outputs = {
            # The page without the site's frame (navigation, citation, release),
            # which is added when the site pages are written: it depends on
            # the whole edition, and is then always current.
            "page": page.encode("utf-8"),
            "tei": etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n",
            # The root element with corpus-unique ids, spliced into edition.xml.
            "fragment": corpus.fragment(facsimile.for_corpus(tree), task.doc_id),
            # Kept out of the manifest: read one document at a time when the
            # search index is built, so the build's memory does not grow with them.
            "words": json.dumps(records.search_passages(tree), ensure_ascii=False).encode("utf-8"),
            # Likewise the catalogue data and the register mentions.
            "record": json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        }
        if pdf_bytes is not None:
            outputs["pdf"] = pdf_bytes
        manifest = iiif.manifest(tree.getroot(), task.doc_id, title=record.get("title") or task.doc_id,
                                 site_url=task.site_url, info=images.info)
        if manifest is not None:
            outputs["iiif"] = iiif.to_bytes(manifest)
        for key, data in outputs.items():
            target = staging / OUTPUTS[key].format(id=task.doc_id)
            write_new(target, data)
            written.append(target)
        result["status"] = "built"
        result["outputs"] = sorted([*(OUTPUTS[k].format(id=task.doc_id) for k in outputs), *images.outputs])
        if images.inputs:
            result["inputs"] = images.inputs
    except MemoryError:
        result["errors"] = [out_of_memory(task.path, limit)]
    except TeikitError as err:
        # A failed allocation inside libxml2 or Saxon comes back as some other error.
        result["errors"] = [out_of_memory(task.path, limit) if memory.near_limit(limit)
                            else str(err) if err.path else f"{task.path}: {err.message}"]
    except Exception as err:  # a stage's bug must not take the whole build down
        result["errors"] = [out_of_memory(task.path, limit) if memory.near_limit(limit)
                            else f"{task.path}: internal error in a stage: {type(err).__name__}: {err}"]
    if result["status"] != "built":
        for path in written:
            path.unlink(missing_ok=True)
    return result
