"""Dates and times in the running text → ``<date when>`` (or ``@from``/``@to``) and ``<time when>``, ISO.

Recognized: ``12 June 1969`` (also the typed ``9 Junes 1969`` and
``9 February1968``), ordinal days and commas (``17th October, 1958``,
``August 1st, 1978``, ``the 31st of July``), abbreviated months (``Sept 9th,
1973``), ``November 18, 1967``, ``June 1960``, Roman-numeral months
(``24.X.62``, ``23/X/62``, ``25/X/1962``, ``27 XI 63``; a two-digit year is
read as 19xx), spans (``13 May through 29 May 1958``, ``1965-1966``) and a day
and month without a year (``on September 1``, ``17 September``), which gets
``when="--09-01"``: :func:`resolve_years` later gives it the document's year
with ``cert="medium"``. Times: ``10:30 a.m.``, ``16:45``, ``13.30`` (after a
word, not inside a number), ``700hs``. A bare year is left alone: too many of
them are not dates. An impossible date (31 June) is never emitted.
"""

from __future__ import annotations

import calendar
import re

from .model import Node, regex_pass

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
_ABBREVIATED = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10,
                "Nov": 11, "Dec": 12}
_MONTH = "|".join(MONTHS) + "|" + "|".join(rf"{a}\.?" for a in sorted(_ABBREVIATED, key=len, reverse=True))
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}
_ROMAN_MONTH = "XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I"

_YEAR = r"1[89]\d\d|20\d\d"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DIGIT_FIRST = (rf"(?P<d1>{_DAY}) (?:of )?(?P<m1>{_MONTH})s?,? ?(?P<y1>{_YEAR})"
                rf"|(?P<d4>\d{{1,2}})(?P<sep>[./ ])(?P<m4>{_ROMAN_MONTH})(?P=sep)(?P<y4>\d\d(?:\d\d)?)"
                rf"|(?P<from>1[89]\d\d)-(?P<to>1[89]\d\d)"
                rf"|(?P<d5>{_DAY}) (?:of )?(?P<m5>{_MONTH})(?![\w-]| ?,? ?\d)")
_MONTH_FIRST = (rf"(?P<m2>{_MONTH}) (?P<d2>{_DAY}),? (?P<y2>{_YEAR})|(?P<m3>{_MONTH}),? (?P<y3>{_YEAR})"
                rf"|(?P<m6>{_MONTH}) (?P<d6>\d{{1,2}}(?:st|nd|rd|th)?)(?![\w-]|,? ?\d|:)")

#: Any date form (used whole, e.g. to see whether a line is only a date).
DATE = re.compile(rf"(?:{_DIGIT_FIRST}|{_MONTH_FIRST})(?![\w-])")
#: A span of two dates in one year: "13 May through 29 May 1958", "16 February through 24 March 1960".
_SPAN = re.compile(rf"(?P<a>{_DAY} (?:{_MONTH})) (?:through|to|until|till|[–-]) (?P<b>{_DAY} (?:{_MONTH}),? (?:{_YEAR}))")
TIME = re.compile(r"(?<![\w.:/])(?P<h>[012]?\d)[:.](?P<m>[0-5]\d)(?:\s?(?P<ap>[ap])\.m\.)?(?![\w.:/]|\.\d)"
                  r"|(?<![\w.:/])(?P<h2>[012]?\d)(?P<m2>[0-5]\d)hs\b", re.IGNORECASE)
# For scanning, one pattern per first character: the look-ahead lets the
# regex engine skip to candidates quickly (a single alternation is ~5x slower).
_SCAN_DIGIT = re.compile(rf"(?=\d)(?:{_DIGIT_FIRST})(?![\w-])")
_SCAN_MONTH = re.compile(rf"(?=[ADFJMNOS])(?:{_MONTH_FIRST})(?![\w-])")


def _month_number(name: str) -> int:
    name = name.rstrip(".")
    return MONTHS.index(name) + 1 if name in MONTHS else _ABBREVIATED[name]


def _iso(year: str | None, month: int, day: str | None = None) -> str | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    day_number = int(re.match(r"\d+", day).group())
    # Without a year, 29 February is possible; with one, the calendar decides.
    last = calendar.monthrange(int(year) if year else 2000, month)[1]
    if not 1 <= day_number <= last:
        return None
    return f"{year}-{month:02d}-{day_number:02d}" if year else f"--{month:02d}-{day_number:02d}"


def date_attributes(match: re.Match) -> dict | None:
    """The ISO attributes of a :data:`DATE` match, or None when it is not a real date."""
    g = dict.fromkeys(("m1", "m2", "m3", "m4", "m5", "m6", "from"), None) | match.groupdict()
    if g["m1"]:
        when = _iso(g["y1"], _month_number(g["m1"]), g["d1"])
    elif g["m2"]:
        when = _iso(g["y2"], _month_number(g["m2"]), g["d2"])
    elif g["m3"]:
        when = _iso(g["y3"], _month_number(g["m3"]))
    elif g["m4"]:
        year = g["y4"] if len(g["y4"]) == 4 else "19" + g["y4"]
        when = _iso(year, _ROMAN[g["m4"]], g["d4"])
    elif g["m5"]:
        when = _iso(None, _month_number(g["m5"]), g["d5"])
    elif g["m6"]:
        when = _iso(None, _month_number(g["m6"]), g["d6"])
    elif g["from"]:
        if int(g["from"]) >= int(g["to"]):
            return None
        return {"from": g["from"], "to": g["to"]}
    else:
        return None
    return {"when": when} if when else None


