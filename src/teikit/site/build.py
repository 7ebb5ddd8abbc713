"""Build a whole edition: plan, process the changed documents in parallel,
regenerate the site pages, and swap the new site in.

Atomicity: everything is written into a fresh sibling folder
(``.SITE.build-PID``). Outputs of unchanged documents are hard-linked (or
copied, across file systems) from the previous site, changed documents are
processed into it, the pages and the manifest are written last, and only then
is the folder renamed over the old site. An interrupted or failed build
removes its staging folder and leaves the previous site exactly as it was.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import itertools
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .. import processes
from ..bundled import data_dir
from ..errors import TeikitError, UsageError, printable
from . import memory
from . import plan as planning
from . import pages
from .facsimile import unchanged as images_unchanged
from .files import link_or_copy
from .folder import OUTPUTS, SiteLock, Staging, check_site_dir, load_manifest, pages_digest, publish
from .progress import Progress
from .worker import DOCS_PER_WORKER, STAGES, Task, Toolchain, Validation, init_worker, out_of_memory, process



@dataclass
class Summary:
    """What a build did, for the command's report and for tests."""

    site: Path
    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    up_to_date: bool = False

    @property
    def ok(self) -> bool:
        """True when no document failed."""
        return not self.failed

    def text(self) -> str:
        """The closing lines printed by ``teikit build``."""
        total = len(self.built) + len(self.reused) + len(self.failed)
        head = (f"{total} document{'s' if total != 1 else ''}: {len(self.built)} built, "
                f"{len(self.reused)} unchanged, {len(self.failed)} failed in {self.seconds:.2f} s")
        if self.up_to_date:
            head += " (site up to date)"
        times = ", ".join(f"{stage} {self.stage_seconds.get(stage, 0.0):.2f} s"
                          for stage in (*STAGES, "pages") if stage in self.stage_seconds)
        lines = [head]
        if times:
            lines.append(f"stage time (summed over workers): {times}")
        lines.append(f"site: {self.site}")
        return "\n".join(lines)


def bundled_source_dir() -> Path:
    """The edition shipped with teikit (``tei/`` of a checkout, or inside the package)."""
    return data_dir("tei")


def _run_tasks(tasks, jobs, factory, pdf, progress, strict, on_result, validation=None, limit=None):
    """Process ``tasks`` in worker processes; stop early under ``strict``.

    Even one changed document goes to a worker: its memory cap and the
    isolation from a crash hold for every document (a worker's start, about
    0.1 s by fork, is spent once per build, and the compiling it does would be
    done in this process otherwise).
    """
    if not tasks:
        return
    workers = min(jobs, len(tasks))
    # A fresh pool for every DOCS_PER_WORKER documents per worker, as a bound
    # on what a long-lived worker may accumulate. (Python
    # 3.11's max_tasks_per_child can deadlock, and needs the "spawn" start
    # method, which re-imports the caller's main module.)
    batch = workers * DOCS_PER_WORKER
    for first in range(0, len(tasks), batch):
        chunk = tasks[first:first + batch]
        if _run_pool(chunk, min(workers, len(chunk)), factory, pdf, strict, on_result, validation, limit):
            return


def _run_pool(tasks, workers, factory, pdf, strict, on_result, validation=None, limit=None) -> bool:
    """One pool over ``tasks``; True when ``strict`` stopped it at a failure.

    A worker that dies (killed for memory, say) breaks the pool and fails
    every document not yet done; those are then run one at a time
    (:func:`_run_alone`), so the document that kills its worker is known and
    reported as failed, and the others are built.
    """
    done: set[str] = set()
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=processes.context(), initializer=init_worker,
                                initargs=(factory, pdf, validation, limit)) as pool:
        started = {}
        futures = []
        for task in tasks:
            future = pool.submit(process, task)
            started[future] = time.perf_counter()
            futures.append(future)
        try:
            for future in cf.as_completed(futures):
                try:
                    result = future.result()
                except cf.process.BrokenProcessPool:
                    break
                done.add(result["id"])
                on_result(result, time.perf_counter() - started[future])
                if strict and result["status"] == "failed":
                    pool.shutdown(wait=True, cancel_futures=True)
                    return True
        except BaseException:
            # Ctrl-C or a failure here: stop the workers before the caller
            # removes the staging folder they write into.
            _stop_workers(pool)
            raise
    rest = [task for task in tasks if task.doc_id not in done]
    return _run_alone(rest, factory, pdf, strict, on_result, validation, limit) if rest else False


