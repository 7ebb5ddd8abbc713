"""One problem found in one file: the unit every check reports and every format prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass

#: Severities, most serious first. Only errors make a file invalid.
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Finding:
    """A located problem. ``column`` is 0 when the check cannot tell it (Schematron)."""

    path: str
    line: int
    column: int
    severity: str
    message: str
    rule: str

    def as_dict(self) -> dict:
        """The finding as plain data (for JSON)."""
        return asdict(self)

    @property
    def is_error(self) -> bool:
        """Whether this finding makes its file invalid."""
        return self.severity == "error"


def severity_of_role(role: str | None) -> str:
    """Map a Schematron ``@role`` onto a severity.

    No role, ``error`` and ``fatal`` are errors; ``warning``/``warn`` and TEI's
    ``nonfatal`` are warnings (TEI uses ``nonfatal`` for advice a document
    may ignore); ``info``/``information`` are information.
    """
    value = (role or "").strip().lower()
    if value in ("warning", "warn", "nonfatal"):
        return "warning"
    if value in ("info", "information"):
        return "info"
    return "error"


def fold(findings: list[Finding]) -> list[tuple[Finding, int]]:
    """Identical findings once each, with how often they occurred, in the order first seen.

    TEI's own Schematron can report one problem many times over (one
    assertion in several patterns fires on the same attribute); a reader
    needs it once, with the count.
    """
    counts: dict[Finding, int] = {}
    for finding in findings:
        counts[finding] = counts.get(finding, 0) + 1
    return list(counts.items())