def _make(match: re.Match):
    # Checked here rather than by a look-behind, which would stop the regex
    # engine from skipping quickly to candidate characters.
    start = match.start()
    if start and (match.string[start - 1].isalnum() or match.string[start - 1] in "._/"):
        return None
    attrib = date_attributes(match)
    return Node("date", attrib, [match.group()]) if attrib else None


def _make_span(match: re.Match):
    end = DATE.fullmatch(match.group("b"))
    year = end and end.group("y1")
    first = DATE.fullmatch(f"{match.group('a')} {year}") if year else None
    start_attrib = date_attributes(first) if first else None
    end_attrib = date_attributes(end) if end else None
    if not start_attrib or not end_attrib or start_attrib["when"] > end_attrib["when"]:
        return None
    return Node("date", {"from": start_attrib["when"], "to": end_attrib["when"]}, [match.group()])


def _make_time(match: re.Match):
    hour = int(match.group("h") or match.group("h2"))
    minute = int(match.group("m") or match.group("m2"))
    meridiem = (match.group("ap") or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    # "13.30" is a time only after a word ("by Szi–Né 13.30"), never a decimal in a sentence.
    if match.group("m") and "." in match.group() and not meridiem and not re.search(r"[^\W\d_–-]\s$|[–-]\s$", match.string[:match.start()]):
        return None
    if hour > 23 or minute > 59:
        return None
    return Node("time", {"when": f"{hour:02d}:{minute:02d}:00"}, [match.group()])


_spans = regex_pass(_SPAN, _make_span)
_digit_first = regex_pass(_SCAN_DIGIT, _make)
_month_first = regex_pass(_SCAN_MONTH, _make)
_times = regex_pass(TIME, _make_time)


def mark_dates(text: str) -> list:
    """Text function for :func:`~teikit.convert.model.map_text`: dates → ``<date>``, times → ``<time>``."""
    out: list = []
    for piece in _spans(text):
        if not isinstance(piece, str):
            out.append(piece)
            continue
        for item in _digit_first(piece):
            if not isinstance(item, str):
                out.append(item)
                continue
            for found in _month_first(item):
                out.extend(_times(found) if isinstance(found, str) else [found])
    return out


def resolve_years(nodes, year: str | None) -> int:
    """Give dates without a year (``--MM-DD``) the document's year, with ``cert="medium"``; return how many."""
    count = 0
    if not year:
        return 0
    for node in nodes:
        when = node.attrib.get("when", "")
        if node.tag == "date" and when.startswith("--"):
            month, day = int(when[2:4]), int(when[5:7])
            if day <= calendar.monthrange(int(year), month)[1]:
                node.attrib["when"] = f"{year}{when[1:]}"
                node.attrib["cert"] = "medium"
                count += 1
    return count


_DAY_AT_END = re.compile(rf"(?<![\w.])(?P<day>{_DAY})\s$")
_DAY_MONTH_AT_END = re.compile(rf"(?<![\w.])(?P<dm>{_DAY} (?:{_MONTH}),?)\s$")
_SUPPLIED_MONTH = re.compile(rf"^(?:of )?(?P<month>{_MONTH})$")
_SUPPLIED_YEAR = re.compile(rf"^(?P<year>{_YEAR})$")


def mark_supplied_dates(items: list) -> list:
    """Dates the translator completed in brackets: "22 [November]", "the 31st [of August]", "26 August [1955]".

    The day (and month) before a ``<supplied>`` month (or year) and the
    supplied words become one ``<date>``; the brackets stay in the supplied
    element, so the text is unchanged. Runs before :func:`mark_dates`.
    """
    out: list = []
    for item in items:
        if isinstance(item, Node) and item.tag == "supplied" and out and isinstance(out[-1], str) \
                and all(isinstance(c, str) for c in item.children):
            inner = "".join(item.children)
            month, year = _SUPPLIED_MONTH.match(inner), _SUPPLIED_YEAR.match(inner)
            day = _DAY_AT_END.search(out[-1]) if month else _DAY_MONTH_AT_END.search(out[-1]) if year else None
            if day:
                text = out[-1][day.start():] + inner
                found = DATE.fullmatch(text.replace("of ", "", 1)) if month else DATE.fullmatch(text)
                attrib = date_attributes(found) if found else None
                if attrib:
                    out[-1] = out[-1][:day.start()]
                    out.append(Node("date", attrib, [text[:len(text) - len(inner)], item]))
                    continue
        if isinstance(item, Node):
            item.children = mark_supplied_dates(item.children)
        out.append(item)
    return [piece for piece in out if piece != ""]