def _stop_workers(pool: cf.ProcessPoolExecutor) -> None:
    """Kill a pool's worker processes and wait until they are gone."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way to reach them
    for proc in processes:
        proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        proc.join(timeout=10)


#: How a worker ends when an allocation fails in native code under its cap:
#: Typst (Rust) aborts, Saxon's runtime exits with status 99.
_OUT_OF_MEMORY_EXITS = (-6, 99)


def _death(task: Task, exitcode: int | None, limit: int | None) -> str:
    """The line of a document whose worker died."""
    if limit and exitcode in _OUT_OF_MEMORY_EXITS:
        return out_of_memory(task.path, limit)
    return f"{task.path}: its worker process died (out of memory, or killed); the document is left out"


def _run_alone(tasks, factory, pdf, strict, on_result, validation=None, limit=None) -> bool:
    """Run ``tasks`` one at a time in a worker of their own; a document whose worker dies is failed."""
    pool = None
    try:
        for task in tasks:
            if pool is None:
                pool = cf.ProcessPoolExecutor(max_workers=1, mp_context=processes.context(), initializer=init_worker,
                                              initargs=(factory, pdf, validation, limit))
            start = time.perf_counter()
            future = pool.submit(process, task)
            # Kept to read how the worker ended, should it die (no public way to reach it).
            workers = list((getattr(pool, "_processes", None) or {}).values())
            try:
                result = future.result()
            except cf.process.BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = None
                for rel in OUTPUTS.values():  # what it wrote before it died is not published
                    Path(task.staging, rel.format(id=task.doc_id)).unlink(missing_ok=True)
                for worker in workers:
                    worker.join(timeout=10)
                exitcode = workers[0].exitcode if len(workers) == 1 else None
                result = {"id": task.doc_id, "digest": task.digest, "status": "failed", "warnings": [],
                          "timings": {}, "errors": [_death(task, exitcode, limit)]}
            on_result(result, time.perf_counter() - start)
            if strict and result["status"] == "failed":
                return True
    except BaseException:
        if pool is not None:
            _stop_workers(pool)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
    return False


def build_site(
    source_dir: str | os.PathLike | None = None,
    site_dir: str | os.PathLike = "site",
    *,
    jobs: int | None = None,
    strict: bool = False,
    shard: tuple[int, int] | None = None,
    pdf: bool = True,
    force: bool = False,
    stream: TextIO | None = None,
    quiet: bool = False,
    toolchain_factory=Toolchain,
    toolchain_digest: str | None = None,
    validation: Validation | None = None,
    worker_memory: float | None = None,
) -> Summary:
    """Build (or bring up to date) the static edition of ``source_dir`` in ``site_dir``.

    Returns a :class:`Summary`. Documents that fail are reported and left
    out; under ``strict`` the first failure stops the build, nothing is
    swapped in and :class:`TeikitError` is raised. ``validation`` names the
    schema and rules (teikit's by default; see :class:`Validation`).
    ``worker_memory`` caps each worker process, in GiB (0: no cap; None: the
    ``TEIKIT_WORKER_MEMORY`` variable or the default, see :mod:`.memory`).
    ``toolchain_factory`` and
    ``toolchain_digest`` exist for tests (stand-in stages).
    """
    site = Path(site_dir)
    check_site_dir(site)
    # One run per site; it also removes what killed runs left (see folder.SiteLock).
    with SiteLock(site):
        return _build_site(source_dir, site, jobs=jobs, strict=strict, shard=shard, pdf=pdf, force=force,
                           stream=stream, quiet=quiet, toolchain_factory=toolchain_factory,
                           toolchain_digest=toolchain_digest, validation=validation, worker_memory=worker_memory)


def _build_site(source_dir, site: Path, *, jobs, strict, shard, pdf, force, stream, quiet, toolchain_factory,
                toolchain_digest, validation, worker_memory=None) -> Summary:
    clock = time.perf_counter()
    jobs = jobs or os.cpu_count() or 1
    limit = memory.limit_bytes(worker_memory, jobs)
    stream = stream or sys.stderr
    source = Path(source_dir) if source_dir is not None else bundled_source_dir()
    if source.resolve().is_relative_to(site.resolve()):
        # The new site replaces the old folder, and everything in it.
        raise UsageError(f"the source folder {source} is inside the site folder {site}; choose another -o")
    plan = planning.discover(source)
    sources = planning.select_shard(plan.sources, shard)
    if not sources and not shard:
        raise UsageError(f"no documents (*.txt, *.xml) in {source}")
    preflight = getattr(toolchain_factory, "preflight", None)
    if preflight is not None:
        preflight(pdf=pdf)
    toolchain = toolchain_digest or planning.toolchain_digest()
    if validation is not None:
        # Another schema can change which documents are published.
        toolchain = f"{toolchain}+{validation.digest()}"
    # A document's xml-model may name only files inside the source folder.
    validation = dataclasses.replace(validation or Validation(), source=str(source))
    edition = pages.edition_metadata(plan.edition_meta, source)
    if edition.get("url"):
        toolchain = f"{toolchain}+url={edition['url']}"  # the IIIF manifests' ids are under it
    summary = Summary(site=site, superseded=[str(p) for p in plan.superseded])
    summary.warnings.extend(f"{printable(str(p))}: link to a file outside the source folder; skipped"
                            for p in plan.outside)
    summary.warnings.extend(plan.refused)

    old = None if force else load_manifest(site)
    if old and (old.get("toolchain") != toolchain or old.get("pdf") != pdf):
        old = None  # stylesheets, schemas or options changed: everything is redone
    old_docs = old["docs"] if old else {}

    docs: dict[str, dict] = {}
    tasks: list[Task] = []
    reuse: list[str] = []
    for src in sources:
        previous = old_docs.get(src.doc_id)
        if previous and previous.get("digest") == src.digest and images_unchanged(previous.get("inputs")) and (
            previous["status"] == "failed" or all((site / p).is_file() for p in previous.get("outputs", ()))
        ):
            docs[src.doc_id] = previous
            reuse.append(src.doc_id)
        else:
            tasks.append(Task(src.doc_id, str(src.path), src.kind, src.digest, "", pdf, edition.get("url", "")))

    if strict:
        for doc_id in reuse:
            if docs[doc_id]["status"] == "failed":
                # Unchanged since it failed last time: stop before doing any work.
                raise TeikitError(f"--strict: {docs[doc_id]['errors'][0]} (unchanged since the last build)")
    if old and not tasks and old.get("pages") == pages_digest(docs, plan.register_digest, edition, toolchain):
        summary.up_to_date = True
        for doc_id in reuse:
            if docs[doc_id]["status"] == "failed":
                summary.failed[doc_id] = docs[doc_id]["errors"]
            else:
                summary.reused.append(doc_id)
        summary.seconds = time.perf_counter() - clock
        _report_failures(summary, stream)
        return summary

    staging = Staging(site)
    try:
        for doc_id in reuse:
            entry = docs[doc_id]
            if entry["status"] == "failed":
                summary.failed[doc_id] = entry["errors"]
                continue
            for rel in entry["outputs"]:
                link_or_copy(site / rel, staging.path / rel)
            summary.reused.append(doc_id)
        tasks = [dataclasses.replace(t, staging=str(staging.path)) for t in tasks]

        progress = Progress(len(tasks), stream, quiet)
        for doc_id in reuse:
            for line in docs[doc_id].get("errors", ()):
                progress.note(f"{line} (unchanged since the last build)")
        stage_seconds = {s: 0.0 for s in STAGES}

        def on_result(result: dict, seconds: float) -> None:
            for stage, value in result["timings"].items():
                stage_seconds[stage] = stage_seconds.get(stage, 0.0) + value
            for warning in result["warnings"]:
                summary.warnings.append(warning)
            entry = {"digest": result["digest"], "status": result["status"]}
            if result.get("inputs"):
                entry["inputs"] = result["inputs"]  # the page images read (site/facsimile.py)
            if result["status"] == "built":
                entry["outputs"] = result["outputs"]
                summary.built.append(result["id"])
            else:
                entry["errors"] = result["errors"]
                summary.failed[result["id"]] = result["errors"]
                for line in result["errors"]:
                    progress.note(line)
            docs[result["id"]] = entry
            progress.advance(result["id"], result["status"], seconds)

        _run_tasks(tasks, jobs, toolchain_factory, pdf, progress, strict, on_result, validation, limit)
        progress.finish()
        if strict and summary.failed:
            first = next(iter(summary.failed.values()))
            raise TeikitError(f"--strict: stopped at an invalid document ({first[0]}); the previous site is untouched")

        start = time.perf_counter()
        built_docs = {doc_id: docs[doc_id] for doc_id in sorted(docs) if docs[doc_id]["status"] == "built"}
        written = pages.write_site_pages(staging.path, built_docs, plan.register, edition,
                                         previous=site if site.is_dir() else None)
        stage_seconds["pages"] = time.perf_counter() - start
        summary.stage_seconds = {k: v for k, v in stage_seconds.items() if v or k == "pages"}

        new_outputs = (staging.path / rel for doc_id in summary.built for rel in docs[doc_id]["outputs"])
        publish(staging, docs, toolchain=toolchain, pdf=pdf, shard=shard, register=plan.register_digest,
                edition=edition, written=itertools.chain(written, new_outputs))
    except BaseException:
        staging.discard()
        raise
    summary.seconds = time.perf_counter() - clock
    return summary


def _report_failures(summary: Summary, stream: TextIO) -> None:
    for lines in summary.failed.values():
        for line in lines:
            stream.write(line + "\n")
