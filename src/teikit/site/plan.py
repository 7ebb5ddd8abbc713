"""What a build has to do: the documents of a source folder, their content
hashes, the toolchain hash, and the deterministic split into shards.

A document is identified by its file stem. A plain-text translation
``NAME.txt`` (with an optional sidecar ``NAME.meta.toml``) is converted on the
way; a TEI file ``NAME.xml`` is used as it is. When both exist, the TEI file
wins: it is the reviewed form of the text (it may carry corrections made after
conversion), and the ``.txt`` is its source kept for reference.
``register.xml`` is the edition's name register, not a document.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..bundled import REGISTER_NAME, data_dir
from ..errors import UsageError
from ..errors import printable
from ..shard import Shard
from .folder import RESERVED_IDS

SIDECAR_SUFFIX = ".meta.toml"
EDITION_META = "edition.toml"

# Document ids become file names and URL fragments in the site: keep them to
# a portable, URL-safe alphabet instead of escaping them everywhere.
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
#: The longest id: its longest output name (``{id}.json``, ``{id}.html``) must fit the usual 255 bytes.
MAX_ID_LENGTH = 200


def id_problem(doc_id: str) -> str | None:
    """Why a file stem cannot be a document id, or None when it can."""
    if not _ID.match(doc_id):
        return "file name is not usable as a document id (letters, digits, '.', '_', '-'; not first '.', '_', '-')"
    if len(doc_id) > MAX_ID_LENGTH:
        return f"file name is too long for a document id (at most {MAX_ID_LENGTH} characters)"
    if doc_id.lower() in RESERVED_IDS:
        return f"'{doc_id}' is the name of one of the site's own files; rename the document"
    return None


@dataclass(frozen=True)
class Source:
    """One document of the edition and everything its outputs depend on."""

    doc_id: str
    path: Path
    kind: str  # "txt" (converted) or "tei" (used as is)
    sidecar: Path | None
    digest: str  # content hash of the source, its sidecar and the register


@dataclass
class Plan:
    """The documents found in a source folder, with what they share."""

    source_dir: Path
    sources: list[Source]
    register: Path | None
    edition_meta: Path | None
    register_digest: str
    superseded: list[Path] = field(default_factory=list)
    #: Links in the source folder that lead outside it: never read, never published.
    outside: list[Path] = field(default_factory=list)
    #: Files left out because their name cannot be a document id: one printable line each.
    refused: list[str] = field(default_factory=list)


def file_digest(path: Path | None) -> str:
    """SHA-256 of a file's bytes ('-' for no file)."""
    if path is None:
        return "-"
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _original_of(sidecar: Path) -> Path | None:
    """The original-language text the sidecar's ``[original]`` names, if it names one; a sidecar that
    cannot be read names none here (its conversion reports why)."""
    try:
        text = tomllib.loads(sidecar.read_text(encoding="utf-8")).get("original", {}).get("text")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError):
        return None
    return sidecar.parent / text if isinstance(text, str) and text else None


def _combine(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (following links) stays within the source folder.

    A pull request can add a link such as ``x.txt -> /etc/secret``; building
    it would publish a file of the build machine, so such links are skipped.
    """
    return path.resolve().is_relative_to(root)


def discover(source_dir: str | os.PathLike) -> Plan:
    """List the documents of ``source_dir`` (not recursive), sorted by id."""
    root = Path(source_dir)
    if not root.is_dir():
        raise UsageError(f"source folder not found: {root}")
    real_root = root.resolve()
    outside: list[Path] = []

    def usable(path: Path) -> bool:
        if not path.is_file():
            return False
        if not _inside(path, real_root):
            outside.append(path)
            return False
        return True

    register = root / REGISTER_NAME
    register = register if usable(register) else None
    register_digest = file_digest(register)
    edition_meta = root / EDITION_META
    edition_meta = edition_meta if usable(edition_meta) else None

    by_id: dict[str, tuple[str, Path]] = {}
    refused: list[str] = []
    superseded: list[Path] = []
    for path in sorted(root.iterdir()):
        if path.name.startswith(".") or path.name in (REGISTER_NAME, EDITION_META) or not usable(path):
            continue
        if path.suffix == ".xml":
            kind = "tei"
        elif path.suffix == ".txt":
            kind = "txt"
        else:
            continue
        doc_id = path.stem
        problem = id_problem(doc_id)
        if problem:
            # One bad name must not stop the build: the file is left out, and said so.
            refused.append(f"{printable(str(path))}: {problem}; left out")
            continue
        if doc_id in by_id:
            # Only a .txt and a .xml can share a stem; the TEI file wins.
            other_kind, other = by_id[doc_id]
            if kind == "tei":
                superseded.append(other)
                by_id[doc_id] = (kind, path)
            else:
                superseded.append(path)
            continue
        by_id[doc_id] = (kind, path)

    sidecars = {}
    for doc_id, (kind, path) in by_id.items():
        candidate = path.with_name(doc_id + SIDECAR_SUFFIX)
        sidecars[doc_id] = candidate if kind == "txt" and usable(candidate) else None
    # An original-language text a sidecar names is part of that document, not a document of its own.
    originals = {doc_id: _original_of(sidecar) for doc_id, sidecar in sidecars.items() if sidecar is not None}
    named = {original.resolve() for original in originals.values() if original is not None}
    sources = []
    for doc_id in sorted(by_id):
        kind, path = by_id[doc_id]
        if kind == "txt" and path.resolve() in named:
            continue
        sidecar = sidecars[doc_id]
        original = originals.get(doc_id)
        original = original if original is not None and usable(original) else None
        digest = _combine(kind, file_digest(path), file_digest(sidecar), register_digest) if original is None else \
            _combine(kind, file_digest(path), file_digest(sidecar), register_digest, file_digest(original))
        sources.append(Source(doc_id, path, kind, sidecar, digest))
    return Plan(root, sources, register, edition_meta, register_digest, sorted(superseded), sorted(set(outside)),
                refused)


def select_shard(sources: list[Source], shard: tuple[int, int] | None) -> list[Source]:
    """The sources of one shard (all of them for ``None``), split by document id."""
    return list(sources) if shard is None else Shard(*shard).select(sources, key=lambda s: s.doc_id)


def _package_dir() -> Path:
    return Path(__file__).resolve().parents[1]


def _resource_dirs() -> list[Path]:
    """Stylesheets and schemas: next to the package when installed, else at the repo root."""
    return [d for d in (data_dir("xslt"), data_dir("schemas")) if d.is_dir()]


def toolchain_digest() -> str:
    """A hash of everything besides the inputs that shapes a document's outputs.

    The teikit version, the stylesheets and schemas, and the code of the
    stages (converter, validator, renderers). The site package itself and the
    command layer are left out: they do not change a document's outputs
    (the site pages are always regenerated when anything changed).
    """
    digest = hashlib.sha256(__version__.encode("utf-8"))
    files: list[tuple[str, Path]] = []
    for folder in _resource_dirs():
        files.extend(
            (f"{folder.name}/{p.relative_to(folder).as_posix()}", p)
            for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        )
    package = _package_dir()
    for path in package.rglob("*.py"):
        rel = path.relative_to(package)
        if rel.parts[0] == "site" or rel.name.startswith("cli") or "__pycache__" in rel.parts:
            continue
        files.append((f"teikit/{rel.as_posix()}", path))
    for name, path in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + file_digest(path).encode("ascii"))
    return digest.hexdigest()
