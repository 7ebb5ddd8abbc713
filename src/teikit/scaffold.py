"""``teikit new``: an edition folder to start from, with one sample document.

The folder gets everything a document needs so that the README's walk-through
runs as printed: ``edition.toml``, a name register, a sample translation
``memo.txt`` and its sidecar ``memo.meta.toml``. The files are copied from
``scaffold_files/`` beside this module. Nothing that exists is ever
overwritten: a folder that is not empty is refused before anything is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UsageError
from .output import write_atomic

FILES_DIR = Path(__file__).resolve().parent / "scaffold_files"

#: The files of a new edition, in the order they are written.
FILES = ("edition.toml", "register.xml", "memo.txt", "memo.meta.toml")


def new_edition(target: str | os.PathLike) -> list[Path]:
    """Create the edition folder ``target`` (new, or empty) and return the files written."""
    folder = Path(target)
    if folder.exists() and not folder.is_dir():
        raise UsageError("exists and is not a folder; teikit new never overwrites a file", str(folder))
    if folder.is_dir() and any(folder.iterdir()):
        raise UsageError("folder is not empty; teikit new writes only into a new or empty folder", str(folder))
    written = []
    for name in FILES:
        path = folder / name
        write_atomic(path, (FILES_DIR / name).read_bytes())
        written.append(path)
    return written
