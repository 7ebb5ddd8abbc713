"""What a file that is not plain text probably is, so that the refusal can say what to do.

The converter reads UTF-8 plain text only. A word processor's document given
instead fails on its first non-UTF-8 byte, which tells the user nothing; the
first bytes of such files are distinctive, and naming the format with the
remedy (save as UTF-8 plain text) is more use than the byte.
"""

from __future__ import annotations

#: Leading bytes, and what a file that starts with them is.
SIGNATURES = (
    (b"PK\x03\x04", "a ZIP container, such as a Word (.docx) or OpenDocument (.odt) file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word (.doc) or other Office file"),
    (b"%PDF-", "a PDF file"),
    (b"{\\rtf", "an RTF document"),
    (b"\xff\xfe", "UTF-16 text"),
    (b"\xfe\xff", "UTF-16 text"),
)

#: Bytes enough to recognize every signature.
HEAD_SIZE = max(len(signature) for signature, _ in SIGNATURES)

REMEDY = "save it as plain text in UTF-8 (.txt) and convert that"


def not_plain_text(head: bytes) -> str | None:
    """The refusal for a file starting with ``head`` when it is a known non-text format, else None."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return f"this is {kind}, not plain text: {REMEDY}"
    return None
