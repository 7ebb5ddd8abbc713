"""Where to find the TEI's own schema (tei_all) for the ``--tei-all`` profile.

teikit does not ship tei_all.rng (1 MB, released by the TEI Consortium). It
is looked for, in this order: a folder given with ``--tei-all-dir``; the
environment variable ``TEIKIT_TEI_ALL`` (a folder, or the .rng file itself);
the user cache, where ``teikit fetch-tei-all`` puts a release's files on
explicit request. ``tei_all.isosch`` (TEI's Schematron rules) is used when it
lies beside the .rng file.

No Python package is involved: the one on PyPI that ships tei_all.rng pins
an lxml older than teikit's, so it cannot be installed beside teikit.
"""

from __future__ import annotations

import hashlib
import os
import re
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import TeikitError, UsageError
from ..output import write_atomic

ENV_VAR = "TEIKIT_TEI_ALL"
#: The release ``teikit fetch-tei-all`` takes by default (the one teikit is tested with).
DEFAULT_RELEASE = "4.8.0"
#: Where the TEI Consortium keeps every release; {release} is replaced. ``TEIKIT_TEI_RELEASES``
#: overrides it (a mirror, or a local copy as a file: URL).
RELEASES_URL = "https://www.tei-c.org/Vault/P5/{release}/xml/tei/custom/schema/relaxng/"
RELEASES_ENV = "TEIKIT_TEI_RELEASES"
FILES = ("tei_all.rng", "tei_all.isosch")
CHECKSUMS = "SHA256SUMS"
#: The largest file accepted from a download (tei_all.rng is about 1 MB).
MAX_DOWNLOAD = 32 * 1024 * 1024

HOW_TO_GET = (
    "tei_all.rng not found: run `teikit fetch-tei-all` once (it downloads tei_all.rng and tei_all.isosch "
    "of a TEI release into the user cache), or pass --tei-all-dir DIR or set TEIKIT_TEI_ALL=DIR to a folder "
    "that holds them"
)

_RELEASE = re.compile(r"^\d+\.\d+\.\d+$")


def cache_root() -> Path:
    """``$XDG_CACHE_HOME/teikit/tei`` (``~/.cache/teikit/tei`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "teikit" / "tei"


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split("."))


def _from_cache() -> Path | None:
    root = cache_root()
    if not root.is_dir():
        return None
    releases = sorted((p.name for p in root.iterdir() if _RELEASE.match(p.name)), key=_version_key, reverse=True)
    if DEFAULT_RELEASE in releases:
        releases.remove(DEFAULT_RELEASE)
        releases.insert(0, DEFAULT_RELEASE)
    for release in releases:
        rng = root / release / "tei_all.rng"
        if rng.is_file():
            return rng
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
        rng = _from_cache()
        if rng is None:
            raise UsageError(HOW_TO_GET)
    isosch = rng.with_name("tei_all.isosch")
    return rng, isosch if isosch.is_file() else None


def _download(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - the user asked for this URL
            data = response.read(MAX_DOWNLOAD + 1)
    except (OSError, ValueError) as err:
        raise TeikitError(f"cannot download: {getattr(err, 'reason', None) or err}", url) from None
    if len(data) > MAX_DOWNLOAD:
        raise TeikitError(f"larger than {MAX_DOWNLOAD} bytes: not a TEI schema", url)
    return data


def _check_content(name: str, data: bytes, release: str, url: str) -> None:
    """The file must be what its name says, of the release asked for (a wrong URL gives an HTML page)."""
    head = data[:4096]
    if name.endswith(".rng"):
        if b"http://relaxng.org/ns/structure/1.0" not in head:
            raise TeikitError("not a RelaxNG schema", url)
        edition = re.search(rb"P5 Version (\d+\.\d+\.\d+)", head)
        if edition and edition.group(1).decode() != release:
            raise TeikitError(f"is the schema of TEI {edition.group(1).decode()}, not of {release}", url)
    elif b"http://purl.oclc.org/dsdl/schematron" not in head:
        raise TeikitError("not an ISO Schematron schema", url)


def read_checksums(path: str | os.PathLike) -> dict[str, str]:
    """``NAME -> sha256`` from a file in the format ``sha256sum`` prints."""
    sums = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = re.match(r"^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$", line)
        if not match:
            raise UsageError("not a line of `sha256sum` output (HASH  NAME)", str(path), number)
        sums[Path(match.group(2)).name] = match.group(1).lower()
    return sums


def fetch_tei_all(
    release: str = DEFAULT_RELEASE,
    directory: str | os.PathLike | None = None,
    *,
    checksums: dict[str, str] | None = None,
    say: Callable[[str], None] = lambda text: None,
) -> Iterator[tuple[str, Path]]:
    """Download a release's tei_all.rng and tei_all.isosch into ``directory`` (default: the user cache).

    Both files are downloaded and checked before either is written: each
    must be the kind of schema its name says (and the .rng of ``release``),
    and match ``checksums`` when given. The folder then also gets
    ``SHA256SUMS``. Yields ``(url, path)`` per file written.
    """
    if not _RELEASE.match(release):
        raise UsageError(f"--release must look like 4.8.0, not {release!r}")
    base = os.environ.get(RELEASES_ENV) or RELEASES_URL
    base = base.format(release=release) if "{release}" in base else base.rstrip("/") + f"/{release}/"
    target = Path(directory) if directory is not None else cache_root() / release
    fetched = []
    for name in FILES:
        url = base + name
        say(f"downloading {url}")
        data = _download(url)
        _check_content(name, data, release, url)
        digest = hashlib.sha256(data).hexdigest()
        if checksums is not None:
            expected = checksums.get(name)
            if expected is None:
                raise UsageError(f"the checksum file lists no {name}")
            if digest != expected:
                raise TeikitError(f"SHA-256 is {digest}, not {expected} as expected; nothing was written", url)
        say(f"  sha256 {digest}  {name}")
        fetched.append((name, url, data, digest))
    for name, url, data, _digest in fetched:
        write_atomic(target / name, data)
        yield url, target / name
    write_atomic(target / CHECKSUMS, "".join(f"{digest}  {name}\n" for name, _url, _data, digest in fetched))
