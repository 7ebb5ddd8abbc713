"""Generate a corpus for the build benchmarks: documents derived from the
seed translation with varied names, dates, numbers, titles and lengths.

Each document keeps the seed's structure (opener with stamp, title, numbered
sections, translator's notes, closer with signatures), so it exercises every
stage like a real one. Deterministic: the same count and seed give the same
files.

    python3 tests/benchmarks/corpus_gen.py OUT_DIR COUNT [--register FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_TXT = ROOT.parent / "shared" / "corpus" / "seed" / "soviet-embassy-dprk-1969-06-09.txt"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SURNAMES = ["Fadeyev", "Yakovlev", "Puzanov", "Sudarikov", "Moskovsky", "Pimenov", "Kurdyukov",
            "Zhuravlev", "Tolstikov", "Baskakov", "Samsonov", "Gromov", "Orlov", "Belov", "Kozlov"]
INITIALS = ["Yu.", "P.", "A. M.", "N. G.", "V. I.", "S. P.", "G. Ye.", "I. S.", "B. K."]
SUBJECTS = [
    "CONCERNING CHANGES IN THE VIEWS OF THE KOREAN LEADERSHIP",
    "ON THE POSITION OF THE KWP ON QUESTIONS OF THE INTERNATIONAL COMMUNIST MOVEMENT",
    "CONCERNING THE RELATIONS OF THE DPRK WITH CHINA",
    "ON THE ECONOMIC COOPERATION OF THE USSR AND THE DPRK",
    "CONCERNING THE REUNIFICATION OF KOREA",
    "ON THE INTERNAL POLITICAL SITUATION IN THE DPRK",
    "CONCERNING THE KOREAN PRESS ON THE SOVIET UNION",
]
GENRES = ["(Memo)", "(Political letter)", "(Information)", "(Record of conversation)"]


def _blocks(text: str) -> list[list[str]]:
    """Lines grouped into blocks separated by blank (space or NBSP) lines."""
    blocks, current = [], []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _split_seed(text: str):
    blocks = _blocks(text)
    genre = next(i for i, b in enumerate(blocks) if b[-1].strip() == "(Memo)")
    closer = next(i for i, b in enumerate(blocks) if b[0].startswith("FIRST SECRETARY"))
    return blocks[: genre + 1], blocks[genre + 1: closer], blocks[closer:]


def _date_text(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def make_document(seed_text: str, number: int, rng: random.Random) -> tuple[str, str, dict]:
    """One derived document: (file stem, text, catalogue data)."""
    opener, body, closer = _split_seed(seed_text)
    day = dt.date(1953, 1, 1) + dt.timedelta(days=rng.randrange(23 * 365))
    stamp_day = day + dt.timedelta(days=rng.randrange(2, 12))
    subject = rng.choice(SUBJECTS)
    genre = rng.choice(GENRES)
    author, attache = rng.sample(SURNAMES, 2)
    author_init, attache_init = rng.choice(INITIALS), rng.choice(INITIALS)

    head = []
    for block in opener:
        lines = []
        for line in block:
            # Both dates at once: a document dated 12 June 1969 must not have its date taken for the stamp's.
            line = re.sub("9 Junes 1969|12 June 1969",
                          lambda m: _date_text(day if m.group(0).startswith("9") else stamp_day), line)
            line = line.replace("Nº 165", f"Nº {rng.randrange(10, 999)}").replace("19373", str(rng.randrange(10000, 99999)))
            if line.startswith("CONCERNING CHANGES"):
                line = subject
            elif line.strip() == "(Memo)":
                line = genre
            lines.append(line)
        head.append(lines)

    # Lengths from a third of the seed's body to twice it.
    factor = rng.choice([0.3, 0.5, 0.75, 1.0, 1.0, 1.5, 2.0])
    wanted = max(3, int(len(body) * factor))
    text_blocks = [body[i % len(body)] for i in range(wanted)]

    tail = [[line.replace("Yu. Fadeyev", f"{author_init} {author}").replace("P. Yakovlev", f"{attache_init} {attache}")
             for line in block] for block in closer]
    text = "\n \n".join("\n".join(block) for block in head + text_blocks + tail) + "\n"
    stem = f"su-embassy-dprk-{day.isoformat()}-{number:05d}"
    heading = subject.capitalize()
    for acronym in ("dprk", "kwp", "ussr", "korea", "china", "soviet union", "communist"):
        heading = heading.replace(acronym, acronym.title() if len(acronym) > 4 else acronym.upper())
    title = f"Soviet Embassy in North Korea, '{heading}'"
    meta = {"title": title, "date": day.isoformat(), "author": f"{author_init} {author}",
            "attache": f"{attache_init} {attache}",
            "call_number": f"fond 0102, opis {rng.randrange(1, 40)}, delo {rng.randrange(1, 120)}",
            "summary": f"{genre.strip('()')} of the Soviet Embassy in the DPRK, {_date_text(day)}, "
                       f"{heading[0].lower()}{heading[1:]}."}
    return stem, text, meta


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sidecar(meta: dict) -> str:
    """The document's catalogue data as a ``NAME.meta.toml`` sidecar."""
    return "\n".join([
        f"title = {_toml_string(meta['title'])}",
        f"date = {_toml_string(meta['date'])}",
        'publisher = "Wilson Center Digital Archive"',
        'archive = "Archive of Foreign Policy of the Russian Federation (AVPRF)"',
        f"call_number = {_toml_string(meta['call_number'])}",
        f"summary = {_toml_string(meta['summary'])}",
        'original_language = "ru"',
        "",
        "[[authors]]",
        f"name = {_toml_string(meta['author'])}",
        'role = "First Secretary"',
        "",
        "[[authors]]",
        f"name = {_toml_string(meta['attache'])}",
        'role = "Attaché"',
        "",
    ])


def generate(out_dir: Path, count: int, *, seed: int = 1969, register: Path | None = None,
             sidecars: bool = True) -> list[Path]:
    """Write ``count`` documents (and the register, if given) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    seed_text = SEED_TXT.read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        rng = random.Random(seed * 1_000_003 + number)
        stem, text, meta = make_document(seed_text, number, rng)
        path = out_dir / f"{stem}.txt"
        path.write_text(text, encoding="utf-8")
        if sidecars:
            (out_dir / f"{stem}.meta.toml").write_text(sidecar(meta), encoding="utf-8")
        paths.append(path)
    if register is not None and register.is_file():
        shutil.copy(register, out_dir / "register.xml")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--register", type=Path, default=ROOT / "tei" / "register.xml")
    parser.add_argument("--seed", type=int, default=1969)
    args = parser.parse_args()
    generate(args.out_dir, args.count, seed=args.seed, register=args.register)


if __name__ == "__main__":
    main()
