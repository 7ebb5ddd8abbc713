"""The one hardened XML parser that every command uses.

Nothing a document says can make teikit read another file or the network:
no DTD is loaded, no entity is expanded, no XInclude is processed, and a
document that uses an entity its DOCTYPE declares is refused (billion laughs
and external entities both need one). Declarations alone are inert: TEI of
the P4 era switches modules on with parameter entities (``<!ENTITY %
TEI.drama "INCLUDE">``) that only an external DTD would read, so a DOCTYPE
whose declarations nothing references is accepted. The bytes are read by us and handed to
libxml2 from memory, so a gzip-compressed file is never inflated behind our
back. Limits on file size, depth and text size stop resource exhaustion with
a clear message instead of a hang.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import TeikitError


@dataclass(frozen=True)
class Limits:
    """Upper bounds for one XML input."""

    max_bytes: int = 64 * 1024 * 1024
    max_depth: int = 200
    max_text: int = 8 * 1024 * 1024


DEFAULT_LIMITS = Limits()

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
#: A reference to a general entity; the five predefined ones and character
#: references are not entities a DOCTYPE can declare.
_GENERAL_REF = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z_:][-\w.:]*);")
_PARAMETER_REF = re.compile(rb"%[A-Za-z_:][-\w.:]*;")
_GZIP_MAGIC = b"\x1f\x8b"


def _parser() -> etree.XMLParser:
    # huge_tree=False keeps libxml2's own caps on text nodes and nesting;
    # resolve_entities=False and load_dtd=False mean a DOCTYPE is inert.
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=True,
    )


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _internal_subset_end(view: bytes, start: int) -> int:
    """The offset of the ``]`` closing an internal subset opened at ``start`` ("[").

    Quoted values and comments may hold a ``]``; -1 when the subset never closes.
    """
    i, n = start + 1, len(view)
    while i < n:
        c = view[i:i + 1]
        if view.startswith(b"<!--", i):
            end = view.find(b"-->", i + 4)
            if end < 0:
                return -1
            i = end + 3
            continue
        if c in (b'"', b"'"):
            end = view.find(c, i + 1)
            if end < 0:
                return -1
            i = end + 1
            continue
        if c == b"]":
            return i
        i += 1
    return -1


def _check_doctype(data: bytes, name: str) -> None:
    """Refuse a DOCTYPE whose entities would be used (or any external DTD)."""
    # The declaration may be encoded in UTF-16; look at an ASCII view too.
    views = [data]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 1 and data[1:2] == b"\x00") or data[:1] == b"\x00":
        views.append(data.replace(b"\x00", b""))
    for view in views:
        match = _DOCTYPE.search(view)
        if not match:
            continue
        line = _line_of(view, match.start())
        bracket = view.find(b"[", match.start())
        close = view.find(b">", match.start())
        if bracket < 0 or 0 <= close < bracket:
            bracket = -1  # no internal subset
        head = view[match.start(): bracket if bracket >= 0 else (close if close >= 0 else None)]
        if b"SYSTEM" in head or b"PUBLIC" in head:
            raise TeikitError("DOCTYPE names an external DTD; refused (no DTD is ever loaded)", name, line)
        if bracket < 0:
            continue
        end = _internal_subset_end(view, bracket)
        subset = view[bracket: end if end >= 0 else None]
        if not _ENTITY_DECL.search(subset):
            continue
        # A parameter entity referenced inside the subset could declare
        # further entities (or read a file): refused, as a used entity is.
        used = _PARAMETER_REF.search(subset)
        if used is None and end >= 0:
            used = _GENERAL_REF.search(view, end)
        if used is None:
            used = _GENERAL_REF.search(subset)
        if used is not None or end < 0:
            what = used.group(0).decode("ascii", "replace") if used is not None else "an unclosed subset"
            raise TeikitError(f"DOCTYPE declares entities and the document uses them ({what}); "
                              "refused (entities are never expanded)", name, line)


# libxml2's own resource limits (active because huge_tree is off) speak of
# its build options; say instead what is wrong with the file.
_LIBXML_LIMITS = (
    ("Excessive depth", "elements nested deeper than {limits.max_depth} levels"),
    ("Text node too long", "a text node is longer than {limits.max_text} characters"),
    ("Buffer size limit exceeded", "a text node or attribute value is too long"),
    ("Huge input lookup", "a text node or attribute value is too long"),
    ("Invalid bytes in character encoding", "not valid UTF-8 (or not in the encoding its XML declaration names)"),
    ("Input is not proper UTF-8", "not valid UTF-8 (or not in the encoding its XML declaration names)"),
)


def _syntax_message(err: etree.XMLSyntaxError, limits: Limits) -> str:
    """One line saying what libxml2 found wrong, without its location suffix."""
    message = err.msg or str(err)
    # libxml2 appends its own location (sometimes after a newline).
    message = re.sub(r"\s*,? line \d+, column \d+\s*$", "", message)
    message = " ".join(message.split())
    for needle, text in _LIBXML_LIMITS:
        if needle in message:
            return text.format(limits=limits)
    return f"not well-formed XML: {message}"


def parse_bytes(data: bytes, name: str = "<input>", limits: Limits = DEFAULT_LIMITS) -> etree._ElementTree:
    """Parse ``data`` safely; ``name`` is used in error messages.

    Raises :class:`TeikitError` (with the line where it can be told) for
    anything that is not a plain, well-formed XML document within ``limits``.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("parse_bytes takes bytes; encode text first")
    data = bytes(data)
    if not data.strip():
        raise TeikitError("empty file: no XML document", name, 1)
    if len(data) > limits.max_bytes:
        raise TeikitError(f"file is larger than the limit of {limits.max_bytes} bytes", name, 1)
    if data[:2] == _GZIP_MAGIC:
        raise TeikitError("compressed (gzip) input is not accepted; decompress it first", name, 1)
    _check_doctype(data, name)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as err:
        line = err.lineno or (err.position[0] if err.position else None)
        raise TeikitError(_syntax_message(err, limits), name, line) from None
    except (ValueError, LookupError) as err:  # e.g. an unknown encoding declaration
        raise TeikitError(f"cannot decode XML: {' '.join(str(err).split())}", name, 1) from None
    tree = root.getroottree()
    _check_dtd(tree, name)
    _check_shape(root, len(data), name, limits)
    return tree


