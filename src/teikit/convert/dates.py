"""Dates in the running text → ``<date when>`` (or ``@from``/``@to``) in ISO form.

Recognized: ``12 June 1969`` (also the typed ``9 Junes 1969`` and
``9 February1968``), ``November 18, 1967``, ``June 1960``, ``24.X.62``
(Roman-numeral month, two-digit year read as 19xx) and year ranges
``1965-1966``. A bare year is left alone: too many of them are not dates.
"""

from __future__ import annotations

import re

from .model import Node, regex_pass

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
_MONTH = "|".join(MONTHS)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}

_YEAR = r"1[89]\d\d|20\d\d"
_DIGIT_FIRST = (rf"(?P<d1>\d{{1,2}}) (?P<m1>{_MONTH})s? ?(?P<y1>{_YEAR})"
                rf"|(?P<d4>\d{{1,2}})\.(?P<m4>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.(?P<y4>\d\d)"
                rf"|(?P<from>1[89]\d\d)-(?P<to>1[89]\d\d)")
_MONTH_FIRST = rf"(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}}), (?P<y2>{_YEAR})|(?P<m3>{_MONTH}) (?P<y3>{_YEAR})"

#: Any date form (used whole, e.g. to see whether a line is only a date).
DATE = re.compile(rf"(?:{_DIGIT_FIRST}|{_MONTH_FIRST})(?![\w-])")
# For scanning, one pattern per first character: the look-ahead lets the
# regex engine skip to candidates quickly (a single alternation is ~5x slower).
_SCAN_DIGIT = re.compile(rf"(?=\d)(?:{_DIGIT_FIRST})(?![\w-])")
_SCAN_MONTH = re.compile(rf"(?=[ADFJMNOS])(?:{_MONTH_FIRST})(?![\w-])")


def _iso(year: str, month: int, day: str | None = None) -> str | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{month:02d}-{int(day):02d}"


def date_attributes(match: re.Match) -> dict | None:
    """The ISO attributes of a :data:`DATE` match, or None when it is not a real date."""
    g = dict.fromkeys(("m1", "m2", "m3", "m4"), None) | match.groupdict()
    if g["m1"]:
        when = _iso(g["y1"], MONTHS.index(g["m1"]) + 1, g["d1"])
    elif g["m2"]:
        when = _iso(g["y2"], MONTHS.index(g["m2"]) + 1, g["d2"])
    elif g["m3"]:
        when = _iso(g["y3"], MONTHS.index(g["m3"]) + 1)
    elif g["m4"]:
        when = _iso("19" + g["y4"], _ROMAN[g["m4"]], g["d4"])
    else:
        if int(g["from"]) >= int(g["to"]):
            return None
        return {"from": g["from"], "to": g["to"]}
    return {"when": when} if when else None


def _make(match: re.Match):
    # Checked here rather than by a look-behind, which would stop the regex
    # engine from skipping quickly to candidate characters.
    start = match.start()
    if start and (match.string[start - 1].isalnum() or match.string[start - 1] in "._"):
        return None
    attrib = date_attributes(match)
    return Node("date", attrib, [match.group()]) if attrib else None


_digit_first = regex_pass(_SCAN_DIGIT, _make)
_month_first = regex_pass(_SCAN_MONTH, _make)


def mark_dates(text: str) -> list:
    """Text function for :func:`~teikit.convert.model.map_text`: dates → ``<date>``."""
    out: list = []
    for item in _digit_first(text):
        out.extend(_month_first(item) if isinstance(item, str) else [item])
    return out
