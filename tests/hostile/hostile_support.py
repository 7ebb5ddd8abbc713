"""Helpers of the hostile-input tests: a secret beside every input, a loopback
listener that must never be called, and one way to run a command and judge it.

(A module of its own, not conftest.py, so that test modules can import it by a
name no other test area uses; conftest.py only re-exports the fixtures.)

Every hostile document is copied from ``corpus/`` (or generated, for the big
ones) into a fresh folder next to a ``secret.txt`` holding a random token; its
``{{PORT}}`` placeholders point at a TCP listener on 127.0.0.1. A test then
runs a command in-process and checks the exit status, the one-line message,
that no output was left or damaged, that the token appears nowhere and that
the listener saw no connection.
"""

from __future__ import annotations

import functools
import gzip
import re
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
ROOT = HERE.parents[1]
CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"
PREVIOUS = b"previous output, must survive a failed run\n"


# The listener runs in a process of its own: a client inside the test process
# (Saxon, libxml2, Typst) that held the GIL while waiting for an answer would
# otherwise wait forever for a thread that cannot run. It answers like a web
# server, so a client that got this far has something to (wrongly) use, and
# appends one line per connection to a log file.
_LISTENER = r"""
import socket, sys
log = sys.argv[1]
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(16)
print(server.getsockname()[1], flush=True)
while True:
    conn, _ = server.accept()
    conn.settimeout(1)
    try:
        request = conn.recv(2048)
    except OSError:
        request = b""
    with open(log, "ab") as out:
        out.write((request.splitlines() or [b"<connected>"])[0] + b"\n")
    try:
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nLISTENER-WAS-CALLED\n")
    except OSError:
        pass
    conn.close()
"""


class Listener:
    """A TCP server on a free loopback port, in its own process, that logs every connection."""

    def __init__(self, folder: Path) -> None:
        self._log = folder / "listener.log"
        self._log.write_bytes(b"")
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _LISTENER, str(self._log)], stdout=subprocess.PIPE, text=True
        )
        self.port = int(self._proc.stdout.readline())
        self._seen = 0

    def reset(self) -> None:
        """Forget the connections seen so far (each test starts from none)."""
        self._seen = len(self._lines())

    def _lines(self) -> list[str]:
        return self._log.read_text(encoding="utf-8", errors="replace").splitlines()

    @property
    def connections(self) -> list[str]:
        """The first line of each request received since the last reset."""
        return self._lines()[self._seen :]

    def close(self) -> None:
        self._proc.terminate()
        self._proc.wait(timeout=10)
        self._proc.stdout.close()


@pytest.fixture(scope="session")
def _listener_process(tmp_path_factory):
    server = Listener(tmp_path_factory.mktemp("listener"))
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def listener(_listener_process):
    """The loopback listener, with no connection counted yet; tests assert it sees none."""
    _listener_process.reset()
    return _listener_process


@dataclass
class Workspace:
    """An input folder with ``secret.txt`` beside the documents, and an output folder."""

    inputs: Path
    outputs: Path
    token: str
    port: int
    placed: list[Path] = field(default_factory=list)

    def place(self, name: str, data: bytes | None = None, *, folder: str | None = None) -> Path:
        """Copy corpus file ``name`` (or write ``data``) into the input folder.

        With ``folder``, the file goes into that subfolder and its references
        to the secret are rewritten to reach it one level up.
        """
        if data is None:
            data = (CORPUS / name).read_bytes()
        data = data.replace(b"{{PORT}}", str(self.port).encode())
        where = self.inputs
        if folder:
            where = self.inputs / folder
            where.mkdir(exist_ok=True)
            data = data.replace(b'"secret.txt"', b'"../secret.txt"')
        path = where / name
        path.write_bytes(data)
        self.placed.append(path)
        return path

    def leaks(self, *texts: str) -> list[str]:
        """Where the secret token shows up: output files (PDF text too) and the given texts."""
        found = [f"message/output #{i}" for i, text in enumerate(texts) if text and self.token in text]
        for path in sorted(self.outputs.rglob("*")):
            if not path.is_file():
                continue
            data = path.read_bytes()
            if self.token.encode() in data:
                found.append(str(path))
            elif data[:5] == b"%PDF-" and self.token in pdf_text(path):
                found.append(f"{path} (text)")
        return found


@pytest.fixture
def workspace(tmp_path, listener) -> Workspace:
    """Fresh input and output folders; the secret's token is random per test."""
    inputs = tmp_path / "in"
    outputs = tmp_path / "out"
    inputs.mkdir()
    outputs.mkdir()
    token = f"SECRET-{secrets.token_hex(12)}"
    (inputs / "secret.txt").write_text(token + "\n", encoding="utf-8")
    return Workspace(inputs, outputs, token, listener.port)


