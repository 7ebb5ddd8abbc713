"""Validation against tei_all (and a schema libxml2 cannot compile whole), teikit against Jing, whole process.

Each case runs ``teikit validate --schema SCHEMA ...`` and then Jing on the same
files in the same run; the Jing test records its median and the ratio
teikit/Jing in ``extra_info`` (``--benchmark-json``) and prints them (``-s``).

Run with: python3 -m pytest tests/benchmarks/test_bench_validate_tei_all.py --benchmark-only -s
Target: every ratio below 1 (teikit faster than Jing); the small document under a second.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jing_support import jing_command
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
TEI_ALL = ROOT.parent / "shared" / "tei" / "tei_all.rng"
SEED_TEI = ROOT / "tei" / "soviet-embassy-dprk-1969-06-09.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
BATCH = 100
ROUNDS = 5

pytestmark = pytest.mark.skipif(not TEI_ALL.is_file(), reason="../shared/tei/tei_all.rng is not present")

#: Medians of the teikit runs, by case, for the ratio that the Jing run of the same case reports.
_TEIKIT_MEDIANS: dict[str, float] = {}


def _teikit() -> str:
    found = shutil.which("teikit")
    if found is None:
        pytest.skip("the teikit command is not installed")
    return found


@pytest.fixture(scope="module")
def big_document(tmp_path_factory) -> Path:
    """About 2.2 MB of valid TEI: the seed's sections repeated, each copy with ids of its own."""
    tree = etree.parse(str(SEED_TEI))
    document = tree.getroot().find(f"{TEI}text/{TEI}body/{TEI}div")
    sections = [div for div in document.findall(f"{TEI}div")]
    copies, size, place = 0, len(etree.tostring(tree)), document.index(sections[-1]) + 1
    while size < 2_200_000:
        copies += 1
        for section in sections:
            twin = copy.deepcopy(section)
            for element in twin.iter(etree.Element):
                if element.get(XML_ID):
                    element.set(XML_ID, f"{element.get(XML_ID)}-c{copies}")
            document.insert(place, twin)  # before the closer, where sections belong
            place += 1
        size = len(etree.tostring(tree))
    path = tmp_path_factory.mktemp("big") / "big-tei.xml"
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return path


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """100 converted documents: the shared corpus and the converter's fixtures, then generated ones."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus_gen

    from teikit.convert import convert_file
    from teikit.errors import TeikitError

    folder = tmp_path_factory.mktemp("batch-tei-all")
    sources = sorted((ROOT.parent / "shared" / "corpus").rglob("*.txt"))
    sources += sorted((ROOT / "tests" / "convert" / "fixtures").glob("*.txt"))
    sources += corpus_gen.generate(tmp_path_factory.mktemp("generated"), BATCH, sidecars=True)
    written = 0
    for source in sources:
        if written == BATCH:
            break
        try:
            data = convert_file(source).to_bytes()
        except TeikitError:
            continue
        (folder / f"{written:03d}-{source.stem}.xml").write_bytes(data)
        written += 1
    assert written == BATCH
    return folder


@pytest.fixture(scope="module")
def wide(tmp_path_factory) -> tuple[Path, Path]:
    """A TEI-namespace schema of 400 elements that each allow all 400 in mixed content (libxml2's worst case: it
    compiles 200 in 15 s, 300 in 68 s, 400 not in minutes), and a document that uses 25 of them."""
    folder = tmp_path_factory.mktemp("wide")
    count = 400
    parts = ['<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">',
             '<start><ref name="e0"/></start><define name="mixed"><zeroOrMore><choice><text/>']
    parts += [f'<ref name="e{number}"/>' for number in range(count)]
    parts.append("</choice></zeroOrMore></define>")
    for number in range(count):
        parts.append(f'<define name="e{number}"><element name="e{number}"><optional><attribute name="a{number % 7}"/>'
                     f'</optional><ref name="mixed"/></element></define>')
    parts.append("</grammar>")
    schema = folder / "wide.rng"
    schema.write_text("".join(parts), encoding="utf-8")
    body = "".join(f'<e{n * 16} a{n * 16 % 7}="v">text {n} <e{n * 16 + 1}>inner</e{n * 16 + 1}></e{n * 16}>' for n in range(12))
    document = folder / "wide-doc.xml"
    document.write_text(f'<e0 xmlns="http://www.tei-c.org/ns/1.0">{body}</e0>\n', encoding="utf-8")
    return schema, document


def _run(command: list[str], expect: int = 0) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == expect, (done.stdout[-2000:], done.stderr[-2000:])
    return done


def _bench_teikit(benchmark, case: str, schema: Path, files: list[Path], rounds: int = ROUNDS) -> None:
    command = [_teikit(), "validate", "--schema", str(schema), *map(str, files)]
    benchmark.pedantic(_run, args=(command,), rounds=rounds, iterations=1, warmup_rounds=1)
    _TEIKIT_MEDIANS[case] = benchmark.stats.stats.median


def _bench_jing(benchmark, case: str, schema: Path, files: list[Path], rounds: int = ROUNDS, stack: str = "") -> None:
    jing = jing_command()
    if stack:  # Jing expands a choice recursively: 400 alternatives overflow the default stack
        jing.insert(1, f"-Xss{stack}")
    command = [*jing, str(schema), *map(str, files)]
    benchmark.pedantic(_run, args=(command,), rounds=rounds, iterations=1, warmup_rounds=1)
    jing = benchmark.stats.stats.median
    benchmark.extra_info["jing_median_s"] = jing
    if case in _TEIKIT_MEDIANS:
        ratio = _TEIKIT_MEDIANS[case] / jing
        benchmark.extra_info["teikit_median_s"] = _TEIKIT_MEDIANS[case]
        benchmark.extra_info["ratio_teikit_to_jing"] = ratio
        print(f"\n{case}: teikit {_TEIKIT_MEDIANS[case]:.3f} s, Jing {jing:.3f} s, ratio {ratio:.2f}")


def test_bench_big_teikit(benchmark, big_document):
    _bench_teikit(benchmark, "2.2 MB document", TEI_ALL, [big_document])


def test_bench_big_jing(benchmark, big_document):
    _bench_jing(benchmark, "2.2 MB document", TEI_ALL, [big_document])


def test_bench_small_teikit(benchmark):
    _bench_teikit(benchmark, "small document (seed, 53 KB)", TEI_ALL, [SEED_TEI])


def test_bench_small_jing(benchmark):
    _bench_jing(benchmark, "small document (seed, 53 KB)", TEI_ALL, [SEED_TEI])


def test_bench_batch_teikit(benchmark, batch):
    _bench_teikit(benchmark, f"batch of {BATCH}", TEI_ALL, sorted(batch.glob("*.xml")), rounds=3)


def test_bench_batch_jing(benchmark, batch):
    _bench_jing(benchmark, f"batch of {BATCH}", TEI_ALL, sorted(batch.glob("*.xml")), rounds=3)


def test_bench_wide_schema_teikit(benchmark, wide):
    _bench_teikit(benchmark, "400-element schema libxml2 cannot compile whole", wide[0], [wide[1]])


def test_bench_wide_schema_jing(benchmark, wide):
    _bench_jing(benchmark, "400-element schema libxml2 cannot compile whole", wide[0], [wide[1]], stack="64m")
