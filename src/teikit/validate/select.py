"""Which files are TEI: a project's XSLT, ODD, RelaxNG or SVG files are not for the TEI validator.

``teikit validate --skip-non-tei`` (the pre-commit hooks use it) leaves out a
file whose root element is not in the TEI namespace. Only the start of the
file is read, with the same precautions as the real parser (no DTD, no
entities, no network). A file that cannot be read that far is kept: the
validator then reports what is wrong with it.
"""

from __future__ import annotations

import os

from lxml import etree

from .. import TEI_NS


def root_is_tei(path: str | os.PathLike) -> bool:
    """False only when ``path`` starts as well-formed XML whose root is outside the TEI namespace."""
    if not os.path.isfile(path):
        return True  # a FIFO or device would block here; the validator refuses it by name
    try:
        for _event, element in etree.iterparse(
            os.fspath(path), events=("start",), resolve_entities=False, load_dtd=False, no_network=True,
            huge_tree=False,
        ):
            return etree.QName(element).namespace == TEI_NS
    except (etree.LxmlError, OSError, ValueError):
        return True
    return True


def split_tei(paths: list) -> tuple[list, list]:
    """``(TEI files, other files)`` of ``paths``, each in the given order."""
    kept, skipped = [], []
    for path in paths:
        (kept if root_is_tei(path) else skipped).append(path)
    return kept, skipped
