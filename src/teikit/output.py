"""Atomic output: a failed command never leaves a partial or damaged file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from .errors import TeikitError


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0644."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o644


def write_atomic(path: str | os.PathLike, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    The rename is atomic on POSIX, so readers see the old file or the new one,
    never half of either, and any failure leaves the old file untouched and no
    temporary file behind. A failure to write (unwritable or missing folder,
    full disk, a directory in the way) is a :class:`TeikitError` naming the path.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if target.is_dir():
        raise TeikitError("cannot write: a directory is in the way", str(target))
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            # The data must be on disk before the rename makes it visible,
            # or a crash could leave an empty file under the final name.
            os.fsync(handle.fileno())
        # mkstemp creates files readable by the owner only; published output
        # should have the usual permissions.
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
        tmp = None
    except OSError as err:
        raise TeikitError(f"cannot write: {err.strerror or err}", str(target)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
