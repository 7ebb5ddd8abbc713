"""Scaling from 1× to 100×: time should grow about linearly with the input.

Each benchmark runs one stage on an input of size 1×, 10× and 100× a base;
compare the medians across the three (``--benchmark-group-by=func``).

- convert: bracketed paragraphs (50 KB → 5 MB), and the same text on a single line;
- validate: a document of many translator's notes (3,000 → 300,000), and a
  document whose every name points into a register of as many entries
  (1,000 → 100,000 entries).

Run: python3 -m pytest tests/benchmarks/test_bench_scaling.py --benchmark-only --benchmark-group-by=func
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from teikit.convert import convert_text
from teikit.xmlparse import parse_file

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"
SCALES = [1, 10, 100]
META = {"title": "Benchmark", "date": "1969-06-09"}
WORDS = "the minister said that matter was closed and embassy report".split()


def _sentences(size: int) -> list[str]:
    rng = random.Random(1)
    out, total = [], 0
    while total < size:
        words = []
        for _ in range(60):
            word, roll = rng.choice(WORDS), rng.random()
            words.append(f"[{word}]" if roll < 0.1 else "[illegible]" if roll < 0.12 else
                         f"[sic: {word}]" if roll < 0.14 else word)
        sentence = " ".join(words) + "."
        out.append(sentence)
        total += len(sentence) + 2
    return out


@pytest.mark.parametrize("scale", SCALES)
def test_convert_bracketed_paragraphs(benchmark, scale):
    text = "MEMO\n\n" + "\n\n".join(_sentences(50_000 * scale)) + "\n"
    benchmark.extra_info["bytes"] = len(text)
    conversion = benchmark.pedantic(convert_text, args=(text, "bench.txt"), kwargs={"metadata": META},
                                    rounds=3 if scale < 100 else 1, iterations=1)
    assert len(conversion.report.entries) > scale


@pytest.mark.parametrize("scale", SCALES)
def test_convert_single_line(benchmark, scale):
    text = "MEMO\n\n" + " ".join(_sentences(50_000 * scale)) + "\n"
    benchmark.extra_info["bytes"] = len(text)
    conversion = benchmark.pedantic(convert_text, args=(text, "bench.txt"), kwargs={"metadata": META},
                                    rounds=3 if scale < 100 else 1, iterations=1)
    assert len(conversion.report.entries) > scale


def _document(body: str) -> str:
    return CONTRACT.read_text(encoding="utf-8").replace("</body>", body + "</body>", 1)


@pytest.fixture(scope="module")
def validator():
    from teikit.validate.validator import Validator

    return Validator()


@pytest.mark.parametrize("scale", SCALES)
def test_validate_many_notes(benchmark, tmp_path, validator, scale):
    count = 3_000 * scale
    path = tmp_path / "notes.xml"
    notes = "".join(f'Text <note type="translator">note {i}</note> ' for i in range(count))
    path.write_text(_document(f"<div><p>{notes}</p></div>"), encoding="utf-8")
    benchmark.extra_info["notes"] = count
    findings = benchmark.pedantic(validator.validate_file, args=(path,), rounds=3 if scale < 100 else 1, iterations=1)
    assert isinstance(findings, list)


@pytest.mark.parametrize("scale", SCALES)
def test_validate_against_a_large_register(benchmark, tmp_path, validator, scale):
    count = 1_000 * scale
    people = "".join(f'<person xml:id="per-p{i}"><persName>Person {i}</persName></person>' for i in range(count))
    (tmp_path / "register.xml").write_text(_document(f"<listPerson>{people}</listPerson>"), encoding="utf-8")
    names = "".join(f'<persName ref="register.xml#per-p{i}">Person {i}</persName> spoke. ' for i in range(count))
    path = tmp_path / "doc.xml"
    path.write_text(_document(f"<div><p>{names}</p></div>"), encoding="utf-8")
    parse_file(path)  # the document is admitted (within the parser's limits)
    benchmark.extra_info["entries"] = count
    findings = benchmark.pedantic(validator.validate_file, args=(path,), rounds=3 if scale < 100 else 1, iterations=1)
    # (the sample's own names are not in this register; the generated ones all are)
    assert not [f for f in findings if f.rule == "teikit-register-missing" and re.search(r"per-p\d", f.message)]
