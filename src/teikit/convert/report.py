"""The conversion report: what each bracket became, and what to review."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import problem_line


@dataclass(frozen=True)
class Warning_:
    """A problem the converter worked around (unclosed or stray bracket, unsure case)."""

    line: int
    message: str
    #: The file the line is in, when it is not the translation (the original-language text).
    path: str | None = None


@dataclass(frozen=True)
class Entry:
    """One bracketed insertion: where, which rule, which element, the source text."""

    line: int
    column: int
    rule: str
    element: str
    source: str
    unsure: bool = False


@dataclass
class Report:
    """Entries in source order, warnings, and notes on inferred links."""

    name: str
    entries: list[Entry] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    #: (source line, zone, line class, strength, text) of each opener and closing line.
    layout: list[tuple[int, str, str, float, str]] = field(default_factory=list)
    #: (file, line, message) of each uncertain step of the alignment with the original, and how many steps it took.
    alignment: list[tuple[str, int, str]] = field(default_factory=list)
    aligned: int = 0

    def counts(self) -> dict[str, int]:
        """How many brackets each rule took."""
        out: dict[str, int] = {}
        for entry in self.entries:
            out[entry.rule] = out.get(entry.rule, 0) + 1
        return out

    def to_text(self) -> str:
        """The report as plain text for an editor."""
        lines = [f"Conversion report for {self.name}", ""]
        lines.append("Bracketed insertions:")
        for entry in sorted(self.entries, key=lambda e: (e.line, e.column)):
            flag = "  UNSURE" if entry.unsure else ""
            source = entry.source if len(entry.source) <= 70 else entry.source[:67] + "..."
            lines.append("  " + problem_line(self.name, entry.line, f"{entry.rule} -> {entry.element}: {source}{flag}",
                                              column=entry.column))
        lines.append("")
        lines.append("Counts: " + ", ".join(f"{rule} {n}" for rule, n in sorted(self.counts().items())))
        if self.links:
            lines.append("")
            lines.append("Marked passages inferred from the translator's notes (resp=\"#encoder\"):")
            lines.extend(f"  {link}" for link in self.links)
        if self.layout:
            lines.append("")
            lines.append("Layout (zone, line class and the strength of its evidence, for each opener and closing line):")
            for number, zone, kind, strength, text in self.layout:
                shown = text if len(text) <= 60 else text[:57] + "..."
                lines.append("  " + problem_line(self.name, number, f"{zone} {kind} ({strength:.1f}): {shown}"))
        if self.aligned:
            lines.append("")
            lines.append(f"Alignment with the original: {self.aligned} steps, {len(self.alignment)} uncertain "
                         "(cert=\"low\" on the original's paragraph).")
        unsure = [e for e in self.entries if e.unsure]
        doubtful = [row for row in self.layout if row[3] < 1.0]
        lines.append("")
        lines.append(f"To review ({len(unsure) + len(self.warnings) + len(self.review) + len(doubtful)}):")
        for warning in self.warnings:
            lines.append("  " + problem_line(warning.path or self.name, warning.line, f"warning: {warning.message}"))
        for entry in unsure:
            lines.append("  " + problem_line(self.name, entry.line,
                                              f"unrecognized bracket kept as <note type=\"editorial\">: {entry.source}"))
        for item in self.review:
            lines.append(f"  {item}")
        for number, zone, kind, strength, text in doubtful:
            what = "not recognized, kept as a line of the zone" if kind == "unknown" else f"taken as {kind} on weak evidence"
            lines.append("  " + problem_line(self.name, number, f"{zone} line {what}: {text[:60]}"))
        return "\n".join(lines) + "\n"
