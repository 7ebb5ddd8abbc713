"""Benchmarks of `teikit build` on generated corpora (see corpus_gen.py).

Each build runs in a fresh Python process, as the command does, so that its
peak memory can be read from the operating system: the parent's (planning,
pages, manifest) and the largest worker's (convert, validate, html, pdf).
Stage times, memory and counts go into each benchmark's extra_info.

    python3 -m pytest tests/benchmarks/test_bench_build.py --benchmark-only
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_gen import generate

ROOT = Path(__file__).resolve().parents[2]
REGISTER = ROOT / "tei" / "register.xml"

_RUN = r"""
import json, resource, sys
from teikit.site import build_site
source, site, options = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
summary = build_site(source, site, quiet=True, **options)
mb = lambda ru: ru.ru_maxrss / 1024
print(json.dumps({
    "seconds": round(summary.seconds, 3),
    "stages": {k: round(v, 3) for k, v in summary.stage_seconds.items()},
    "built": len(summary.built), "reused": len(summary.reused), "failed": len(summary.failed),
    "parent_peak_mb": round(mb(resource.getrusage(resource.RUSAGE_SELF)), 1),
    "worker_peak_mb": round(mb(resource.getrusage(resource.RUSAGE_CHILDREN)), 1),
    "failures": list(summary.failed.items())[:3],
}))
"""


def run_build(source: Path, site: Path, **options) -> dict:
    """One build in its own process; returns its figures."""
    done = subprocess.run([sys.executable, "-c", _RUN, str(source), str(site), json.dumps(options)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise AssertionError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    """Generated source folders, made once per size."""
    made = {}

    def get(count: int) -> Path:
        if count not in made:
            folder = tmp_path_factory.mktemp(f"corpus{count}")
            generate(folder, count, register=REGISTER)
            made[count] = folder
        return made[count]

    return get


def _full_build(benchmark, source: Path, site: Path, rounds: int, **options):
    figures = []

    def setup():
        shutil.rmtree(site, ignore_errors=True)

    def target():
        figures.append(run_build(source, site, **options))

    benchmark.pedantic(target, setup=setup, rounds=rounds, iterations=1)
    benchmark.extra_info["runs"] = figures
    assert figures[-1]["failed"] == 0, figures[-1]["failures"]
    return figures


@pytest.fixture(scope="module")
def built_sites(tmp_path_factory):
    """Sites left by the full builds, reused by the rebuild benchmarks."""
    return {"root": tmp_path_factory.mktemp("sites")}


@pytest.mark.parametrize("count", [100, 1000])
def test_bench_build_html_and_pdf(benchmark, corpora, built_sites, count):
    site = built_sites["root"] / f"site{count}"
    _full_build(benchmark, corpora(count), site, rounds=3 if count <= 100 else 1)
    built_sites[count] = site


@pytest.fixture
def site_1000(corpora, built_sites):
    """A complete site (HTML and PDF) of the 1,000-document corpus."""
    if 1000 not in built_sites:
        built_sites[1000] = built_sites["root"] / "site1000"
        run_build(corpora(1000), built_sites[1000])
    return corpora(1000), built_sites[1000]


def test_bench_noop_rebuild_1000(benchmark, site_1000):
    source, site = site_1000
    figures = []
    benchmark.pedantic(lambda: figures.append(run_build(source, site)), rounds=5, iterations=1)
    benchmark.extra_info["runs"] = figures
    assert all(f["built"] == 0 and f["reused"] == 1000 for f in figures)


def test_bench_one_document_rebuild_1000(benchmark, site_1000):
    source, site = site_1000
    victim = sorted(source.glob("*.txt"))[500]
    original = victim.read_text(encoding="utf-8")
    figures = []
    edits = iter(range(1000))

    def setup():
        victim.write_text(original.replace("substantial changes", f"substantial changes ({next(edits)})", 1),
                          encoding="utf-8")

    try:
        benchmark.pedantic(lambda: figures.append(run_build(source, site)), setup=setup, rounds=5, iterations=1)
    finally:
        victim.write_text(original, encoding="utf-8")
    benchmark.extra_info["runs"] = figures
    assert all(f["built"] == 1 and f["reused"] == 999 for f in figures)


@pytest.mark.parametrize("count", [100, 1000, 5000])
def test_bench_build_html_only(benchmark, corpora, tmp_path, count):
    _full_build(benchmark, corpora(count), tmp_path / "site", rounds=3 if count <= 100 else 1, pdf=False)
