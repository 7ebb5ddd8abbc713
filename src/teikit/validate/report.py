"""Print a validation run for people (text) and for CI (json, junit, github).

Every format says what the exit status says: a file fails when it has an
error, or, with ``--strict``, a warning; the run fails when a file fails; and
a run that could not start (status 2) still gives a complete document in the
chosen format, with the reason, so that a CI system reading the report
never mistakes it for "no results". Identical findings are printed once, with
their count.
"""

from __future__ import annotations

import json
import platform
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from lxml import etree

from ..errors import printable, problem_line
from .finding import Finding, fold
from .runner import FileResult

FORMATS = ("text", "json", "junit", "github")

#: The ``format`` and ``version`` of the JSON report (README: "The JSON report").
#: The version goes up when a key changes meaning or goes away; new keys may appear without it.
JSON_FORMAT = "teikit-validate"
JSON_VERSION = 1


@dataclass
class Outcome:
    """What one ``teikit validate`` run found: the formats print this, and the exit status follows from it."""

    results: Sequence[FileResult] = ()
    strict: bool = False
    #: Files left out because their root is not TEI (``--skip-non-tei``).
    skipped: Sequence[str] = ()
    #: Wall-clock seconds the validation took.
    seconds: float = 0.0
    #: Why the run could not start, and its exit status (2 for bad usage).
    error: str | None = None
    error_status: int = 2
    #: The error as the command prints it on stderr (``teikit: …`` or ``path:line: …``).
    error_line: str = ""
    started: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def fails(self, result: FileResult) -> bool:
        """Whether ``result`` fails the run: an error, or with ``strict`` a warning."""
        return any(f.is_error or (self.strict and f.severity == "warning") for f in result.findings)

    @property
    def exit_status(self) -> int:
        """0 valid, 1 invalid, 2 (or the error's own status) could not run."""
        if self.error is not None:
            return self.error_status
        return 1 if any(self.fails(r) for r in self.results) else 0

    @property
    def verdict(self) -> str:
        """``valid``, ``invalid``, or ``error`` when the run could not start."""
        if self.error is not None:
            return "error"
        return "invalid" if self.exit_status else "valid"


def summary(outcome: Outcome) -> dict:
    """Counts of files and findings (every occurrence of a repeated finding counts)."""
    findings = [f for r in outcome.results for f in r.findings]
    failed = sum(outcome.fails(r) for r in outcome.results)
    return {
        "files": len(outcome.results),
        "valid": len(outcome.results) - failed,
        "invalid": failed,
        "skipped": len(outcome.skipped),
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "info": sum(f.severity == "info" for f in findings),
    }


def _line(finding: Finding, count: int) -> str:
    # File names and messages may hold anything (a newline and "::error …" after it):
    # each finding stays one line that no CI runner reads as its own command.
    times = f" ({count} times)" if count > 1 else ""
    return problem_line(finding.path, finding.line, f"{finding.severity}: {printable(finding.message)}",
                        printable(finding.rule), column=finding.column) + times


def _utf8_text(text: str | None) -> str | None:
    """``text`` as it is, unless it holds bytes that are not UTF-8 (then escaped, or the report could not be written)."""
    if text is None:
        return None
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return printable(text)


def format_text(outcome: Outcome) -> str:
    """``file:line:col: severity: message [rule-id]`` per finding, then one summary line.

    A run that could not start prints nothing here: its one-line error goes to stderr.
    """
    if outcome.error is not None:
        return ""
    lines = [_line(f, n) for r in outcome.results for f, n in fold(r.findings)]
    counts = summary(outcome)
    verdict = "valid" if outcome.exit_status == 0 else "INVALID"
    line = (
        f"{verdict}: {counts['files']} file(s) checked, {counts['valid']} valid, {counts['invalid']} invalid; "
        f"{counts['errors']} error(s), {counts['warnings']} warning(s)"
    )
    if outcome.strict:
        line += " (--strict: warnings fail)"
    if counts["skipped"]:
        line += f"; {counts['skipped']} skipped (root not TEI)"
    lines.append(line)
    return "\n".join(lines) + "\n"


