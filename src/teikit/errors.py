"""Errors that reach the user as one line: ``path:line: message``."""

from __future__ import annotations


def printable(text: str) -> str:
    """``text`` (a file name, most often) made safe to print on one line of any report.

    Bytes that are not UTF-8 (kept by Python as lone surrogates) become
    ``\\xNN``, and control characters, newlines included, become ``\\n``,
    ``\\x1b`` and the like: a name can neither break a line nor start one that
    a CI runner would read as its own command, nor stop a report from being written.
    """
    try:
        raw = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        raw = text.encode("utf-8", "backslashreplace").decode("ascii")
    if raw.isprintable():
        return raw
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in raw)


def problem_line(path: str | None, line: int | None, message: str, rule: str | None = None,
                 column: int | None = None) -> str:
    """The one format of a problem: ``path:line[:column]: message [rule]`` (the parts that are known)."""
    where = ""
    if path is not None:
        path = printable(path)
        if line:
            where = f"{path}:{line}:{column}: " if column is not None else f"{path}:{line}: "
        else:
            where = f"{path}: "
    return f"{where}{message}" + (f" [{rule}]" if rule else "")


class TeikitError(Exception):
    """A problem with an input or an argument, reported without a traceback.

    ``exit_code`` is 1 for bad input and 2 for bad usage (a missing schema,
    an option that makes no sense), so that CI can tell them apart.
    """

    exit_code = 1

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        return problem_line(self.path, self.line, self.message)


class UsageError(TeikitError):
    """Bad arguments or an unusable configuration (exit status 2)."""

    exit_code = 2
