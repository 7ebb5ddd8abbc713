"""Which fonts Typst may use: its embedded ones plus Noto, found at run time.

Typst embeds Libertinus Serif (Latin, Greek, Cyrillic), New Computer Modern
and DejaVu Sans Mono. Everything else comes from the Debian Noto packages
(``fonts-noto-core``, ``fonts-noto-cjk``) when they are installed; nothing is
ever downloaded. Loading every Noto file costs about 0.2 s, so a document
whose characters the core set covers (Latin, Greek, Cyrillic, CJK, Hangul,
full-width forms) gets only those few files, and any other script brings in
the whole collection. Typst accepts folders only, so the few files are
linked into a private folder.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

#: Where Debian, other distributions and users keep font files.
FONT_ROOTS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local" / "share" / "fonts",
    Path.home() / ".fonts",
)

#: Font files enough for the corpus's scripts (by file name, found anywhere
#: under the Noto folders), with the families they hold.
CORE_FILES = {
    "NotoSerif-Regular.ttf": ("Noto Serif",),
    "NotoSerif-Bold.ttf": ("Noto Serif",),
    "NotoSerif-Italic.ttf": ("Noto Serif",),
    "NotoSerif-BoldItalic.ttf": ("Noto Serif",),
    "NotoSerifCJK-Regular.ttc": ("Noto Serif CJK JP", "Noto Serif CJK KR"),
    "NotoSerifCJK-Bold.ttc": ("Noto Serif CJK JP", "Noto Serif CJK KR"),
}

#: Families that Typst always has.
EMBEDDED_FAMILIES = ("Libertinus Serif", "New Computer Modern", "DejaVu Sans Mono")

#: The order in which Typst looks for a glyph; families that are not
#: installed are left out so that Typst does not warn about them.
FAMILY_PREFERENCE = (
    "Libertinus Serif",
    "Noto Serif",
    "Noto Serif CJK JP",
    "Noto Serif CJK KR",
    "Noto Sans CJK JP",
    "DejaVu Sans Mono",
)

# Code point ranges the core files cover (upper bounds exclusive).
_CORE_RANGES = (
    (0x0000, 0x0530),  # Latin, IPA, Greek, Cyrillic
    (0x1D00, 0x1F00),  # phonetic extensions, Latin extended additional
    (0x1F00, 0x2000),  # Greek extended
    (0x2000, 0x2C00),  # punctuation, letterlike symbols, arrows, shapes
    (0x2DE0, 0x2E80),  # Cyrillic extended-A, supplemental punctuation
    (0x2E80, 0xA000),  # CJK radicals, kana, Hangul compatibility, CJK ideographs
    (0xA640, 0xA6A0),  # Cyrillic extended-B
    (0xAC00, 0xD7B0),  # Hangul syllables
    (0xF900, 0xFB00),  # CJK compatibility ideographs
    (0xFE30, 0xFE50),  # CJK compatibility forms
    (0xFF00, 0xFFF0),  # half-width and full-width forms
)


def _is_core(cp: int) -> bool:
    return any(lo <= cp < hi for lo, hi in _CORE_RANGES)


def needs_all_fonts(text: str) -> bool:
    """True when ``text`` has a character outside the core scripts."""
    return any(ord(ch) >= 0x0530 and not _is_core(ord(ch)) for ch in set(text))


@lru_cache(maxsize=1)
def noto_dirs() -> tuple[str, ...]:
    """The installed Noto folders (``…/fonts/truetype/noto`` and the like)."""
    found: list[str] = []
    for root in FONT_ROOTS:
        if not root.is_dir():
            continue
        for dirpath, dirnames, _files in os.walk(root):
            depth = len(Path(dirpath).relative_to(root).parts)
            if Path(dirpath).name.lower().startswith("noto"):
                found.append(dirpath)
                dirnames[:] = []
            elif depth >= 2:
                dirnames[:] = []
    return tuple(sorted(found))


@lru_cache(maxsize=1)
def core_files() -> tuple[str, ...]:
    """The installed files among :data:`CORE_FILES`."""
    wanted = set(CORE_FILES)
    found = []
    for folder in noto_dirs():
        for entry in sorted(os.listdir(folder)):
            if entry in wanted:
                found.append(os.path.join(folder, entry))
                wanted.discard(entry)
    return tuple(found)


def link_core_files(folder: Path) -> tuple[str, ...]:
    """A folder of links to the core files (Typst loads folders, not files).

    Returns the folders to load instead: ``(folder,)``, or every Noto folder
    when links cannot be made here.
    """
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for path in core_files():
            link = folder / Path(path).name
            if not link.exists():
                link.symlink_to(path)
    except OSError:
        return noto_dirs()
    return (str(folder),)


def families(paths: tuple[str, ...]) -> tuple[str, ...]:
    """The families of :data:`FAMILY_PREFERENCE` that ``paths`` provide, in order.

    Typst warns about a family it does not have, so only present ones are
    named. For the core folder the answer is known from the file names;
    other folders are asked (which loads them).
    """
    have = set(EMBEDDED_FAMILIES)
    for path in paths:
        folder = Path(path)
        names = os.listdir(folder) if folder.is_dir() else []
        if all(name in CORE_FILES for name in names):
            for name in names:
                have.update(CORE_FILES[name])
        else:
            have.update(_scanned_families(path))
    return tuple(f for f in FAMILY_PREFERENCE if f in have)


@lru_cache(maxsize=8)
def _scanned_families(folder: str) -> frozenset[str]:
    import typst

    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[folder])
    return frozenset(fonts.families())
