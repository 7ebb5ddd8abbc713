"""Helpers of the tests that run teikit as a newcomer would: in a new shell, installed by pip."""

from __future__ import annotations

import os
import subprocess
import sys


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a new shell: no virtual environment of the test run's own."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    venv = os.environ.get("VIRTUAL_ENV") or (sys.prefix if sys.prefix != sys.base_prefix else None)
    if venv:
        env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                      if not p.startswith(str(venv)))
    env.update(extra)
    return env


def index_unreachable(tmp_path) -> str | None:
    """None when pip can fetch a package (setuptools, which the build needs), else why not."""
    probe = subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(tmp_path / "probe"), "setuptools"],
        capture_output=True, text=True, timeout=180,
    )
    return None if probe.returncode == 0 else "no package index reachable: " + " ".join(probe.stderr.split())[-200:]
