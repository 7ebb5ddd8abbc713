"""A full disk: every command fails with one line and a non-zero status, and leaves no cut file.

Two simulations: a real, tiny tmpfs (needs root and a kernel that lets this
process mount one; skipped otherwise), where each command runs as its own
process with its output (a file, or standard output redirected to a file) on
that disk; and, everywhere, a system ``write`` that accepts a few bytes and
then reports ENOSPC, which is how a nearly full disk behaves.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from teikit import output as output_module
from teikit.errors import TeikitError
from teikit.output import CheckedFile, write_atomic, write_stdout

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "corpus" / "seed"
CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"
#: Free bytes left on the small disk: less than any output of the commands below.
ROOM = 8 * 1024


def _source_text() -> bytes:
    """A plain-text source whose TEI is several times larger than ROOM."""
    paragraph = "The [sic] minister said the matter [illegible] was closed.  [Signed] A. N. Other\n\n"
    return ("MEMORANDUM\n\n" + paragraph * 400).encode("utf-8")


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MiB tmpfs holding a filler file that leaves only ROOM bytes free."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mountpoint = tmp_path / "disk"
    mountpoint.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mountpoint)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        stats = os.statvfs(mountpoint)
        free = stats.f_bavail * stats.f_frsize
        (mountpoint / "filler").write_bytes(b"\0" * (free - ROOM))
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True)


def _teikit(args: list[str], stdout=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "teikit", *args], stdout=stdout or subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=300, cwd=ROOT)


def _assert_one_line_failure(done: subprocess.CompletedProcess) -> None:
    assert done.returncode != 0, "a write to a full disk reported success"
    errors = [ln for ln in done.stderr.splitlines() if "warning:" not in ln and ln.strip()]
    assert len(errors) == 1, errors
    assert "No space left on device" in errors[0], errors
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


def _commands(inputs: Path, disk: Path) -> dict[str, tuple[list[str], Path, bool]]:
    """name -> (arguments, where the output goes, whether it goes there through standard output)."""
    source = inputs / "memo.txt"
    tei = inputs / "memo.xml"
    return {
        "convert -o": (["convert", str(source), "-o", str(disk / "memo.xml")], disk / "memo.xml", False),
        "convert >": (["convert", str(source)], disk / "stdout.xml", True),
        "text -o": (["text", str(tei), "-o", str(disk / "memo.txt")], disk / "memo.txt", False),
        "text >": (["text", str(tei)], disk / "stdout.txt", True),
        "validate -o": (["validate", "--format", "junit", "-o", str(disk / "report.xml"), str(inputs / "many")],
                        disk / "report.xml", False),
        "html -o": (["html", str(tei), "-o", str(disk / "pages")], disk / "pages" / "memo.html", False),
        "html >": (["html", str(tei), "-o", "-"], disk / "stdout.html", True),
        "pdf -o": (["pdf", str(tei), "-o", str(disk / "memo.pdf")], disk / "memo.pdf", False),
        "pdf >": (["pdf", str(tei), "-o", "-"], disk / "stdout.pdf", True),
    }


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("full-disk-inputs")
    (folder / "memo.txt").write_bytes(_source_text())
    done = _teikit(["convert", str(folder / "memo.txt"), "-o", str(folder / "memo.xml")])
    assert done.returncode == 0, done.stderr
    # Many documents make the validation report larger than the room left.
    (folder / "many").mkdir()
    for n in range(200):
        shutil.copy(folder / "memo.xml", folder / "many" / f"memo-{n:03}.xml")
    return folder


@pytest.mark.parametrize("name", list(_commands(Path("in"), Path("disk"))))
def test_full_disk_fails_cleanly(small_disk, inputs, name):
    args, target, via_stdout = _commands(inputs, small_disk)[name]
    if via_stdout:
        with open(target, "wb") as out:
            done = _teikit(args, stdout=out)
    else:
        done = _teikit(args)
    _assert_one_line_failure(done)
    if via_stdout:
        assert target.stat().st_size == 0, "standard output was left holding a cut document"
    else:
        assert not target.exists(), f"{target} was left behind"
    leftovers = [p.name for p in small_disk.rglob("*") if p.is_file() and p.name != "filler" and p != target]
    assert not leftovers, leftovers


def test_full_disk_build_keeps_no_half_site(small_disk, inputs):
    src = inputs / "edition"
    src.mkdir(exist_ok=True)
    shutil.copy(inputs / "memo.xml", src / "memo.xml")
    site = small_disk / "site"
    done = _teikit(["build", str(src), "-o", str(site), "--no-pdf"])
    # A build reports each document that failed, then why it stopped.
    assert done.returncode != 0, "a build on a full disk reported success"
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    assert "No space left on device" in done.stderr or "disk is full" in done.stderr, done.stderr
    assert not site.exists()
    assert [p.name for p in small_disk.iterdir()] == ["filler"]


# -- the same without a real disk: a write() that gives up after a few bytes ---------


class _NearlyFull:
    """os.write that accepts ``room`` bytes in short pieces, then fails with ENOSPC."""

    def __init__(self, room: int):
        self.room = room
        self.real = os.write

    def __call__(self, fd, data):
        if fd <= 2 and fd != 1:
            return self.real(fd, data)
        if self.room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        piece = min(len(data), 1000, self.room)
        self.room -= piece
        return self.real(fd, bytes(data[:piece]))


def test_short_writes_are_retried(tmp_path, monkeypatch):
    monkeypatch.setattr(output_module.os, "write", _NearlyFull(10**9))
    data = os.urandom(50_000)
    write_atomic(tmp_path / "out.bin", data)
    assert (tmp_path / "out.bin").read_bytes() == data


def test_nearly_full_disk_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.xml"
    target.write_bytes(b"previous")
    monkeypatch.setattr(output_module.os, "write", _NearlyFull(4096))
    with pytest.raises(TeikitError, match="No space left on device") as caught:
        write_atomic(target, b"x" * 50_000)
    assert caught.value.path == str(target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]


def test_checked_file_fails_on_a_write_that_makes_no_progress(tmp_path, monkeypatch):
    monkeypatch.setattr(output_module.os, "write", lambda fd, data: 0)
    with pytest.raises(OSError) as caught:
        with CheckedFile(tmp_path / "f") as handle:
            handle.write(b"data")
    assert caught.value.errno == errno.ENOSPC


def test_stdout_to_a_file_is_cut_back_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "stdout.txt"
    with open(target, "wb") as handle:
        handle.write(b"kept\n")
        handle.flush()
        saved = os.dup(1)
        os.dup2(handle.fileno(), 1)
        try:
            monkeypatch.setattr(output_module.os, "write", _NearlyFull(3000))
            monkeypatch.setattr(sys, "stdout", open(1, "w", closefd=False))
            with pytest.raises(TeikitError, match="^stdout: cannot write: No space left on device"):
                write_stdout(b"y" * 20_000)
        finally:
            monkeypatch.undo()
            os.dup2(saved, 1)
            os.close(saved)
    assert target.read_bytes() == b"kept\n"


def test_a_device_is_written_into_not_replaced(tmp_path):
    """``-o /dev/null`` must leave /dev/null a device (a rename would put a regular file in its place)."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_atomic(fifo, b"through the pipe")
    assert reader.communicate(timeout=30)[0] == b"through the pipe"
    assert fifo.is_fifo()
    write_atomic(os.devnull, b"nothing")
    assert Path(os.devnull).is_char_device()