def _check_dtd(tree: etree._ElementTree, name: str) -> None:
    """Second line of defence, independent of the input's encoding.

    The byte scan in :func:`_check_doctype` cannot see a DOCTYPE written in an
    encoding that is not ASCII-compatible; what libxml2 recorded can.
    """
    info = tree.docinfo
    if info.system_url or info.public_id:
        raise TeikitError("DOCTYPE names an external DTD; refused (no DTD is ever loaded)", name, 1)
    # An entity reference that survived the byte scan (an encoding it cannot
    # read) is kept by libxml2 as a node of its own.
    for entity in tree.getroot().iter(etree.Entity):
        raise TeikitError(f"DOCTYPE declares entities and the document uses them ({entity.text}); "
                          "refused (entities are never expanded)", name, entity.sourceline or 1)


def _check_shape(root: etree._Element, size: int, name: str, limits: Limits) -> None:
    # One XPath step per level finds any element below the limit in linear
    # time, without walking the tree in Python.
    too_deep = root.xpath("/" + "/".join(["*"] * (limits.max_depth + 1)))
    if too_deep:
        raise TeikitError(f"elements nested deeper than {limits.max_depth} levels", name, too_deep[0].sourceline)
    # A text node cannot hold more characters than the file has bytes (no
    # entity is ever expanded), so small files need no look at their text.
    if size > limits.max_text:
        # A walk in Python, not an XPath union of every text node and attribute:
        # libxml2 merges such a union in time quadratic in the number of nodes
        # (minutes for a few hundred thousand notes).
        longest = limits.max_text
        for element in root.iter():
            if len(element.text or "") > longest or len(element.tail or "") > longest \
                    or any(len(value) > longest for value in element.attrib.values()):
                line = element.sourceline if len(element.tail or "") <= longest else element.getparent().sourceline
                raise TeikitError(f"a text node or attribute value is longer than {limits.max_text} characters",
                                  name, line)


def _check_regular(path: str | os.PathLike, name: str) -> None:
    """Refuse directories, FIFOs and devices before opening (a FIFO would block)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise TeikitError("no such file", name) from None
    except PermissionError:
        raise TeikitError("permission denied", name) from None
    except OSError as err:
        raise TeikitError(f"cannot read: {err.strerror or err}", name) from None
    if stat.S_ISDIR(mode):
        raise TeikitError("is a directory, not a file", name)
    if not stat.S_ISREG(mode):
        raise TeikitError("not a regular file (device, FIFO or socket)", name)


def read_limited(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read at most ``limits.max_bytes`` (+1 to detect overflow) from ``path``."""
    name = str(path)
    _check_regular(path, name)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise TeikitError("no such file", name) from None
    except IsADirectoryError:
        raise TeikitError("is a directory, not a file", name) from None
    except PermissionError:
        raise TeikitError("permission denied", name) from None
    except OSError as err:
        raise TeikitError(f"cannot read: {err.strerror or err}", name) from None
    return data


def parse_file(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> etree._ElementTree:
    """Read and parse one XML file through :func:`parse_bytes`."""
    data = read_limited(path, limits)
    tree = parse_bytes(data, str(path), limits)
    tree.docinfo.URL = Path(path).resolve().as_uri()
    return tree
