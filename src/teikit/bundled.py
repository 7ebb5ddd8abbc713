"""Where teikit's own data lives, and which register a document's names mean.

The stylesheets (``xslt/``), schemas (``schemas/``) and the bundled edition
(``tei/``) sit at the project's root in a checkout and inside the package in
an installed wheel (see ``setup.py``); everything that needs them asks here.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
REGISTER_NAME = "register.xml"


def data_dir(name: str) -> Path:
    """The folder ``name`` (``xslt``, ``schemas``, ``tei``) of this installation."""
    for base in (PACKAGE, PACKAGE.parents[1]):
        if (base / name).is_dir():
            return base / name
    return PACKAGE.parents[1] / name


def bundled_register() -> Path | None:
    """The bundled edition's register, if this installation has it."""
    path = data_dir("tei") / REGISTER_NAME
    return path if path.is_file() else None


def find_register(document: str | os.PathLike | None) -> Path | None:
    """The register for a document or source: ``register.xml`` beside it, else the bundled one.

    The converter tags names from this register and the validator resolves
    ``register.xml#id`` pointers against the same one, so a document converted
    outside an edition folder validates without further set-up.
    """
    if document is not None:
        beside = Path(document).resolve().parent / REGISTER_NAME
        if beside.is_file():
            return beside
    return bundled_register()
