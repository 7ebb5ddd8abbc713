"""How worker processes are started, for every command that uses them (validate -j, build).

Forking is fast (nothing is imported again) but safe only while this process
has not started Saxon: its runtime runs threads of its own, and a child
forked while one of them holds a lock waits for it forever. The same holds
for any other thread of this process (a caller embedding teikit, a browser
driver in a test run). Once Saxon is loaded or another thread runs, workers
are started by a fork server instead (a clean process that forks the workers).
"""

from __future__ import annotations

import sys


def start_method() -> str:
    """``fork`` while this process is single-threaded and without Saxon; else ``forkserver`` (or ``spawn``)."""
    import multiprocessing  # here: a command that starts no worker need not import it
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and "saxonche" not in sys.modules and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def context():
    """The multiprocessing context for a pool of workers (see :func:`start_method`)."""
    import multiprocessing

    return multiprocessing.get_context(start_method())
