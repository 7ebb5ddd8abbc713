"""The README is the user's guide: its CLI reference must follow the commands' own help."""

from __future__ import annotations

import re

import click

from pathlib import Path

from teikit.cli import main

ROOT = Path(__file__).resolve().parents[1]

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(command: str) -> str:
    """The README text under the heading for ``teikit <command>`` (up to the next heading)."""
    match = re.search(rf"^###\s+`teikit {re.escape(command)}[^`]*`.*?$(.*?)(?=^##)", README, re.M | re.S)
    assert match, f"README has no '### `teikit {command} …`' section"
    return match.group(1)


def _commands() -> dict[str, click.Command]:
    return {name: main.get_command(None, name) for name in main.list_commands(None)}


def test_every_command_is_documented():
    assert _commands(), "no commands registered"
    for name in _commands():
        _section(name)


def test_every_option_of_every_command_is_documented():
    missing = []
    for name, command in _commands().items():
        section = _section(name)
        for param in command.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            longest = max(param.opts, key=len)
            if longest not in section:
                missing.append(f"teikit {name} {longest}")
    assert not missing, f"options missing from the README: {missing}"


def test_documented_options_exist():
    """An option the README names for a command must still exist (no stale docs)."""
    stale = []
    for name, command in _commands().items():
        section = _section(name)
        known = {opt for p in command.params for opt in getattr(p, "opts", [])} | {"--help", "-h"}
        for opt in set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", section)):
            if opt not in known and opt not in {"--debug", "--version"}:
                stale.append(f"teikit {name} {opt}")
    assert not stale, f"README documents options that do not exist: {stale}"


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"^python3 -m pytest[^\n]*$", ci, re.M)
    assert command, ".ci/run runs no pytest"
    assert command.group(0) in README
