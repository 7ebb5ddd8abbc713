"""Progress: plain lines off a terminal or in CI, a bar on a terminal."""

from __future__ import annotations

import io

from teikit.site.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_plain_lines_when_not_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    stream = io.StringIO()
    progress = Progress(2, stream)
    progress.advance("a", "built", 0.5)
    progress.note("x.txt:3: bad")
    progress.advance("b", "failed", 0.25)
    progress.finish()
    assert stream.getvalue().splitlines() == ["[1/2] built a (0.50 s)", "x.txt:3: bad", "[2/2] failed b (0.25 s)"]


def test_bar_on_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    stream = Terminal()
    progress = Progress(4, stream)
    progress.advance("a", "built", 0.1)
    progress.advance("b", "failed", 0.1)
    progress.finish()
    out = stream.getvalue()
    assert "\r" in out and "2/4, 1 failed" in out and "#" * 14 in out
    assert out.endswith("\n")


def test_ci_means_plain_lines_even_on_a_terminal(monkeypatch):
    monkeypatch.setenv("CI", "true")
    stream = Terminal()
    Progress(1, stream).advance("a", "built", 0.1)
    assert stream.getvalue() == "[1/1] built a (0.10 s)\n"


def test_quiet():
    stream = io.StringIO()
    progress = Progress(1, stream, quiet=True)
    progress.advance("a", "built", 0.1)
    progress.note("x.txt:1: failures still show")
    progress.finish()
    assert stream.getvalue() == "x.txt:1: failures still show\n"
