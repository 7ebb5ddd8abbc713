"""Validate many files: expand directories, shard, run in parallel, check the register last.

Documents are validated first (in worker processes with ``jobs > 1``, each
compiling the schemas once in its initializer); a register found among the
inputs is validated after them, with the entry ids that the documents using
it point at, so that unused entries can be reported.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import processes
from ..errors import TeikitError, UsageError
from ..shard import Shard
from ..xmlparse import parse_file
from .finding import Finding
from .register import is_register, referenced_ids, register_for
from .validator import Validator


@dataclass
class FileResult:
    """The findings for one file."""

    path: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """True when no finding is an error (warnings do not fail a file)."""
        return not any(f.is_error for f in self.findings)


@dataclass(frozen=True)
class Options:
    """What to validate with: picklable, so that worker processes can rebuild the validator."""

    schema: str | None = None
    schematron: str | None = None
    register: str | None = None
    prune: bool | None = None  # None: cut large RelaxNG schemas per document (see .relaxng)
    phase: str | None = None

    def validator(self) -> Validator:
        """A validator for these options (the schemas are compiled here)."""
        return Validator(self.schema, self.schematron, register=self.register, prune=self.prune, phase=self.phase)


def expand(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as named and the ``*.xml`` files under directories, recursively, sorted, without repeats."""
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for item in sorted(path.rglob("*.xml")):
                if item.is_file() and not any(part.startswith(".") for part in item.relative_to(path).parts):
                    found.setdefault(item, None)
        elif path.exists():
            found.setdefault(path, None)
        else:
            raise UsageError(f"no such file or directory: {path}")
    return list(found)


_WORKER: Validator | None = None
_WORKER_ERROR: tuple[str, str | None, int | None] | None = None


def _init_worker(options: Options) -> None:
    global _WORKER, _WORKER_ERROR
    try:
        _WORKER = options.validator()
    except TeikitError as err:
        # Raised again in the parent, which reports it like any other usage error.
        _WORKER_ERROR = (err.message, err.path, err.line)


def _check_in_worker(paths: list[str]):
    if _WORKER_ERROR is not None:
        return _WORKER_ERROR
    assert _WORKER is not None
    return _WORKER.check_files(paths)


#: Documents per task of a worker (fewer round trips between processes).
BATCH_SIZE = 25


def _batches(items: list, size: int) -> list[list]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _check_register_in_worker(path: str, used: set[str] | None):
    if _WORKER_ERROR is not None:
        return _WORKER_ERROR
    assert _WORKER is not None
    return _WORKER.validate_file(path, used)


def _register_uses(
    registers: Sequence[Path],
    documents: Sequence[Path],
    everything: Sequence[Path],
    refs: dict[Path, set[str]],
    explicit: Path | None,
):
    """Each register with the entry ids its documents point at (None: no document uses it)."""
    everything_documents = [p for p in everything if not is_register(p, explicit)]
    for register in registers:
        users = [p for p in documents if register_for(p, explicit).resolve() == register.resolve()]
        used = set().union(*(refs[p] for p in users)) if users else set()
        outside = [p for p in everything_documents if p not in refs]
        used |= _referenced_by(outside, register, explicit)
        # Without any document beside it, "unused" would mean nothing: do not report it.
        has_users = bool(users) or any(register_for(p, explicit).resolve() == register.resolve() for p in outside)
        yield register, (used if has_users else None)


def _referenced_by(documents: Sequence[Path], register: Path, explicit: Path | None) -> set[str]:
    """Entry ids of ``register`` that documents outside this run (another shard) point at."""
    ids: set[str] = set()
    for document in documents:
        if register_for(document, explicit).resolve() != register.resolve():
            continue
        try:
            ids |= referenced_ids(parse_file(document))
        except TeikitError:
            continue  # reported when that document is validated
    return ids


def run(
    paths: Sequence[str | os.PathLike],
    options: Options = Options(),
    *,
    jobs: int = 1,
    shard: tuple[int, int] | None = None,
) -> list[FileResult]:
    """Validate every file under ``paths``; results in the order of the (sharded) file list."""
    everything = expand(paths)
    if not everything:
        # Most likely a wrong folder in a CI configuration: say so rather than pass.
        raise UsageError("no .xml files to validate in " + ", ".join(map(str, paths)))
    explicit = Path(options.register) if options.register else None
    selected = everything if shard is None else Shard(*shard).select(everything, key=str)
    documents = [p for p in selected if not is_register(p, explicit)]
    registers = [p for p in selected if is_register(p, explicit)]

    results: dict[Path, FileResult] = {}
    refs: dict[Path, set[str]] = {}
    # Small batches keep both workers busy to the end and memory flat.
    size = max(1, min(BATCH_SIZE, len(documents) // (max(jobs, 1) * 4) or 1))
    batches = _batches(documents, size)

    def record(batch: Sequence[Path], outcome) -> None:
        if isinstance(outcome, tuple):  # a worker could not build its validator
            raise UsageError(*outcome)
        for path, (findings, used) in zip(batch, outcome):
            results[path], refs[path] = FileResult(str(path), findings), used

    if jobs <= 1 or len(documents) < 2 * jobs:
        validator = options.validator()
        for batch in batches:
            record(batch, validator.check_files(batch))
        for register, used in _register_uses(registers, documents, everything, refs, explicit):
            results[register] = FileResult(str(register), validator.validate_file(register, used))
    else:
        # Imported here: a run with one job (a pre-commit hook) need not pay for them.
        from concurrent.futures import ProcessPoolExecutor

        context = processes.context()
        with ProcessPoolExecutor(jobs, context, initializer=_init_worker, initargs=(options,)) as pool:
            for batch, outcome in zip(batches, pool.map(_check_in_worker, [[str(p) for p in b] for b in batches])):
                record(batch, outcome)
            # The register goes to a worker too: this process never starts Saxon.
            for register, used in _register_uses(registers, documents, everything, refs, explicit):
                outcome = pool.submit(_check_register_in_worker, str(register), used).result()
                if isinstance(outcome, tuple):
                    raise UsageError(*outcome)
                results[register] = FileResult(str(register), outcome)
    return [results[p] for p in selected]
