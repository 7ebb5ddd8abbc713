"""Aligning the paragraphs of an original with the blocks of its translation.

A length-based aligner in the manner of Gale and Church (1993): dynamic
programming over the paragraphs of both sides, where a step ("bead") joins
one original paragraph to one translation block (1–1), to two (1–2), two to
one (2–1), or leaves one side's paragraph alone (1–0, 0–1). A bead costs
what its length difference is unlikely under a normal model of translation
lengths, plus the prior of its kind. Lengths are characters without spaces,
and the original's are scaled by the ratio of the two texts' totals, so that
a Chinese original (one character for several English letters) and a Russian
one are measured alike. Numbers (digit runs: dates, file numbers, figures)
are anchors: each one found on both sides of a bead lowers its cost, each
found on one side only raises it.

A bead is *uncertain* when a paragraph is left unaligned, when its lengths
disagree by more than the model expects, or when the translation has a number
the original lacks;
the converter marks those paragraphs and reports them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

#: Prior probability of each kind of bead (original count, translation count).
PRIORS = {(1, 1): 0.89, (1, 2): 0.045, (2, 1): 0.045, (1, 0): 0.01, (0, 1): 0.01}
#: Variance of the translation's length per character of the original (Gale and Church's estimate).
VARIANCE = 6.8
#: Cost of a number found on one side of a bead only, and the gain of one found on both.
NUMBER_MISSING = 2.0
NUMBER_FOUND = 3.0
#: Beyond this many standard deviations the lengths of a bead disagree.
DOUBTFUL_DELTA = {(1, 1): 2.5, (1, 2): 1.5, (2, 1): 1.5}

_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Bead:
    """One step of the alignment: indexes into both sides, and why it is uncertain ("" if it is not)."""

    original: tuple[int, ...]
    translation: tuple[int, ...]
    doubt: str = ""


def length(text: str) -> int:
    """Characters without white space."""
    return len(_SPACE.sub("", text))


def numbers(text: str) -> Counter:
    """The numbers written with digits in ``text`` (any script's digits), as integers."""
    return Counter(int(run) for run in _NUMBER.findall(text))


def _tail(delta: float) -> float:
    """Two-sided probability of a standard normal beyond |delta|."""
    return max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)


def align(original: list[str], translation: list[str]) -> list[Bead]:
    """Align two lists of paragraphs; the beads cover both lists in order."""
    o_len = [length(t) for t in original]
    t_len = [length(t) for t in translation]
    o_num = [numbers(t) for t in original]
    t_num = [numbers(t) for t in translation]
    ratio = (sum(t_len) / sum(o_len)) if sum(o_len) and sum(t_len) else 1.0

    def delta(lo: float, lt: float) -> float:
        scaled = lo * ratio
        mean = (scaled + lt) / 2
        return (lt - scaled) / math.sqrt(max(mean, 1.0) * VARIANCE)

    def cost(i: int, j: int, kind: tuple[int, int]) -> tuple[float, str]:
        a, b = kind
        lo = sum(o_len[i - a:i])
        lt = sum(t_len[j - b:j])
        found_o = sum((o_num[k] for k in range(i - a, i)), Counter())
        found_t = sum((t_num[k] for k in range(j - b, j)), Counter())
        shared = sum((found_o & found_t).values())
        missing = sum((found_o - found_t).values()) + sum((found_t - found_o).values())
        value = -math.log(PRIORS[kind]) + NUMBER_MISSING * missing - NUMBER_FOUND * shared
        doubt = ""
        if a and b:
            d = delta(lo, lt)
            value += -math.log(_tail(d))
            if abs(d) > DOUBTFUL_DELTA[kind]:
                doubt = f"lengths disagree ({lo} and {lt} characters)"
            # A translation's number is the original's (dates, figures); the original may write more of them
            # as digits ("3月" for "March"), so only the translation's unmatched numbers are doubtful.
            elif found_t - found_o:
                doubt = f"numbers differ ({_listed(found_o - found_t, found_t - found_o)})"
        elif a:
            # An unaligned paragraph costs like a length of that size left out.
            value += -math.log(_tail(delta(lo, 0)))
            doubt = "no translation block beside it"
        else:
            value += -math.log(_tail(delta(0, lt)))
            doubt = "no original paragraph beside it"
        return value, doubt

    n, m = len(original), len(translation)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[tuple[int, int], str] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for kind in PRIORS:
                a, b = kind
                if i < a or j < b or best[i - a][j - b] == math.inf:
                    continue
                value, doubt = cost(i, j, kind)
                total = best[i - a][j - b] + value
                if total < best[i][j]:
                    best[i][j] = total
                    step[i][j] = (kind, doubt)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        (a, b), doubt = step[i][j]
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), doubt))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def _listed(only_original: Counter, only_translation: Counter) -> str:
    parts = []
    if only_original:
        parts.append("only in the original: " + ", ".join(str(v) for v in sorted(only_original.elements())))
    if only_translation:
        parts.append("only in the translation: " + ", ".join(str(v) for v in sorted(only_translation.elements())))
    return "; ".join(parts)
