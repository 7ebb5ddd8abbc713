"""Atomic output (teikit.output) and the CLI's last line of defence (teikit.cli)."""

from __future__ import annotations

import os
import shutil
import subprocess

import click
import pytest
from click.testing import CliRunner
from hostile_support import PREVIOUS
from lxml import etree

from teikit import cli
from teikit.errors import TeikitError, UsageError
from teikit.output import write_atomic

# -- write_atomic --------------------------------------------------------------


def test_write_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(PREVIOUS)
    target.chmod(0o600)
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_symlink_is_replaced_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(PREVIOUS)
    link = tmp_path / "out" / "page.html"
    link.parent.mkdir()
    link.symlink_to(outside)
    write_atomic(link, "new page")
    assert outside.read_bytes() == PREVIOUS
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new page"


def test_parent_is_a_file(tmp_path):
    (tmp_path / "file").write_bytes(b"x")
    with pytest.raises(TeikitError) as caught:
        write_atomic(tmp_path / "file" / "out.txt", "data")
    assert caught.value.path == str(tmp_path / "file" / "out.txt")


def test_directory_in_the_way(tmp_path):
    (tmp_path / "out.txt").mkdir()
    with pytest.raises(TeikitError, match="directory"):
        write_atomic(tmp_path / "out.txt", "data")
    assert (tmp_path / "out.txt").is_dir() and not list((tmp_path / "out.txt").iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_unwritable_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "out.txt").write_bytes(PREVIOUS)
    folder.chmod(0o500)
    try:
        with pytest.raises(TeikitError, match="cannot write"):
            write_atomic(folder / "out.txt", "data")
        assert (folder / "out.txt").read_bytes() == PREVIOUS
    finally:
        folder.chmod(0o700)


def test_failure_while_writing_leaves_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_bytes(PREVIOUS)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(TeikitError, match="No space left"):
        write_atomic(target, "x" * 10_000)
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


# -- the CLI group --------------------------------------------------------------


def _group_raising(exc: BaseException) -> click.Group:
    """A throwaway group of the real class, with one command that raises ``exc``."""

    @click.group(cls=cli._Group)
    @click.option("--debug", is_flag=True)
    @click.pass_context
    def group(ctx, debug):
        ctx.ensure_object(dict)
        ctx.obj["debug"] = debug

    @group.command()
    def boom():
        raise exc

    return group


@pytest.mark.parametrize(
    ("exc", "status", "expected"),
    [
        (TeikitError("bad bracket\non two lines", "doc.txt", 7), 1, "doc.txt:7: bad bracket on two lines"),
        (UsageError("no such schema"), 2, "teikit: no such schema"),
        (FileNotFoundError(2, "No such file or directory", "gone.xml"), 1, "gone.xml: No such file or directory"),
        (PermissionError(13, "Permission denied", "site/index.html"), 1, "site/index.html: Permission denied"),
        (UnicodeDecodeError("utf-8", b"\xe9", 0, 1, "invalid continuation byte"), 1, "teikit: UnicodeDecodeError"),
        (etree.XPathEvalError("Invalid expression"), 1, "teikit: XPathEvalError: Invalid expression"),
        (MemoryError(), 1, "teikit: out of memory"),
        (RecursionError("maximum recursion depth exceeded"), 1, "teikit: the input is nested too deeply"),
        (ValueError("an unforeseen bug"), 1, "teikit: internal error: ValueError: an unforeseen bug"),
    ],
)
def test_every_failure_is_one_line(exc, status, expected):
    result = CliRunner().invoke(_group_raising(exc), ["boom"])
    assert result.exit_code == status
    assert isinstance(result.exception, SystemExit) or result.exception is None
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), lines
    assert "Traceback" not in result.output


def test_debug_shows_the_real_exception():
    result = CliRunner().invoke(_group_raising(ValueError("bug")), ["--debug", "boom"])
    assert isinstance(result.exception, ValueError)


def test_click_usage_errors_keep_exit_status_2():
    result = CliRunner().invoke(_group_raising(ValueError("never")), ["boom", "--no-such-option"])
    assert result.exit_code == 2 and "No such option" in result.stderr


@pytest.mark.skipif(shutil.which("teikit") is None, reason="the teikit console script is not installed")
def test_console_script_unknown_command_and_no_traceback():
    done = subprocess.run(["teikit", "no-such-command"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
