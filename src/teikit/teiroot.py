"""The one check that a tree is a TEI document: its root is an element in the TEI namespace.

Every command that reads TEI (validate, html, pdf, build) asks here, so a
document is refused with the same words wherever it is given.
"""

from __future__ import annotations

from lxml import etree

from . import TEI_NS
from .errors import TeikitError


def root_problem(tree: etree._ElementTree | etree._Element) -> tuple[str, int] | None:
    """``(message, line)`` when the root is not a TEI element, else None."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    namespace = etree.QName(root).namespace if isinstance(root.tag, str) else None
    if namespace == TEI_NS:
        return None
    where = f"the namespace {namespace}" if namespace else "no namespace"
    name = etree.QName(root).localname if isinstance(root.tag, str) else str(root.tag)
    return (f"not a TEI P5 document: the root element <{name}> is in {where}, not the TEI namespace {TEI_NS}",
            root.sourceline or 1)


def require_tei(tree: etree._ElementTree | etree._Element, name: str) -> None:
    """Raise :class:`TeikitError` (``name:line: not a TEI P5 document …``) unless the root is TEI."""
    problem = root_problem(tree)
    if problem is not None:
        raise TeikitError(problem[0], name, problem[1])
