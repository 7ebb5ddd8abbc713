"""The pipeline: lines → blocks → brackets classified by the rules table →
structure → inline passes (quotations, citations, dates, corrections, names,
numbers in stamps) → marked passages linked → TEI tree with its header."""

from __future__ import annotations

import re

from lxml import etree

from ..errors import TeikitError
from .classify import Classifier
from .corrections import mark_corrections
from .dates import mark_dates, mark_supplied_dates, resolve_years
from .facsimile import attach as attach_facsimile
from .header import build_header
from .lexer import Problem, parse_block, split_blocks
from .marks import Linker
from .model import TEI_NS, Node, indent, map_text, regex_pass, text_of, to_element, walk
from .names import Register
from .places import mark_dateline_places
from .quotes import mark_citations, mark_quotes
from .report import Report, Warning_
from .source import Line
from .zones import zone_report
from .lineclasses import IN_STAMP
from .structure import build_structure

_NUMBER = re.compile(r"(?<![\w./:-])\d+(?![\w./:-])")


def _stamp_apparatus(match):
    kind = "classification" if match.group("classification") else "copy"
    return Node("seg", {"type": kind}, [match.group()])


def _mark_stamp_apparatus(document: Node) -> None:
    """A classification or copy number written in a stamp is one in the stamp's text."""
    for node in walk(document.children):
        if node.tag == "stamp":
            node.children = map_text(node.children, regex_pass(IN_STAMP, _stamp_apparatus),
                                     frozenset({"date", "num", "seg", "quote", "desc", "note"}))


def _mark_stamp_numbers(document: Node) -> None:
    def make(match):
        return Node("num", {"value": str(int(match.group()))}, [match.group()])

    for node in walk(document.children):
        if node.tag == "stamp":
            node.children = map_text(node.children, regex_pass(_NUMBER, make),
                                     frozenset({"date", "num", "sic", "corr", "quote", "desc"}))


def _document_id(name: str) -> str:
    stem = re.sub(r"\.[^.]*$", "", name.replace("\\", "/").rsplit("/", 1)[-1])
    ident = re.sub(r"[^\w.-]", "-", stem) or "document"
    # The header and the marks use some ids already; a file named like one must not clash.
    if not re.match(r"[A-Za-z_]", ident) or ident in ("translator", "encoder", "reader1") or re.fullmatch(r"mark-\d+", ident):
        return f"doc-{ident}"
    return ident


def build_tei(lines: list[Line], name: str, *, metadata: dict, register: Register | None, strict: bool,
              metadata_note: str | None = None) -> tuple[etree._ElementTree, Report]:
    """Convert checked source lines to a TEI tree and a report (see the package docstring)."""
    report = Report(name)
    problems: list[Problem] = []
    blocks = split_blocks(lines)
    classifier = Classifier(report)
    for block in blocks:
        block.items = classifier.classify(parse_block(block, problems, name))
    for problem in problems:
        if strict:
            raise TeikitError(problem.message, name, problem.line)
        report.warnings.append(Warning_(problem.line, problem.message))
    places = register.places if register is not None else frozenset()
    documents, layout_lines = build_structure(blocks, places)
    document = documents[0]
    report.layout.extend(zone_report(layout_lines))
    body = documents
    body = mark_quotes(body)
    body = mark_citations(body)
    body = mark_supplied_dates(body)
    body = map_text(body, mark_dates, frozenset({"date", "time", "desc", "label", "num"}))
    year = _document_year(metadata, document)
    resolve_years(walk(body), year)
    body = map_text(body, mark_corrections, frozenset({"sic", "corr", "desc", "label"}))
    _mark_stamp_apparatus(document)
    _mark_stamp_numbers(document)
    mark_dateline_places(body, places)
    if register is not None:
        body = register.tag(body)
    linker = Linker()
    previous = _previous_paragraphs(body)
    for node in list(walk(body)):
        if any(isinstance(c, Node) and c.tag == "note" and c.attrib.get("type") == "translator" for c in node.children):
            linker.link(node, previous.get(id(node)))
    report.links.extend(linker.links)
    report.review.extend(linker.unsure)
    report.review.extend(linker.unlinked)
    if metadata_note:
        report.warnings.insert(0, Warning_(1, metadata_note))
    found = _dateline_date(document)
    if found and not metadata.get("date"):
        # Without a sidecar date, the header dates the document by its own dateline.
        metadata = {**metadata, "date": found}
    header = build_header(metadata, fallback_title=_fallback_title(document, name), has_marks=linker.marks > 0,
                          register_href=register.href if register else "register.xml")
    root = Node("TEI", {"xml:id": _document_id(name), "xml:lang": "en"},
                [header, Node("text", {}, [Node("body", {}, body)])])
    element = to_element(root, nsmap={None: TEI_NS})
    if metadata.get("facsimile"):
        attach_facsimile(element, metadata["facsimile"], lambda message: report.warnings.append(Warning_(1, message)))
    indent(element)
    return etree.ElementTree(element), report


