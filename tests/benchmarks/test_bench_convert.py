"""Conversion speed: the seed warm, and throughput on a large generated text.

Run: python3 -m pytest tests/benchmarks/test_bench_convert.py --benchmark-only
"""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.convert import convert_text, serialize
from teikit.export import export_text

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.txt"
META = {"title": "Benchmark", "date": "1969-06-09"}


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def large_text(seed_text) -> str:
    """About 2 MB: the seed's body repeated with numbered sections, every convention many times."""
    body = seed_text.split("(Memo)", 1)[1]
    return seed_text.split("(Memo)", 1)[0] + "(Memo)" + "".join(
        body.replace("\nI.\n", f"\n{n}.\n") for n in range(1, 41))


def test_seed_conversion_warm(benchmark, seed_text):
    convert_text(seed_text, "seed.txt", metadata=META)  # warm: register read, patterns compiled
    conversion = benchmark(convert_text, seed_text, "seed.txt", metadata=META)
    assert len(conversion.report.entries) == 35


def test_seed_conversion_and_serialization(benchmark, seed_text):
    convert_text(seed_text, "seed.txt", metadata=META)
    data = benchmark(lambda: serialize(convert_text(seed_text, "seed.txt", metadata=META).tree))
    assert data.startswith(b"<?xml")


def test_seed_export(benchmark, seed_text):
    tree = convert_text(seed_text, "seed.txt", metadata=META).tree
    text = benchmark(export_text, tree)
    assert text.startswith("Secret\n")


def test_large_text_throughput(benchmark, large_text):
    benchmark.extra_info["megabytes"] = round(len(large_text.encode("utf-8")) / 1e6, 2)
    conversion = benchmark.pedantic(convert_text, args=(large_text, "large.txt"), kwargs={"metadata": META},
                                    rounds=3, iterations=1)
    assert len(conversion.report.entries) > 1000


def test_one_long_paragraph(benchmark):
    """About 1 MB in a single paragraph ending with a note: sentence finding must stay linear."""
    text = " ".join(f"Sentence {i} was said by Cde. Yu. Fadeyev." for i in range(20000))
    text += " [Translator’s note: the previous two sentences were highlighted in the left margin]\n"
    conversion = benchmark.pedantic(convert_text, args=(text, "long.txt"), kwargs={"metadata": META}, rounds=3, iterations=1)
    assert conversion.tree.getroot().find(".//{*}hi") is not None
