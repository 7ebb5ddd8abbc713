"""Validation speed: the seed's TEI warm, per file; 1,000 generated documents through the CLI, and Jing on the same.

Run with: python3 -m pytest tests/benchmarks/test_bench_validate.py --benchmark-only
Targets: under 50 ms per file warm; the 1,000-file batch faster than Jing's batch.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from jing_support import jing_command

from teikit.validate import Validator

ROOT = Path(__file__).resolve().parents[2]
SEED_TEI = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.xml"
MEMO = ROOT / "tests" / "schemas" / "valid" / "memo-1969.xml"
REGISTER = ROOT / "tests" / "schemas" / "valid" / "register.xml"
BATCH = 1000


@pytest.fixture(scope="module")
def validator():
    return Validator()


def test_bench_seed_warm(benchmark, validator):
    if not SEED_TEI.is_file():
        pytest.skip("tei/ holds no seed TEI yet")
    validator.validate_file(SEED_TEI)  # warm: schemas compiled, register read
    findings = benchmark(validator.validate_file, SEED_TEI)
    assert [f for f in findings if f.is_error] == []


def test_bench_contract_sized_warm(benchmark, validator):
    validator.validate_file(MEMO)
    assert benchmark(validator.validate_file, MEMO) == []


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """1,000 documents made from the memo fixture, each with its own dates and ids, and the register."""
    folder = tmp_path_factory.mktemp("batch")
    template = MEMO.read_text(encoding="utf-8")
    for number in range(BATCH):
        day = 1 + number % 28
        text = template.replace('xml:id="memo-1969"', f'xml:id="memo-{number:04d}"')
        text = re.sub(r'when="1969-06-09"', f'when="1969-06-{day:02d}"', text)
        text = text.replace("CONCERNING CHANGES", f"MEMO {number} CONCERNING CHANGES")
        (folder / f"memo-{number:04d}.xml").write_text(text, encoding="utf-8")
    shutil.copy(REGISTER, folder / "register.xml")
    return folder


def test_bench_batch_cli(benchmark, batch):
    executable = shutil.which("teikit")
    if executable is None:
        pytest.skip("the teikit command is not installed")
    command = [executable, "validate", "-j", str(os.cpu_count() or 1), str(batch)]

    def run():
        return subprocess.run(command, capture_output=True, text=True)

    done = benchmark.pedantic(run, rounds=3, iterations=1)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"{BATCH + 1} file(s) checked" in done.stdout


def test_bench_batch_jing(benchmark, batch):
    files = sorted(str(p) for p in batch.glob("*.xml"))
    command = [*jing_command(), str(ROOT / "schemas" / "teikit.rng"), *files]
    done = benchmark.pedantic(lambda: subprocess.run(command, capture_output=True, text=True), rounds=3, iterations=1)
    assert done.returncode == 0, done.stdout[-2000:]
