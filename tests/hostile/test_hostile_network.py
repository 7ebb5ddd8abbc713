"""No command ever opens a connection: the real `teikit` script, run as users run it,
on documents whose XIncludes, stylesheet PIs, xml:base, links and images all
point at a loopback listener. (The in-process tests check the listener after
every run too, including the refused DTDs and entities.)"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from hostile_support import main

DOCUMENTS = ["xinclude.xml", "xml_stylesheet_pi.xml", "remote_resources.xml"]


def _runs(workspace, docs):
    out = workspace.outputs
    first = docs[-1]
    return {
        "validate": ["validate", *docs],
        "html": ["html", *docs, "-o", out],
        "text": ["text", first, "-o", out / f"{first.stem}.txt"],
        "pdf": ["pdf", first, "-o", out / f"{first.stem}.pdf"],
        "convert": ["convert", first, "-o", out / f"{first.stem}.converted.xml"],  # markup read as plain text
        "build": ["build", workspace.inputs / "docs", "-o", out / "site", "-j", "1", "--no-pdf", "-q"],
    }


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("teikit") is None, reason="the teikit console script is not installed")
def test_no_command_connects_anywhere(workspace, listener):
    # In a folder of their own: `teikit build` publishes every *.txt it finds.
    docs = [workspace.place(name, folder="docs") for name in DOCUMENTS]
    ran = []
    for command, args in _runs(workspace, docs).items():
        if main.get_command(None, command) is None:
            continue
        done = subprocess.run(["teikit", *map(str, args)], capture_output=True, text=True, timeout=300)
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode in (0, 1), f"{command}: {done.stderr}"
        assert workspace.token not in done.stdout + done.stderr
        ran.append(command)
    if not ran:
        pytest.skip("no command has landed yet")
    assert listener.connections == [], f"connections after {ran}: {listener.connections!r}"
    assert not workspace.leaks()
