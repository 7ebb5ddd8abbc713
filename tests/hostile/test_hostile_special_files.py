"""Inputs that are not regular files: a FIFO would block a reader forever, a
device (here /dev/zero) never ends. Every command must refuse them by name."""

from __future__ import annotations

import errno
import os
import threading
import time

import pytest
from hostile_support import assert_clean_failure, need, run


class _FifoFeeder:
    """Feeds a FIFO if a command opens it, so that a defect fails the test instead of hanging it."""

    def __init__(self, path, data: bytes):
        self.path, self.data = path, data
        self.fed = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._feed, daemon=True)
        self._thread.start()

    def _feed(self) -> None:
        while not self._stop.is_set():
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as err:
                if err.errno != errno.ENXIO:  # ENXIO: nobody reads yet
                    return
                time.sleep(0.01)
                continue
            try:
                os.write(fd, self.data)
            except OSError:
                pass
            os.close(fd)
            self.fed = True
            return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


def _args(command, doc, out):
    return {
        "convert": ["convert", doc, "-o", out / "fifo.xml"],
        "text": ["text", doc, "-o", out / "fifo.txt"],
        "validate": ["validate", doc],
        "html": ["html", doc, "-o", out],
        "pdf": ["pdf", doc, "-o", out / "fifo.pdf"],
    }[command]


@pytest.mark.parametrize("command", ["convert", "text", "validate", "html", "pdf"])
def test_fifo_refused(workspace, command):
    need(command)
    suffix = ".txt" if command == "convert" else ".xml"
    fifo = workspace.inputs / f"fifo{suffix}"
    os.mkfifo(fifo)
    feeder = _FifoFeeder(fifo, b"Memo\n\nA paragraph.\n" if command == "convert" else b"<TEI/>")
    try:
        result = run(*_args(command, fifo, workspace.outputs))
    finally:
        feeder.stop()
    assert not feeder.fed, "the command opened the FIFO (it would block on a silent one)"
    assert_clean_failure(result, 1, fifo)
    assert not any(workspace.outputs.iterdir())


@pytest.mark.parametrize("command", ["convert", "text", "validate", "html", "pdf"])
def test_device_refused(workspace, command):
    need(command)
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    suffix = ".txt" if command == "convert" else ".xml"
    device = workspace.inputs / f"zero{suffix}"
    device.symlink_to("/dev/zero")
    result = run(*_args(command, device, workspace.outputs))
    assert_clean_failure(result, 1, device)
    assert not any(workspace.outputs.iterdir())
