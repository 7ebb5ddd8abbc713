"""Combine the sites of ``teikit build --shard I/N`` runs into one site.

Each shard's site carries its documents' outputs, among them each document's
record file; merging links the outputs together and regenerates the index, the
register, the search index and edition.xml over all documents. It needs
nothing but the shard folders (no source folder, no stage is run again), so
a CI matrix can upload shard folders as artifacts and merge them in a final
job.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from ..errors import TeikitError, UsageError
from . import pages
from .build import Summary
from .folder import MANIFEST, REGISTER_FILE, SiteLock, Staging, check_site_dir, load_manifest, publish
from .files import link_or_copy


def merge_sites(shard_dirs: list[str | os.PathLike], site_dir: str | os.PathLike) -> Summary:
    """Merge shard sites into ``site_dir`` (replaced atomically)."""
    clock = time.perf_counter()
    if not shard_dirs:
        raise UsageError("merge needs at least one shard folder")
    site = Path(site_dir)
    check_site_dir(site)
    with SiteLock(site):  # a merge and a build of one site cannot race
        return _merge(shard_dirs, site, clock)


def _merge(shard_dirs: list[str | os.PathLike], site: Path, clock: float) -> Summary:
    manifests = []
    for folder in map(Path, shard_dirs):
        manifest = load_manifest(folder)
        if manifest is None and (folder / MANIFEST).is_file():
            raise TeikitError(f"unreadable build manifest, or one of another teikit version ({MANIFEST}); "
                              "rebuild the shard", str(folder))
        if manifest is None:
            raise TeikitError(f"no build manifest ({MANIFEST}); is this the output of teikit build?", str(folder))
        manifests.append((folder, manifest))

    first_folder, first = manifests[0]
    for folder, manifest in manifests[1:]:
        for key, what in (("toolchain", "teikit version, stylesheets or schemas"), ("register", "register"),
                          ("pdf", "--no-pdf option"), ("edition", "edition.toml")):
            if manifest.get(key) != first.get(key):
                raise TeikitError(f"built with a different {what} than {first_folder}; rebuild the shards alike",
                                  str(folder))

    docs: dict[str, dict] = {}
    origin: dict[str, Path] = {}
    for folder, manifest in manifests:
        for doc_id, entry in manifest["docs"].items():
            if doc_id in docs and docs[doc_id]["digest"] != entry["digest"]:
                raise TeikitError(f"document {doc_id!r} is also in {origin[doc_id]} with other content", str(folder))
            docs[doc_id] = entry
            origin[doc_id] = folder

    summary = Summary(site=site)
    register = None
    for folder, _ in manifests:
        candidate = folder / REGISTER_FILE
        if candidate.is_file():
            register = candidate
            break

    staging = Staging(site)
    try:
        for doc_id in sorted(docs):
            entry = docs[doc_id]
            if entry["status"] != "built":
                summary.failed[doc_id] = entry.get("errors", [])
                continue
            for rel in entry["outputs"]:
                link_or_copy(origin[doc_id] / rel, staging.path / rel)
            summary.reused.append(doc_id)
        start = time.perf_counter()
        built = {d: docs[d] for d in sorted(docs) if docs[d]["status"] == "built"}
        written = pages.write_site_pages(staging.path, built, register, first["edition"])
        summary.stage_seconds["pages"] = time.perf_counter() - start
        publish(staging, docs, toolchain=first["toolchain"], pdf=first["pdf"], shard=None,
                register=first["register"], edition=first["edition"], written=written)
    except BaseException:
        staging.discard()
        raise
    summary.seconds = time.perf_counter() - clock
    return summary