def pdf_text(path: Path) -> str:
    """The text of a PDF as poppler's pdftotext extracts it ('' if it cannot)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=60)
    return done.stdout.decode("utf-8", "replace")


def need(command: str) -> None:
    """Skip when a command has not landed yet (each area registers its own)."""
    if main.get_command(None, command) is None:
        pytest.skip(f"`teikit {command}` is not available yet")


@dataclass
class Run:
    """What one in-process command run gave."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None


def run(*args: str | Path) -> Run:
    """Run ``teikit ARGS`` in-process, stdout and stderr apart."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    exc = result.exception
    if isinstance(exc, SystemExit):
        exc = None
    return Run(result.exit_code, result.stdout, result.stderr, exc)


def assert_clean_failure(result: Run, status: int, path: Path, line: int | None = None) -> None:
    """Exit ``status``, no traceback, and one ``path:line: message`` naming the file."""
    assert result.exception is None, f"uncaught {result.exception!r}"
    assert result.exit_code == status, f"exit {result.exit_code}, stderr: {result.stderr!r}"
    assert_no_traceback(result)
    where = re.escape(path.name) + (rf":{line}(:\d+)?: " if line else r"(:\d+)*: ")
    # Most commands report on stderr; validate reports its findings on stdout.
    lines = [ln for ln in (result.stderr + "\n" + result.stdout).splitlines() if ln.strip()]
    assert any(re.search(where, ln) for ln in lines), f"no '{path.name}:{line or 'N'}: …' line in {lines!r}"


def assert_no_traceback(result: Run) -> None:
    """No traceback, no internal error: a defect would show here."""
    for text in (result.stdout, result.stderr):
        assert "Traceback" not in text, text
        assert "internal error" not in text, text
        assert not re.search(r'^\s+File ".*", line \d+', text, re.M), text


def assert_untouched(before: dict[Path, bytes | None], outputs: Path) -> None:
    """Files that existed are unchanged, no new file appeared, no temporary is left."""
    for path, data in before.items():
        if data is None:
            assert not path.exists(), f"{path} was written by a failed run"
        else:
            assert path.read_bytes() == data, f"{path} was changed by a failed run"
    stray = [p for p in outputs.rglob("*") if p.is_file() and p not in before]
    assert not stray, f"a failed run left {stray}"


# -- big inputs, generated rather than stored ---------------------------------

TEI_OPEN = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
    b"<teiHeader><fileDesc><titleStmt><title>Generated</title></titleStmt>"
    b'<publicationStmt><publisher>teikit test corpus</publisher><date when="2026-01-01">2026</date></publicationStmt>'
    b"<sourceDesc><p>Generated by the hostile-input tests.</p></sourceDesc></fileDesc></teiHeader>\n"
    b"<text><body>\n"
)
TEI_CLOSE = b"</body></text>\n</TEI>\n"


def deep_nesting(levels: int = 10_000) -> bytes:
    """A TEI document whose body nests ``levels`` divs."""
    return TEI_OPEN + b"<div>\n" * levels + b"<p>deep</p>" + b"</div>" * levels + TEI_CLOSE


def huge_text_node(megabytes: int = 20) -> bytes:
    """A TEI document with one text node of ``megabytes`` MB."""
    return TEI_OPEN + b"<p>" + b"word " * (megabytes * 1024 * 1024 // 5) + b"</p>\n" + TEI_CLOSE


@functools.cache
def gzip_bomb() -> bytes:
    """A gzip file that would inflate to 128 MB of XML (about 130 kB on disk)."""
    filler = b"<p>" + b"a" * (1024 * 1024) + b"</p>\n"
    return gzip.compress(TEI_OPEN + filler * 128 + TEI_CLOSE, compresslevel=9)


def huge_sane(paragraphs: int = 20_000) -> bytes:
    """A large but ordinary TEI document (several MB of short paragraphs)."""
    para = (
        b'<p n="%d">The delegation of the <orgName>Korean Workers\' Party</orgName> arrived on '
        b'<date when="1969-06-12">12 June 1969</date>; talk number %d went on for <num>%d</num> hours.</p>\n'
    )
    body = b"".join(para % (i, i, i % 7 + 1) for i in range(paragraphs))
    return TEI_OPEN + b'<div type="section">\n' + body + b"</div>\n" + TEI_CLOSE


GENERATED = {
    "deep_nesting.xml": deep_nesting,
    "huge_text_node.xml": huge_text_node,
    "gzip_bomb.xml": gzip_bomb,
}
