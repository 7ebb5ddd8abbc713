"""``-`` for standard input and output, and the refusals that keep inputs safe.

Every command that reads a file accepts ``-`` for standard input, and every
``-o FILE`` accepts ``-`` for standard output; the commands ask here, so that
``-`` means the same everywhere. A file output is written atomically
(:func:`teikit.output.write_atomic`) and standard output in full or with an
error (:func:`teikit.output.write_stdout`); an output that would replace one of the
command's own inputs is refused before anything is read or written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import TeikitError, UsageError
from .output import write_atomic, write_stdout
from .xmlparse import DEFAULT_LIMITS, Limits, parse_bytes, parse_file

#: The file name that means standard input or standard output.
STDIO = "-"
#: How standard input is named in messages (``stdin:12: …``).
STDIN_NAME = "stdin"


def is_stdio(path: str | os.PathLike | None) -> bool:
    """Whether ``path`` is ``-``."""
    return path is not None and os.fspath(path) == STDIO


def read_stdin(limit: int = DEFAULT_LIMITS.max_bytes) -> bytes:
    """All of standard input (at most ``limit`` bytes, or an error saying so)."""
    if sys.stdin is None:
        raise UsageError("- reads standard input, but this process has none")
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise TeikitError(f"input is larger than the limit of {limit} bytes", STDIN_NAME, 1)
    return data


def parse_input(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS):
    """The XML document at ``path``, or on standard input for ``-`` (the same hardened parser)."""
    if is_stdio(path):
        return parse_bytes(read_stdin(limits.max_bytes), STDIN_NAME, limits)
    return parse_file(path, limits)


def input_name(path: str | os.PathLike) -> str:
    """How an input is named in messages."""
    return STDIN_NAME if is_stdio(path) else os.fspath(path)


def write_output(path: str | os.PathLike | None, data: bytes | str) -> None:
    """Write ``data`` to the file ``path`` atomically, or to standard output for ``-`` or None."""
    if path is None or is_stdio(path):
        write_stdout(data)
    else:
        write_atomic(path, data)


def refuse_binary_on_terminal(what: str) -> None:
    """Binary output (a PDF) goes to standard output only when that is not a terminal."""
    if sys.stdout.isatty():
        raise UsageError(f"not writing {what} to a terminal: give -o FILE, or redirect standard output")


def refuse_overwriting_inputs(output: str | os.PathLike | None, *inputs: str | os.PathLike | None) -> None:
    """An output that is one of the inputs (the same file, by any path) is a usage error."""
    if output is None or is_stdio(output):
        return
    target = Path(output)
    if not target.exists():
        return
    for given in inputs:
        if given is None or is_stdio(given):
            continue
        try:
            same = Path(given).exists() and os.path.samefile(target, given)
        except OSError:
            same = False
        if same:
            raise UsageError(f"the output would overwrite the input {given}; choose another output file",
                             os.fspath(output))
