"""The register of names that documents point at, and the pointers into it.

Documents write ``@ref="register.xml#per-fadeyev-yu"``. The register is a
TEI file named ``register.xml`` beside the documents (or the file named with
``--register``). Whether each pointer has an entry, and whether each entry
is pointed at, is decided by the Schematron rules ``teikit-register-missing``
and ``teikit-register-unused``; this module only gathers the two id lists
that the rules receive as parameters (a stylesheet cannot read other files).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_NS
from ..bundled import find_register
from ..errors import TeikitError
from ..xmlparse import parse_file

#: The file name by which documents point at the register.
REGISTER_NAME = "register.xml"
#: Attributes that hold pointers (TEI's teidata.pointer lists).
POINTER_ATTRIBUTES = ("target", "ref", "hand", "resp", "corresp")
# One compiled XPath, one pass over the document: this runs once per document.
_POINTERS_INTO_REGISTER = etree.XPath(
    f"//@*[contains(., '{REGISTER_NAME}#')][{' or '.join(f'name() = {name!r}' for name in POINTER_ATTRIBUTES)}]"
)
_ENTRIES = tuple(f"{{{TEI_NS}}}{name}" for name in ("person", "org", "place"))


def register_for(document: Path, explicit: Path | None = None) -> Path:
    """The register a document's ``register.xml#…`` pointers mean.

    The one named by the user, else the converter's choice (the register beside
    the document, else the bundled edition's); without any, the path where it
    would have to be, so that the rules can say it is missing.
    """
    if explicit is not None:
        return explicit
    return find_register(document) or document.parent / REGISTER_NAME


def is_register(path: Path, explicit: Path | None = None) -> bool:
    """Whether ``path`` is the register itself rather than a document."""
    if explicit is not None and path.resolve() == explicit.resolve():
        return True
    return path.name == REGISTER_NAME


def entry_ids(tree: etree._ElementTree) -> list[str]:
    """The ids of the register's ``person``, ``org`` and ``place`` entries."""
    return [e.get(f"{{{XML_NS}}}id") for e in tree.iter(*_ENTRIES) if e.get(f"{{{XML_NS}}}id")]


@lru_cache(maxsize=16)
def _register_ids(path: str, mtime: float) -> tuple[str, ...] | None:
    try:
        return tuple(entry_ids(parse_file(path)))
    except TeikitError:
        return None  # an unreadable register is reported when it is validated itself


def load_register_ids(path: Path) -> tuple[str, ...] | None:
    """Entry ids of the register at ``path``; None when there is none or it cannot be read."""
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    if not path.is_file():
        return None
    return _register_ids(str(path.resolve()), mtime)


def referenced_ids(tree: etree._ElementTree) -> set[str]:
    """Entry ids a document points at through ``register.xml#id``."""
    prefix = f"{REGISTER_NAME}#"
    found = set()
    for value in _POINTERS_INTO_REGISTER(tree):
        for token in value.split():
            if token.startswith(prefix):
                found.add(token[len(prefix):])
    return found
