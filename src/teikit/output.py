"""Checked, atomic output: a failed write is an error, never a short file.

A Python file object may report a short write on a nearly full disk and go
on as if all was written (a 4 KiB file and exit status 0). Every byte teikit
writes therefore goes through :func:`write_fully`, which retries short writes
and turns a write that makes no progress, or any OS error, into a
:class:`TeikitError` naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from .errors import TeikitError

#: Pieces written by a :class:`CheckedFile` are gathered up to this size before a system call.
CHUNK = 1 << 20


def _as_bytes(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def write_fully(fd: int, data: bytes | memoryview) -> None:
    """Write all of ``data`` to the descriptor ``fd`` (an OSError if that cannot be done)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            # A write that makes no progress would loop forever; a full disk is the usual cause.
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


class CheckedFile:
    """A new file written with :func:`write_fully` (``write`` and ``writelines``, for ``shutil.copyfileobj``).

    Small pieces are gathered up to :data:`CHUNK` bytes, so a file written in
    many small pieces does not cost a system call each. Errors are OSError;
    the caller names the file.
    """

    def __init__(self, path: str | os.PathLike, *, fd: int | None = None):
        if fd is None:
            # A new file, never the old one truncated: a path of a staging folder may be a
            # hard link to a file of the live site, which must not be written in place.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o644)
        self.fd = fd
        self._pending: list[bytes] = []
        self._size = 0

    def write(self, data: bytes) -> int:
        self._pending.append(bytes(data))
        self._size += len(data)
        if self._size >= CHUNK:
            self.flush()
        return len(data)

    def writelines(self, pieces) -> None:
        for piece in pieces:
            self.write(piece)

    def flush(self) -> None:
        if self._pending:
            data = b"".join(self._pending)
            self._pending, self._size = [], 0
            write_fully(self.fd, data)

    def close(self) -> None:
        """Write what is pending and close (a close error, e.g. a quota on a network disk, is an error too)."""
        if self.fd < 0:
            return
        try:
            self.flush()
        finally:
            fd, self.fd = self.fd, -1
            os.close(fd)

    def __enter__(self) -> CheckedFile:
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.close()
        else:
            with contextlib.suppress(OSError):
                fd, self.fd = self.fd, -1
                os.close(fd)


def cannot_write(err: OSError, name: str) -> TeikitError:
    """The one message for a failed write."""
    return TeikitError(f"cannot write: {err.strerror or err}", name)


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
    payload = _as_bytes(data)
    if target.is_dir():
        raise TeikitError("cannot write: a directory is in the way", str(target))
    if target.exists() and not target.is_file():
        # A device or a FIFO (``-o /dev/null``, ``-o /dev/stdout``): written into, never
        # replaced by a regular file of the same name.
        _write_special(target, payload)
        return
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:200]}.", suffix=".tmp", dir=target.parent)
        handle = CheckedFile(tmp, fd=fd)
        with handle:
            handle.write(payload)
            handle.flush()
            # The data must be on disk before the rename makes it visible,
            # or a crash could leave an empty file under the final name.
            os.fsync(handle.fd)
        # mkstemp creates files readable by the owner only; published output
        # should have the usual permissions.
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
        tmp = None
    except OSError as err:
        raise cannot_write(err, str(target)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _write_special(target: Path, payload: bytes) -> None:
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            write_fully(fd, payload)
        finally:
            os.close(fd)
    except OSError as err:
        raise cannot_write(err, str(target)) from None


#: How standard output is named in messages.
STDOUT_NAME = "stdout"


def _write_stdout_fd(fd: int, payload: bytes) -> None:
    """Write to the descriptor of standard output; a regular file is cut back to where it was on failure.

    ``teikit convert SRC > out.xml`` on a full disk must not leave the first
    few kilobytes of a document looking like a result.
    """
    start = None
    with contextlib.suppress(OSError):
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode):
            import fcntl

            appending = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_APPEND
            start = info.st_size if appending else os.lseek(fd, 0, os.SEEK_CUR)
    try:
        write_fully(fd, payload)
    except OSError:
        if start is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, start)
        raise


def write_stdout(data: bytes | str) -> None:
    """Write ``data`` to standard output, all of it, or fail with one line naming stdout."""
    payload = _as_bytes(data)
    try:
        sys.stdout.flush()  # what was printed before comes first
        try:
            fd = sys.stdout.fileno()
        except (AttributeError, ValueError, OSError):
            fd = None  # a stream without a descriptor (an in-memory capture)
        if fd is None:
            view = memoryview(payload)
            while view:
                written = sys.stdout.buffer.write(view)
                if not written:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                view = view[written:]
            sys.stdout.buffer.flush()
        else:
            _write_stdout_fd(fd, payload)
    except BrokenPipeError:
        raise  # a reader that went away is reported as such by the command line
    except OSError as err:
        raise cannot_write(err, STDOUT_NAME) from None