def _document_year(metadata: dict, document: Node) -> str | None:
    """The document's year: the sidecar's date, else the first full date of its opener or closing."""
    if metadata.get("date"):
        return metadata["date"][:4]
    for part in [c for c in document.children if isinstance(c, Node) and c.tag in ("opener", "closer", "head")] + [document]:
        for node in walk([part]):
            when = node.attrib.get("when", "") if node.tag == "date" else ""
            if re.match(r"\d{4}", when):
                return when[:4]
    return None


def _full_date(nodes) -> str | None:
    for node in nodes:
        when = node.attrib.get("when", "") if node.tag == "date" else ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
            return when
    return None


def _dateline_date(document: Node) -> str | None:
    """The document's date as its text gives it: the first dateline's (which the header's date must agree
    with), else the first full date of the opener ("Date: 25/X/1962"), else of the closing."""
    datelines = [node for node in walk([document]) if node.tag == "dateline"]
    if datelines:
        return _full_date(walk(datelines[0].children))
    parts = [node for part in ("opener", "closer") for node in document.children if isinstance(node, Node) and node.tag == part]
    # A date the header labels as the document's ("Date: 25/X/1962") before any other (a registration stamp's).
    for part in parts:
        for parent in walk([part]):
            for before, child in zip(parent.children, parent.children[1:]):
                if isinstance(before, str) and _DATE_LABEL.search(before) and isinstance(child, Node):
                    found = _full_date([child])
                    if found:
                        return found
    for part in parts:
        found = _full_date(walk(part.children))
        if found:
            return found
    return None


_DATE_LABEL = re.compile(r"\b(?:Date|Dated|DATE)\s*:?\s*$")


def _previous_paragraphs(body: list) -> dict[int, Node]:
    """For each paragraph, the paragraph just before it among its siblings (by id)."""
    previous: dict[int, Node] = {}
    for node in walk(body):
        last = None
        for child in node.children:
            if not isinstance(child, Node):
                continue
            if child.tag != "p":
                last = None
                continue
            if last is not None:
                previous[id(child)] = last
            # A paragraph holding only notes describes, it is not described: skip it.
            if any(isinstance(c, str) and c.strip() or isinstance(c, Node) and c.tag != "note" for c in child.children):
                last = child
    return previous


def _fallback_title(document: Node, name: str) -> str:
    heads = [c for c in document.children if isinstance(c, Node) and c.tag == "head"]
    for child in sorted(heads, key=lambda h: h.attrib.get("type") != "main"):
        # The catalogue title is the title's words: not its "Subject:" label, nor a footnote marker in it.
        words = [c for c in child.children if not (isinstance(c, Node) and c.tag in ("label", "note"))]
        title = " ".join(text_of(words).split())
        if title:
            return title
    return _document_id(name)
