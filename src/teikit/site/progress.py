"""Progress while documents are processed, and the closing summary.

On a terminal: one bar redrawn in place on stderr. Elsewhere (a pipe, a log
file, CI=true): one plain line per document, which reads well in CI logs.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def _interactive(stream: TextIO) -> bool:
    if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """Reports each finished document; only failures when ``quiet``."""

    WIDTH = 28

    def __init__(self, total: int, stream: TextIO | None = None, quiet: bool = False, label: str = "build"):
        self.total = total
        self.done = 0
        self.counts = {"built": 0, "failed": 0}
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.label = label
        self.tty = _interactive(self.stream)
        self.started = time.perf_counter()

    def note(self, message: str) -> None:
        """A line of its own (a failure), above the bar on a terminal; printed even when quiet."""
        if self.tty and not self.quiet:
            self.stream.write("\r\x1b[K")
        self.stream.write(message + "\n")
        self._redraw()

    def advance(self, doc_id: str, status: str, seconds: float) -> None:
        """One more document finished with ``status`` ("built" or "failed")."""
        self.done += 1
        self.counts[status] = self.counts.get(status, 0) + 1
        if self.quiet:
            return
        if self.tty:
            self._redraw()
        else:
            width = len(str(self.total))
            self.stream.write(f"[{self.done:>{width}}/{self.total}] {status} {doc_id} ({seconds:.2f} s)\n")
            self.stream.flush()

    def _redraw(self) -> None:
        if not self.tty or self.quiet or not self.total:
            return
        filled = self.WIDTH * self.done // self.total
        elapsed = time.perf_counter() - self.started
        eta = ""
        if self.done and self.done < self.total:
            eta = f" eta {elapsed / self.done * (self.total - self.done):.0f} s"
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        failed = f", {self.counts['failed']} failed" if self.counts.get("failed") else ""
        self.stream.write(f"\r\x1b[K{self.label} [{bar}] {self.done}/{self.total}{failed}{eta}")
        self.stream.flush()

    def finish(self) -> None:
        """End the bar's line."""
        if self.tty and not self.quiet and self.total:
            self.stream.write("\n")
            self.stream.flush()
