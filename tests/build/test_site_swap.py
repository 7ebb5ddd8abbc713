"""The site is never absent, leftovers of killed runs are removed, one run per site,
a killed worker fails only its document, and no file of the live site is written in place."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time

import pytest

from teikit.errors import UsageError
from teikit.site import folder
from teikit.site.files import link_or_copy, write_new
from teikit.site.folder import MANIFEST, SiteLock


def _site_files(site):
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _change(source):
    path = source / "alpha.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("Alpha memo", "Alpha changed"), encoding="utf-8")


class _Killed(BaseException):
    """Stands for the process being killed at this point (nothing after it runs)."""


def _kill_at_replace(monkeypatch, nth: int):
    """Make the ``nth`` os.replace of the swap (1-based) kill the run instead."""
    real = os.replace
    calls = []

    def replace(a, b):
        calls.append((a, b))
        if len(calls) == nth:
            raise _Killed
        return real(a, b)

    monkeypatch.setattr(folder.os, "replace", replace)
    # the cleanup a killed process would not run
    monkeypatch.setattr(folder.Staging, "discard", lambda self: None)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the one-step exchange is Linux's")
def test_exchange_leaves_no_moment_without_a_site(source, build, tmp_path, monkeypatch):
    build(source)
    site = tmp_path / "site"
    _change(source)
    # killed right after the exchange, before the replaced site is renamed away
    _kill_at_replace(monkeypatch, 1)
    with pytest.raises(_Killed):
        build(source)
    assert (site / MANIFEST).is_file()
    assert b"Alpha changed" in (site / "tei" / "alpha.xml").read_bytes()


def test_kill_between_the_two_renames_is_repaired_by_the_next_run(source, build, tmp_path, monkeypatch):
    build(source)
    site = tmp_path / "site"
    before = _site_files(site)
    _change(source)
    monkeypatch.setattr(folder, "_exchange", lambda a, b: False)  # a system without the exchange
    _kill_at_replace(monkeypatch, 2)
    with pytest.raises(_Killed):
        build(source)
    monkeypatch.undo()
    assert not site.exists()
    (old,) = tmp_path.glob(".site.old-*")
    assert _site_files(old) == before  # the previous site is whole, beside its place
    build(source)
    assert b"Alpha changed" in (site / "tei" / "alpha.xml").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]


def test_leftovers_of_killed_runs_are_removed(source, build, tmp_path):
    build(source)
    for name in (".site.build-999999", ".site.old-999998", ".site.build-1"):
        (tmp_path / name / "documents").mkdir(parents=True)
        (tmp_path / name / "documents" / "x.html").write_bytes(b"stale")
    (tmp_path / ".other.build-5").mkdir()  # another site's: not ours to remove
    _change(source)
    build(source)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.build-5", "site", "src"]


def test_a_second_run_on_the_same_site_is_refused(source, build, tmp_path):
    build(source)
    with SiteLock(tmp_path / "site"):
        with pytest.raises(UsageError, match=rf"another teikit build or merge is writing this site \(process {os.getpid()}\)"):
            build(source, force=True)
    build(source, force=True)  # the lock is gone with its holder


def test_a_run_in_another_process_holds_the_site(source, build, tmp_path):
    site = tmp_path / "site"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from teikit.site.folder import SiteLock\n"
         "lock = SiteLock(Path(sys.argv[1])); print('held', flush=True); time.sleep(60)", str(site)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(UsageError, match=f"process {holder.pid}"):
            build(source)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    # killed while holding it: the lock went with the process
    build(source)
    assert (site / MANIFEST).is_file()


def test_interrupt_stops_the_workers_before_the_staging_folder_goes(source, build, tmp_path):
    build(source)
    for name in ("alpha", "beta", "gamma", "delta"):
        (source / f"{name}.xml").unlink(missing_ok=True)
        (source / f"{name}.txt").unlink(missing_ok=True)
    # "a…" is slow and taken first; "b…" interrupts while "a…" is still at work
    (source / "a-slow.txt").write_text("Slow\nSLOW\n", encoding="utf-8")
    (source / "b-stop.txt").write_text("Stop\nKEYBOARD-INTERRUPT\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        build(source, jobs=2)
    assert multiprocessing.active_children() == []
    time.sleep(2.5)  # a worker still running would now write its outputs, re-creating the staging folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]


def test_a_killed_worker_fails_only_its_document(source, build, tmp_path):
    (source / "bomb.txt").write_text("Bomb\nKILL-WORKER\n", encoding="utf-8")
    summary = build(source, jobs=2)
    assert list(summary.failed) == ["bomb"]
    assert "worker process died" in summary.failed["bomb"][0]
    assert sorted(summary.built) == ["alpha", "beta", "delta", "gamma"]
    site = tmp_path / "site"
    assert not (site / "documents" / "bomb.html").exists()
    assert (site / "documents" / "alpha.html").is_file()


def test_a_hard_linked_file_is_replaced_not_written_through(tmp_path):
    live = tmp_path / "live.xml"
    live.write_bytes(b"published")
    staged = tmp_path / "staging" / "live.xml"
    link_or_copy(live, staged)
    write_new(staged, b"new content")
    assert live.read_bytes() == b"published"
    assert staged.read_bytes() == b"new content"


def test_a_merge_waits_for_no_build(source, build, tmp_path):
    from teikit.site.merge import merge_sites

    build(source, site=tmp_path / "part")
    with SiteLock(tmp_path / "site"):
        with pytest.raises(UsageError, match="another teikit build or merge is writing this site"):
            merge_sites([tmp_path / "part"], tmp_path / "site")
    merge_sites([tmp_path / "part"], tmp_path / "site")
    assert (tmp_path / "site" / MANIFEST).is_file()
    assert not list(tmp_path.glob(".site.*"))


def test_a_document_that_exhausts_the_memory_cap_fails_alone(source, build, tmp_path):
    (source / "hog.txt").write_text("Hog\nEXHAUST-MEMORY\n", encoding="utf-8")
    summary = build(source, jobs=2, worker_memory=1)
    assert list(summary.failed) == ["hog"]
    assert summary.failed["hog"] == [f"{source / 'hog.txt'}: out of memory (limit 1 GiB)"]
    assert sorted(summary.built) == ["alpha", "beta", "delta", "gamma"]
    assert not (tmp_path / "site" / "documents" / "hog.html").exists()


def test_a_native_abort_under_the_cap_is_reported_as_out_of_memory(source, build):
    (source / "native.txt").write_text("Native\nNATIVE-OOM\n", encoding="utf-8")
    summary = build(source, jobs=2, worker_memory=1)
    assert summary.failed["native"] == [f"{source / 'native.txt'}: out of memory (limit 1 GiB)"]
    assert sorted(summary.built) == ["alpha", "beta", "delta", "gamma"]


def test_the_memory_cap_comes_from_the_environment(source, build, monkeypatch):
    monkeypatch.setenv("TEIKIT_WORKER_MEMORY", "1.25")
    (source / "hog.txt").write_text("Hog\nEXHAUST-MEMORY\n", encoding="utf-8")
    summary = build(source, jobs=1)
    assert summary.failed["hog"] == [f"{source / 'hog.txt'}: out of memory (limit 1.25 GiB)"]


def test_one_changed_document_is_built_in_a_capped_worker(source, build):
    build(source)
    for name in ("alpha", "beta", "gamma", "delta"):
        (source / f"{name}.xml").unlink(missing_ok=True)
        (source / f"{name}.txt").unlink(missing_ok=True)
    (source / "hog.txt").write_text("Hog\nEXHAUST-MEMORY\n", encoding="utf-8")
    summary = build(source, worker_memory=1.5)
    assert summary.failed["hog"] == [f"{source / 'hog.txt'}: out of memory (limit 1.5 GiB)"]
    assert multiprocessing.active_children() == []


def test_a_bad_memory_setting_is_a_usage_error(source, build, monkeypatch):
    monkeypatch.setenv("TEIKIT_WORKER_MEMORY", "lots")
    with pytest.raises(UsageError, match="TEIKIT_WORKER_MEMORY='lots'"):
        build(source)
