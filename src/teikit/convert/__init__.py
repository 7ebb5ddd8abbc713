"""Plain-text translation → TEI P5.

``convert_text`` and ``convert_file`` are the library entry points; the
``teikit convert`` command calls them. The conventions the converter knows
are the rows of :mod:`teikit.convert.rules`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from lxml import etree

from ..errors import TeikitError
from .build import build_tei
from .header import check_metadata, read_metadata, sidecar_path
from .original import add_original
from .names import Register, find_register, load_register
from .report import Report, Warning_
from .source import read_source, split_lines

__all__ = ["Conversion", "convert_text", "convert_file", "serialize"]


@dataclass
class Conversion:
    """The result of a conversion: the TEI tree, the warnings and the report."""

    tree: etree._ElementTree
    report: Report

    @property
    def warnings(self) -> list[Warning_]:
        """Problems worked around, each with ``.line`` and ``.message``."""
        return self.report.warnings

    def to_bytes(self) -> bytes:
        """The TEI document as UTF-8 bytes (deterministic)."""
        return serialize(self.tree)


def serialize(tree: etree._ElementTree) -> bytes:
    """Serialize a TEI tree with an XML declaration and a final newline."""
    declaration = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    return declaration + etree.tostring(tree, xml_declaration=False, encoding="UTF-8") + b"\n"


_NO_METADATA = "no metadata sidecar (NAME.meta.toml): the header has defaults only"


def convert_text(text: str, name: str = "<text>", *, strict: bool = False, metadata: dict | None = None,
                 register: Register | str | os.PathLike | None = None) -> Conversion:
    """Convert the text of a translation; ``name`` is used in messages and for the document's id.

    ``metadata`` is the sidecar's content (see :mod:`teikit.convert.header`);
    ``register`` a :class:`Register` or the path of a register file (default:
    the bundled edition's). With ``strict`` a warning is an error.
    """
    lines = split_lines(text, name)
    return _convert(lines, name, strict=strict, metadata=metadata, register=register, source=None)


def convert_file(path: str | os.PathLike, *, strict: bool = False, metadata: dict | None = None,
                 register: Register | str | os.PathLike | None = None) -> Conversion:
    """Convert the file at ``path``, reading ``NAME.meta.toml`` beside it unless ``metadata`` is given."""
    lines = read_source(path)
    return _convert(lines, str(path), strict=strict, metadata=metadata, register=register, source=path)


def _convert(lines, name, *, strict, metadata, register, source) -> Conversion:
    note = None
    if metadata is None:
        sidecar = sidecar_path(source) if source is not None else None
        if sidecar is not None and sidecar.is_file():
            metadata = read_metadata(sidecar)
        else:
            metadata = {}
            note = _NO_METADATA
    else:
        check_metadata(metadata, name)
    if strict and note:
        raise TeikitError(note, name, 1)
    if register is None:
        found = find_register(source)
        register = load_register(found) if found else None
    elif not isinstance(register, Register):
        register = load_register(register)
    original = metadata.get("original")
    if original and original.get("language") and not metadata.get("original_language"):
        metadata = {**metadata, "original_language": original["language"]}
    tree, report = build_tei(lines, name, metadata=metadata, register=register, strict=strict, metadata_note=note)
    if original:
        add_original(tree, original, metadata.get("original_language"), report, strict=strict)
    return Conversion(tree, report)
