"""Print validation results for people (text) and for CI (json, junit, github)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from lxml import etree

from .runner import FileResult

FORMATS = ("text", "json", "junit", "github")


def summary(results: Sequence[FileResult]) -> dict:
    """Counts of files and findings."""
    findings = [f for r in results for f in r.findings]
    return {
        "files": len(results),
        "valid": sum(r.valid for r in results),
        "invalid": sum(not r.valid for r in results),
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "info": sum(f.severity == "info" for f in findings),
    }


def format_text(results: Sequence[FileResult]) -> str:
    """``file:line:col: severity: message [rule-id]`` per finding, then one summary line."""
    lines = [
        f"{f.path}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule}]" for r in results for f in r.findings
    ]
    counts = summary(results)
    verdict = "valid" if counts["invalid"] == 0 else "INVALID"
    lines.append(
        f"{verdict}: {counts['files']} file(s) checked, {counts['valid']} valid, {counts['invalid']} invalid; "
        f"{counts['errors']} error(s), {counts['warnings']} warning(s)"
    )
    return "\n".join(lines) + "\n"


def format_json(results: Sequence[FileResult]) -> str:
    """One JSON object: every file with its verdict and findings, and the summary."""
    data = {
        "files": [{"path": r.path, "valid": r.valid, "findings": [f.as_dict() for f in r.findings]} for r in results],
        "summary": summary(results),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def format_junit(results: Sequence[FileResult]) -> str:
    """JUnit XML: one testcase per file; a failure lists that file's errors."""
    counts = summary(results)
    suites = etree.Element("testsuites", name="teikit validate")
    suite = etree.SubElement(
        suites, "testsuite", name="teikit validate", tests=str(counts["files"]), failures=str(counts["invalid"]), errors="0"
    )
    for result in results:
        case = etree.SubElement(suite, "testcase", classname="teikit.validate", name=result.path)
        lines = [f"{f.path}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule}]" for f in result.findings]
        errors = [f for f in result.findings if f.is_error]
        if errors:
            failure = etree.SubElement(case, "failure", message=errors[0].message, type=errors[0].rule)
            failure.text = "\n".join(lines)
        elif lines:
            etree.SubElement(case, "system-out").text = "\n".join(lines)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(suites, encoding="unicode", pretty_print=True)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(results: Sequence[FileResult]) -> str:
    """GitHub Actions workflow commands (``::error file=…,line=…,col=…,title=rule::message``)."""
    lines = []
    for result in results:
        for f in result.findings:
            command = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
            where = f"file={_escape_property(f.path)},line={f.line}"
            if f.column:
                where += f",col={f.column}"
            lines.append(f"::{command} {where},title={_escape_property(f.rule)}::{_escape_data(f.message)}")
    counts = summary(results)
    lines.append(f"teikit validate: {counts['files']} file(s), {counts['invalid']} invalid, {counts['errors']} error(s)")
    return "\n".join(lines) + "\n"


FORMATTERS: dict[str, Callable[[Sequence[FileResult]], str]] = {
    "text": format_text,
    "json": format_json,
    "junit": format_junit,
    "github": format_github,
}
