"""Scaling from 1× to 100×: time and peak memory should grow at most linearly with the input.

Each benchmark runs one stage on an input of size 1×, 10× and 100× a base;
compare the medians across the three (``--benchmark-group-by=func``).

- convert: bracketed paragraphs (50 KB → 5 MB), and the same text on a single line;
- validate: a document of many translator's notes (3,000 → 300,000), and a
  document whose every name points into a register of as many entries
  (1,000 → 100,000 entries);
- the four commands (``teikit convert``, ``validate``, ``html``, ``pdf``) as a
  user runs them, each in a child process whose time and peak resident memory
  (``os.wait4``) are read: 50 KB → 5 MB of bracketed text for convert, 1,000 →
  100,000 annotated paragraphs for validate and html, 49 → 4,900 for pdf (just
  under its cap of 5,000 notes: above it the PDF is refused). A table of the
  medians and their ratios to 1× is printed at the end of the module.

Run: python3 -m pytest tests/benchmarks/test_bench_scaling.py --benchmark-only --benchmark-group-by=func -s
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import time
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


# --- whole commands, each in a child process: time and peak memory -------------

#: The base (1×) of each command's input; 10× and 100× follow.
COMMAND_BASE = {"convert": 50_000, "validate": 1_000, "html": 1_000, "pdf": 49}
_FIGURES: dict[tuple[str, int], dict] = {}


def _paragraphs(count: int) -> str:
    """``count`` paragraphs, each with a translator's note, a date and a name: the shape of a real document."""
    return "".join(
        f'<p>The minister said on <date when="1969-06-{i % 28 + 1:02d}">day {i}</date> that the matter was '
        f'closed <note type="translator">note {i} on the minister</note> and <persName>Kim {i}</persName> '
        "reported it to the embassy.</p>" for i in range(count))


def _command_input(command: str, scale: int, folder: Path) -> list[str]:
    size = COMMAND_BASE[command] * scale
    if command == "convert":
        source = folder / "bench.txt"
        source.write_text("MEMO\n\n" + "\n\n".join(_sentences(size)) + "\n", encoding="utf-8")
        return ["convert", str(source), "-o", str(folder / "bench.xml")]
    doc = folder / "bench.xml"
    doc.write_text(_document(f"<div>{_paragraphs(size)}</div>"), encoding="utf-8")
    if command == "validate":
        return ["validate", str(doc)]
    if command == "html":
        return ["html", str(doc), "-o", str(folder)]
    return ["pdf", str(doc), "-o", str(folder / "bench.pdf")]


def _child(args: list[str]) -> tuple[float, float]:
    """Run ``teikit ARGS`` in a child process: (seconds, peak resident MB) of that child alone."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "teikit", *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode("utf-8", "replace")
    child.stderr.close()
    assert child.returncode == 0, error[-2000:]
    return seconds, usage.ru_maxrss / 1024


@pytest.fixture(scope="module")
def figures(request):
    yield _FIGURES
    if not _FIGURES:
        return
    lines = ["", "| command (input) | 1× | 10× | 100× | time ratio 1×→100× | memory ratio 1×→100× |",
             "|---|---|---|---|---|---|"]
    for command, base in COMMAND_BASE.items():
        runs = [_FIGURES.get((command, scale)) for scale in SCALES]
        if None in runs:
            continue
        cells = [f"{r['seconds']:.2f} s, {r['mb']:.0f} MB" for r in runs]
        lines.append(f"| {command} ({base:,} → {base * 100:,}) | " + " | ".join(cells)
                     + f" | {runs[2]['seconds'] / runs[0]['seconds']:.0f}× | {runs[2]['mb'] / runs[0]['mb']:.1f}× |")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    for line in lines:
        (reporter.write_line if reporter else print)(line)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("command", list(COMMAND_BASE))
def test_command_time_and_memory(benchmark, tmp_path, figures, command, scale):
    args = _command_input(command, scale, tmp_path)
    peaks: list[float] = []
    times: list[float] = []

    def once():
        seconds, mb = _child(args)
        times.append(seconds)
        peaks.append(mb)

    benchmark.pedantic(once, rounds=3, iterations=1)
    figures[(command, scale)] = {"seconds": statistics.median(times), "mb": statistics.median(peaks)}
    benchmark.extra_info.update(peak_mb=statistics.median(peaks), input=COMMAND_BASE[command] * scale)
