"""The memory cap of a build's worker processes.

Each worker limits its data segment (``RLIMIT_DATA``: heap and private
writable mappings) so that one document that needs more fails alone, with
one line, instead of pushing the machine into swap or the kernel's
out-of-memory killer, which would end the build. The address-space limit
(``RLIMIT_AS``) cannot be used: Saxon's runtime reserves some 32 GiB of
address space when it starts, without using it, and would not start at all.

The cap is ``--worker-memory GIB`` or the ``TEIKIT_WORKER_MEMORY`` variable
(GiB; ``0`` switches it off); by default 4 GiB, less when the machine's
memory divided among the workers is less (never under 1 GiB).
"""

from __future__ import annotations

import os

from ..errors import UsageError

ENV = "TEIKIT_WORKER_MEMORY"
DEFAULT_GIB = 4.0
MIN_DEFAULT_GIB = 1.0
GIB = 1024 ** 3
#: A stage that fails after its process came this close to the cap is taken to
#: have run out of memory: libxml2, Saxon and Typst report a failed allocation
#: in their own ways (an "unknown error", a stopped runtime), if at all.
NEAR = 0.8


def _physical_bytes() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def limit_bytes(option: float | None, workers: int) -> int | None:
    """The cap for each of ``workers`` processes in bytes (None: no cap)."""
    if option is None:
        text = os.environ.get(ENV, "").strip()
        if text:
            try:
                option = float(text)
            except ValueError:
                raise UsageError(f"{ENV}={text!r}: not a number of GiB (0 for no limit)") from None
    if option is not None:
        if option < 0:
            raise UsageError(f"worker memory {option:g} GiB: must be 0 (no limit) or more")
        return int(option * GIB) or None
    physical = _physical_bytes()
    share = physical / max(workers, 1) if physical else DEFAULT_GIB * GIB
    return int(min(DEFAULT_GIB * GIB, max(MIN_DEFAULT_GIB * GIB, share)))


def describe(limit: int) -> str:
    """``4 GiB``, ``0.25 GiB``: as the user would write it."""
    return f"{limit / GIB:.2f}".rstrip("0").rstrip(".") + " GiB"


def apply(limit: int | None) -> None:
    """Cap this process's data segment at ``limit`` bytes (never raising a lower hard limit)."""
    if not limit:
        return
    try:
        import resource
    except ImportError:  # not a POSIX system: no cap
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def reset_peak() -> None:
    """Start measuring this process's peak memory afresh (Linux; elsewhere a no-op)."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        pass


def near_limit(limit: int | None) -> bool:
    """Whether this process's peak resident memory since :func:`reset_peak` came near ``limit``."""
    if not limit:
        return False
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 >= NEAR * limit
    except (OSError, ValueError, IndexError):
        pass
    return False
