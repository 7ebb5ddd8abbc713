"""Same verdict as Jing on TEI from other projects, with TEI's own schema and rules."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner

from teikit.cli import main
from validate_support import CONTRACT, FOREIGN_DIR, JING_JAR, P5SUBSET, TEI_ALL_RNG, TEI_ALL_SCH, VALID_DIR

pytestmark = pytest.mark.skipif(not TEI_ALL_RNG.is_file(), reason="../shared/tei/tei_all.rng is not present")


def jing_accepts(java: str, path) -> bool:
    done = subprocess.run([java, "-jar", JING_JAR, str(TEI_ALL_RNG), str(path)], capture_output=True, timeout=300)
    return done.returncode == 0


def teikit_accepts(path) -> bool:
    result = CliRunner().invoke(
        main, ["validate", "--schema", str(TEI_ALL_RNG), "--schematron", str(TEI_ALL_SCH), "-f", "json", str(path)]
    )
    assert result.exit_code in (0, 1), result.output
    return result.exit_code == 0


CASES = [
    FOREIGN_DIR / "frus-like.xml",
    FOREIGN_DIR / "frus-like-invalid.xml",
    FOREIGN_DIR / "varied-tei.xml",
    FOREIGN_DIR / "varied-tei-invalid.xml",
    CONTRACT,
    VALID_DIR / "telegram-1962.xml",
    VALID_DIR / "register.xml",
]


@pytest.mark.slow
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_same_verdict_as_jing(java, path):
    assert teikit_accepts(path) == jing_accepts(java, path)


@pytest.mark.slow
def test_same_verdict_as_jing_on_the_guidelines_source(java):
    # p5subset.xml is TEI's own ODD source: 4 MB of real TEI from another project.
    if not P5SUBSET.is_file():
        pytest.skip("../shared/tei/p5subset.xml is not present")
    assert teikit_accepts(P5SUBSET) == jing_accepts(java, P5SUBSET)


def test_foreign_fixtures_have_the_expected_verdicts():
    # Independently of Java: the valid one is valid and the broken one is not.
    for name in ("frus-like", "varied-tei"):
        assert teikit_accepts(FOREIGN_DIR / f"{name}.xml")
        assert not teikit_accepts(FOREIGN_DIR / f"{name}-invalid.xml")
