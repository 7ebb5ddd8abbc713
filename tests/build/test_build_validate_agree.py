"""``teikit build`` and ``teikit validate`` reach one validation entry point
(Validator.check_tree), so they give the same verdict on every validation
fixture, the register rules included."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.site.worker import Task, Toolchain, init_worker, process
from teikit.validate import Options, run

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
FIXTURES = sorted(p for p in SCHEMAS.rglob("*.xml") if p.name != "register.xml")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    init_worker(Toolchain, pdf=False)
    staging = tmp_path_factory.mktemp("staging")

    def build(path: Path) -> dict:
        return process(Task(path.stem, str(path), "tei", "digest", str(staging), False))

    return build


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(SCHEMAS)))
def test_build_and_validate_agree(built, path):
    (validated,) = run([path], Options())
    result = built(path)
    assert (result["status"] == "built") == validated.valid, result["errors"]
    if not validated.valid:
        # the first error of validate is the one build reports first
        first = next(f for f in validated.findings if f.is_error)
        assert f"[{first.rule}]" in result["errors"][0] or first.message in result["errors"][0]


def test_a_missing_register_entry_is_not_published():
    assert SCHEMAS / "invalid" / "register-entry-missing.xml" in FIXTURES
