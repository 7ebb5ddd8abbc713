"""Fixtures of the hostile-input tests (defined in hostile_support.py)."""

from hostile_support import _listener_process, listener, workspace  # noqa: F401 - pytest finds fixtures by name
