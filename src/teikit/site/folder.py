"""The site folder: its layout, its manifest, and how a new site replaces the old one.

``teikit build`` and ``teikit merge`` both write a site through this module:
everything goes into a :class:`Staging` folder beside the site, the manifest
is written last by :func:`publish`, and the staging folder is then swapped in
whole, so an interrupted run leaves the previous site exactly as it was.
A :class:`SiteLock` keeps two runs on one site apart and lets the next run
tidy what a killed one left behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import glob
import hashlib
import itertools
import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypedDict

from .. import __version__
from ..errors import UsageError
from ..bundled import REGISTER_NAME
from ..html import DEFAULT_REGISTER_HREF
from .files import flush, write_new

MANIFEST = ".teikit-build.json"
#: 2: records moved out of the manifest into one file per document (an older site is rebuilt whole).
MANIFEST_FORMAT = 2

class DocEntry(TypedDict, total=False):
    """A document in the manifest: its source digest and what became of it."""

    digest: str
    status: str  #: "built" or "failed"
    outputs: list[str]  #: relative paths in the site (when built)
    errors: list[str]  #: ``path:line: message`` lines (when failed)


#: Where, inside a site, each document's outputs go (relative paths).
OUTPUTS = {
    "html": "documents/{id}.html",
    "page": ".teikit/pages/{id}.html",
    "pdf": "documents/{id}.pdf",
    "tei": "tei/{id}.xml",
    "fragment": ".teikit/corpus/{id}.xml",
    "words": ".teikit/words/{id}.txt",
    "record": ".teikit/records/{id}.json",
    # Only for a document with a facsimile (its images go to facsimile/{id}/, see site/facsimile.py).
    "iiif": "iiif/{id}.json",
}
#: The site's own pages and files, at its top. The register page is the one
#: ``teikit html`` links names to by default.
INDEX_PAGE = "index.html"
REGISTER_PAGE = DEFAULT_REGISTER_HREF
SEARCH_PAGE = "search.html"
SEARCH_INDEX = "search-index.js"
CORPUS_FILE = "edition.xml"
#: The register, published beside the documents' TEI.
REGISTER_FILE = f"tei/{REGISTER_NAME}"
#: Document ids the site's own files use (compared ignoring case, for file systems that do):
#: a document ``register`` would take the register's place in ``tei/``.
RESERVED_IDS = frozenset(Path(name).stem.lower() for name in (
    INDEX_PAGE, REGISTER_PAGE, SEARCH_PAGE, SEARCH_INDEX, CORPUS_FILE, REGISTER_FILE))
#: How the document page reaches the other files of the site.
TEI_HREF = "../tei/{id}.xml"
PDF_HREF = "{id}.pdf"
REGISTER_HREF = f"../{REGISTER_PAGE}"


def _site_code_digest() -> str:
    digest = hashlib.sha256(__version__.encode("utf-8"))
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode("utf-8") + path.read_bytes())
    return digest.hexdigest()


def manifest_chunks(manifest: dict) -> Iterator[bytes]:
    """The manifest as JSON, one document at a time (it grows with the edition; no need to hold it whole)."""
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = {k: v for k, v in manifest.items() if k != "docs"}
    yield (dumps(head)[:-1] + ',"docs":{').encode("utf-8")
    for n, (doc_id, entry) in enumerate(manifest["docs"].items()):
        yield (("," if n else "") + dumps(doc_id) + ":" + dumps(entry)).encode("utf-8")
    yield b"}}"


def load_manifest(site: Path) -> dict | None:
    """The manifest of a previous build, or None if there is no usable one."""
    path = site / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return None
    return data


def check_site_dir(site: Path) -> None:
    """Refuse to replace a folder that is not a teikit site."""
    if site.exists() and (not site.is_dir() or (any(site.iterdir()) and not (site / MANIFEST).is_file())):
        raise UsageError(f"{site} exists and is not a site built by teikit; remove it or choose another -o")


def pages_digest(manifest_docs: dict, register_digest: str, edition: dict, toolchain: str) -> str:
    digest = hashlib.sha256()
    for part in (toolchain, _site_code_digest(), register_digest, json.dumps(edition, sort_keys=True)):
        digest.update(part.encode("utf-8") + b"\0")
    for doc_id in sorted(manifest_docs):
        entry = manifest_docs[doc_id]
        digest.update(f"{doc_id}\0{entry['digest']}\0{entry['status']}\0".encode("utf-8"))
    return digest.hexdigest()


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # an old kernel or a file system without it: the two renames below
    raise OSError(code, os.strerror(code), str(b))


def _leftovers(site: Path, kind: str) -> list[Path]:
    """Staging (``build``) or replaced (``old``) folders of earlier runs on ``site``, newest first."""
    found = list(site.parent.glob(f".{glob.escape(site.name)}.{kind}-*"))
    return sorted(found, key=lambda p: p.stat().st_mtime if p.exists() else 0, reverse=True)


class SiteLock:
    """One build or merge at a time per site: an exclusive lock on a file beside the site.

    The kernel drops the lock when its process ends, however it ends, so a
    killed build never leaves a stale lock (only, at worst, the empty file,
    which the next run takes over). While holding it, a run can
    tidy what killed runs left behind (:func:`recover`).
    """

    def __init__(self, site: Path):
        site = site.resolve()
        site.parent.mkdir(parents=True, exist_ok=True)
        self.path = site.parent / f".{site.name}.lock"
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                os.close(fd)
                raise UsageError(f"another teikit build or merge is writing this site (process {holder or '?'}); "
                                 "wait for it to finish", str(site)) from None
            # The holder removes the file as it lets go; a lock on a file that
            # is no longer (or no longer this one) at the path locks nothing.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        self.fd = fd
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        recover(site)

    def release(self) -> None:
        if self.fd >= 0:
            fd, self.fd = self.fd, -1
            with contextlib.suppress(OSError):
                os.unlink(self.path)  # while still held, so nobody locks a file about to go
            os.close(fd)

    def __enter__(self) -> SiteLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def recover(site: Path) -> None:
    """Repair what killed runs left: a missing site comes back from its replaced copy; leftovers go.

    Called with the site's lock held, so no other run owns these folders.
    """
    olds = _leftovers(site, "old")
    if not site.exists() and olds and (olds[0] / MANIFEST).is_file():
        # Killed between the two renames of the fallback swap: the previous site is whole.
        os.replace(olds[0], site)
        olds = olds[1:]
    for folder in [*_leftovers(site, "build"), *olds]:
        shutil.rmtree(folder, ignore_errors=True)


class Staging:
    """A sibling folder that becomes the site, or disappears."""

    def __init__(self, site: Path):
        site = site.resolve()  # so that "." has a name and a parent
        self.site = site
        site.parent.mkdir(parents=True, exist_ok=True)
        self.path = site.parent / f".{site.name}.build-{os.getpid()}"
        if self.path.exists():
            shutil.rmtree(self.path)
        self.path.mkdir()

    def commit(self) -> None:
        """Put the staging folder in place of the site, with no moment without a site.

        Where the system can exchange two folders in one step, it does; the
        replaced site is then removed. Elsewhere the old site is renamed
        aside first; a run killed between the two renames leaves it whole
        beside the site's place, and the next run puts it back (:func:`recover`).
        """
        if not self.site.exists():
            os.replace(self.path, self.site)
            return
        old = self.site.parent / f".{self.site.name}.old-{os.getpid()}"
        if old.exists():
            shutil.rmtree(old)
        if _exchange(self.path, self.site):
            os.replace(self.path, old)  # the staging name now holds the replaced site
        else:
            os.replace(self.site, old)
            os.replace(self.path, self.site)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Remove the staging folder (after a failure or an interruption)."""
        shutil.rmtree(self.path, ignore_errors=True)


def publish(staging: Staging, docs: dict[str, DocEntry], *, toolchain: str, pdf: bool, shard, register: str,
            edition: dict, written: Iterable[Path]) -> None:
    """Write the manifest last, sync what is new, and swap the staged site in.

    The manifest describes exactly the outputs beside it, so it is written
    only once they all exist; ``written`` are the files new in this build.
    """
    manifest = {
        "format": MANIFEST_FORMAT,
        "teikit": __version__,
        "toolchain": toolchain,
        "pdf": pdf,
        "shard": list(shard) if shard else None,
        "register": register,
        "edition": edition,
        "pages": pages_digest(docs, register, edition, toolchain),
        "docs": docs,
    }
    write_new(staging.path / MANIFEST, manifest_chunks(manifest))
    flush(staging.path, itertools.chain(written, [staging.path / MANIFEST]))
    staging.commit()
