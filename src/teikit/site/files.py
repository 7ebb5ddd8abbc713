"""Writing into a build's staging folder.

The staging folder is private until the build swaps it in as a whole, so the
folder, not each file, is the unit of atomicity: a file written here needs
no temporary name, and no per-file fsync as it is written. Before the swap,
:func:`flush` makes the new files durable in one go (per-file fsyncs cost
about 30 ms each on this kind of disk, five files per document).
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from ..output import CheckedFile, cannot_write


def write_new(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write a file of the staging folder, from bytes or from pieces of bytes.

    A failure (a full disk included: short writes are checked) is a
    TeikitError naming the file.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with CheckedFile(path) as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
    except OSError as err:
        raise cannot_write(err, str(path)) from None


def link_or_copy(src: Path, dst: Path) -> None:
    """Carry an unchanged output over from the previous site (hard link, else copy)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


#: Up to this many new files, each is fsynced; beyond, one system-wide sync is cheaper.
FSYNC_LIMIT = 64


def flush(folder: Path, written: Iterable[Path]) -> None:
    """Make the files written into ``folder`` durable before it is swapped in.

    A few files (a one-document rebuild) are fsynced one by one; many (a
    full build) are flushed with a single ``os.sync()``. Hard links to
    unchanged outputs point at data that is already on disk. ``written`` may
    be a lazy iterable: no more than ``FSYNC_LIMIT + 1`` paths are taken
    from it, so a large build never lists all its files.
    """
    written = list(itertools.islice(written, FSYNC_LIMIT + 1))
    if len(written) > FSYNC_LIMIT:
        os.sync()
        return
    for path in [*written, *sorted({p.parent for p in written} | {folder})]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
