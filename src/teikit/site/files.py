"""Writing into a build's staging folder.

The staging folder is private until the build swaps it in as a whole, so the
folder, not each file, is the unit of atomicity: a file written here needs
no temporary name, and no per-file fsync. One ``os.sync()`` before the swap
(:func:`flush`) makes everything durable at once; per-file fsyncs cost about
30 ms each on this kind of disk, five files per document.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..errors import TeikitError


def write_new(path: Path, data: bytes) -> None:
    """Write a file of the staging folder (a failure is a TeikitError naming it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as err:
        raise TeikitError(f"cannot write: {err.strerror or err}", str(path)) from None


def link_or_copy(src: Path, dst: Path) -> None:
    """Carry an unchanged output over from the previous site (hard link, else copy)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def flush() -> None:
    """Make everything written so far durable, before the staging folder is swapped in."""
    os.sync()
