"""Fixtures of the hostile-input tests (defined in hostile_support.py)."""

import sys
from pathlib import Path

# The test modules import their helpers by module name; make that work under
# any pytest import mode, not only the default one that prepends this folder.
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from hostile_support import _listener_process, listener, workspace  # noqa: E402, F401 - pytest finds fixtures by name
