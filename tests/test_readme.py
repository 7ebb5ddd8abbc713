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


def _ci_commands() -> list[str]:
    """The command lines of .ci/run (comments, blank lines and continuations folded away)."""
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def _readme_test_command() -> str:
    match = re.search(r"^## Running the tests\n(.*?)(?=^## )", README, re.M | re.S)
    assert match, "README has no 'Running the tests' section"
    blocks = re.findall(r"^    (\S[^\n]*)$", match.group(1), re.M)
    assert blocks[:1] == ["bash .ci/run"], "'Running the tests' should start with bash .ci/run"
    return blocks[1]


def test_readme_test_command_is_what_ci_runs():
    """.ci/run ends with exactly the test command that the README gives."""
    assert _ci_commands()[-1] == _readme_test_command()
    assert f"the test command `{_readme_test_command()}`" in README  # the quick start names it too


def test_ci_installs_as_the_quick_start_does():
    """.ci/run makes the same virtual environment the quick start makes, and installs into it."""
    quick = re.search(r"^    (python3 -m venv [^\n]*)$", README, re.M)
    assert quick, "the quick start has no `python3 -m venv` line"
    venv = quick.group(1).split(" && ")[0]
    commands = _ci_commands()
    assert venv in commands
    installs = [c for c in commands if " install " in c and "pip" in c]
    assert installs and all(c.startswith(".venv/bin/pip ") for c in installs), installs