def format_json(outcome: Outcome) -> str:
    """One JSON object, described key by key in the README ("The JSON report")."""
    data = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "status": outcome.verdict,
        "exit_status": outcome.exit_status,
        "error": _utf8_text(outcome.error),
        "strict": outcome.strict,
        "files": [
            {
                "path": _utf8_text(r.path),
                "valid": not outcome.fails(r),
                "findings": [{**{k: _utf8_text(v) if isinstance(v, str) else v for k, v in f.as_dict().items()},
                              "count": n} for f, n in fold(r.findings)],
            }
            for r in outcome.results
        ],
        "skipped": [_utf8_text(p) for p in outcome.skipped],
        "summary": summary(outcome),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _seconds(value: float) -> str:
    return f"{value:.3f}"


def format_junit(outcome: Outcome) -> str:
    """JUnit XML: one testcase per file (``file`` names it, for GitLab); a failure lists its findings.

    A run that could not start is one testcase with an ``<error>``; skipped
    files are testcases with ``<skipped>``.
    """
    counts = summary(outcome)
    errored = outcome.error is not None
    tests = 1 if errored else counts["files"] + counts["skipped"]
    totals = {
        "tests": str(tests),
        "failures": str(counts["invalid"]),
        "errors": "1" if errored else "0",
        "skipped": str(counts["skipped"]),
        "time": _seconds(outcome.seconds),
    }
    suites = etree.Element("testsuites", name="teikit validate", **totals)
    suite = etree.SubElement(
        suites, "testsuite", name="teikit validate", **totals,
        timestamp=outcome.started.replace(microsecond=0, tzinfo=None).isoformat(), hostname=platform.node() or "localhost",
    )
    properties = etree.SubElement(suite, "properties")
    etree.SubElement(properties, "property", name="strict", value="true" if outcome.strict else "false")
    if errored:
        case = etree.SubElement(suite, "testcase", classname="teikit.validate", name="teikit validate", time="0")
        error = etree.SubElement(case, "error", message=printable(outcome.error), type="could-not-run")
        error.text = printable(outcome.error)
    for result in outcome.results:
        # XML holds neither control characters nor bytes that are not UTF-8: names are printed escaped.
        name = printable(result.path)
        case = etree.SubElement(suite, "testcase", classname="teikit.validate", name=name, file=name)
        folded = fold(result.findings)
        lines = [_line(f, n) for f, n in folded]
        if outcome.fails(result):
            first = next(f for f, _ in folded if f.is_error or f.severity == "warning")
            failure = etree.SubElement(case, "failure", message=printable(first.message), type=printable(first.rule))
            failure.text = "\n".join(lines)
        elif lines:
            etree.SubElement(case, "system-out").text = "\n".join(lines)
    for path in map(printable, outcome.skipped):
        case = etree.SubElement(suite, "testcase", classname="teikit.validate", name=path, file=path)
        etree.SubElement(case, "skipped", message="root element not in the TEI namespace")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(suites, encoding="unicode", pretty_print=True)


def _escape_data(text: str) -> str:
    # GitHub decodes %0A back into a newline inside one annotation; any other control character is escaped.
    return printable(_utf8_text(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(outcome: Outcome) -> str:
    """GitHub Actions workflow commands (``::error file=…,line=…,col=…,title=rule::message``).

    With ``--strict`` warnings are annotated as errors, since they fail the run.
    """
    lines = []
    if outcome.error is not None:
        lines.append(f"::error title=teikit validate could not run::{_escape_data(outcome.error)}")
    for result in outcome.results:
        for f, n in fold(result.findings):
            command = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
            if outcome.strict and command == "warning":
                command = "error"
            where = f"file={_escape_property(f.path)},line={f.line}"
            if f.column:
                where += f",col={f.column}"
            times = f" ({n} times)" if n > 1 else ""
            lines.append(f"::{command} {where},title={_escape_property(f.rule)}::{_escape_data(f.message + times)}")
    counts = summary(outcome)
    lines.append(
        f"teikit validate: {outcome.verdict}; {counts['files']} file(s), {counts['invalid']} invalid, "
        f"{counts['errors']} error(s), {counts['warnings']} warning(s)"
    )
    return "\n".join(lines) + "\n"


FORMATTERS: dict[str, Callable[[Outcome], str]] = {
    "text": format_text,
    "json": format_json,
    "junit": format_junit,
    "github": format_github,
}
