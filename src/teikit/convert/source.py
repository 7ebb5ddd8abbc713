"""Reading a plain-text translation and refusing what cannot be converted.

The text must be UTF-8 without NUL or other control characters; a byte-order
mark is dropped and CR/CRLF line ends become LF. Every refusal names the file
and the source line, because an editor fixes the text, not the converter.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..errors import TeikitError
from ..xmlparse import Limits, read_limited

#: Largest source accepted; a translation is a few hundred kilobytes at most.
MAX_BYTES = 32 * 1024 * 1024

# C0 controls other than tab and line ends, DEL, C1 controls and the two
# non-characters XML forbids: none of them can be written into TEI.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass(frozen=True)
class Line:
    """One source line: its 1-based number, its text stripped, and the indent."""

    number: int
    text: str
    indent: int = 0

    @property
    def blank(self) -> bool:
        """True for an empty line or one holding only (non-breaking) spaces."""
        return not self.text


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset) - data.count(b"\r\n", 0, offset) + 1


def decode(data: bytes, name: str) -> str:
    """Decode ``data`` as UTF-8 text, normalized, or raise :class:`TeikitError`."""
    if len(data) > MAX_BYTES:
        raise TeikitError(f"file is larger than the limit of {MAX_BYTES} bytes", name, 1)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise TeikitError(
            f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})", name, _line_at(data, err.start)
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_lines(text: str, name: str) -> list[Line]:
    """Split normalized text into :class:`Line` objects, refusing control characters and empty input."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        bad = _FORBIDDEN.search(raw)
        if bad:
            char = bad.group()
            label = "NUL" if char == "\x00" else f"U+{ord(char):04X}"
            raise TeikitError(f"control character {label} at column {bad.start() + 1}", name, number)
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip()) if stripped else 0
        lines.append(Line(number, stripped, indent))
    if not any(not line.blank for line in lines):
        raise TeikitError("empty file: no text to convert", name, 1)
    return lines


def read_source(path: str | os.PathLike) -> list[Line]:
    """Read and check the source file at ``path`` (a regular file only: no FIFO or device)."""
    data = read_limited(path, Limits(max_bytes=MAX_BYTES))
    name = str(path)
    return split_lines(decode(data, name), name)
