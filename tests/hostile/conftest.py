"""Fixtures of the hostile-input tests (defined in hostile_support.py)."""

from hostile_support import listener, workspace  # noqa: F401 - pytest finds fixtures by name
