"""The table of bracket conventions: one row per convention, read by everything.

Each :class:`Rule` says how a bracketed insertion is recognized, what TEI it
becomes, how the export writes it back (``opening``/``closing`` around the
element's text, or an ``export`` function), and gives a worked example: the
source and exactly the TEI the converter writes for it after a sentence
(names aside, they come from the register) — the tests check both ways.

The converter tries the rows in order and takes the first that recognizes
the bracket; the last row keeps any bracket nobody recognized as an editorial
note and flags it for review. Adding a convention is adding a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .model import Bracket, Node, text_of

TRANSLATOR = "#translator"


@dataclass
class Context:
    """What a recognizer may look at: the bracket, its text, its neighbours."""

    bracket: Bracket
    text: str
    before: str
    after: str
    depth: int
    content: Callable[[list], list]

    @property
    def plain(self) -> bool:
        """No bracket nested inside (a gap's <desc> can hold only text)."""
        return not any(isinstance(child, Bracket) for child in self.bracket.children)

    def inner(self) -> list:
        """The bracket's content, converted (nested brackets classified)."""
        return self.content(self.bracket.children)


@dataclass
class Built:
    """A rule's result: the items replacing the bracket, and characters taken from the text before it."""

    items: list
    take_before: int = 0


@dataclass(frozen=True)
class Rule:
    """One bracket convention (see the module docstring)."""

    name: str
    summary: str
    example: str
    tei: str
    recognize: Callable[[Context], bool]
    build: Callable[[Context], Built]
    tag: str
    attrs: dict = field(default_factory=dict)
    opening: str = "["
    closing: str = "]"
    export: Callable | None = None
    unsure: bool = False

    def matches(self, element_tag: str, get) -> bool:
        """Whether an element (local name, attribute getter) was written by this rule."""
        return element_tag == self.tag and all(get(k) == v for k, v in self.attrs.items())


# --- recognizers' patterns -------------------------------------------------

_NOTE_LABEL = re.compile(r"^(?:Translator[’']?s?|Translators[’']|Trans\.|Translator’s) [Nn]otes?\s*:|^Translator[’']?s? [Cc]omment\s*:")
_HAND_LABEL = re.compile(r"^[Hh]andwritten\b(?:[^:\[\]\"“\n]{0,40}:)?")
_STAMP_LABEL = re.compile(r"^(?P<label>[^:\[\]]{0,80}?\bstamp)\s*:", re.IGNORECASE | re.DOTALL)
_STAMP_DESCRIPTION = re.compile(r"^There (?:is|are|was|were)\b[^\[]{0,80}\bstamps?\b", re.IGNORECASE)
_OMISSION = re.compile(r"^\s*(?:…|\.{3,4}|\.…|…\.)\s*$")
_REDACTED = re.compile(r"\b(?:redacted|deleted|excised|withheld)\b", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(?:signature|signed|stamp and signature)$", re.IGNORECASE)
_ILLEGIBLE = re.compile(r"^(?:illegible|unreadable|indecipherable)\b.*$", re.IGNORECASE)
_PAGE = re.compile(r"^(?:page break|new page|page \d+|p\. ?\d+|end of page(?: \d+)?)$", re.IGNORECASE)
_SIC = re.compile(r"^sic!?$", re.IGNORECASE)
_QUERY = re.compile(r"^\?$")
_EMPHASIS = re.compile(r"\b(?:emphasis|italics|underlin\w*|bold)\b.*\b(?:original|source|text)\b", re.IGNORECASE)
_MARKER = re.compile(r"^(?:\d{1,3}|\*{1,3}|[a-z])$")
_ABBR = re.compile(r"(?<![\w’'])(?P<abbr>[A-Z][A-Za-z]*[A-Z][A-Za-z]*) $")
_CAPITAL_WORDS = re.compile(r"^[A-Z][\w’'-]*(?: (?:[A-Z][\w’'.-]*|of|the|and|for|in|on|de|la|al|to))+$")
_NAME_WORDS = re.compile(r"^[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){1,3}$")
_LOWER_WORDS = re.compile(r"^[a-z][a-z’'-]*(?: [a-z][a-z’'-]*){0,3}$")
_PUNCTUATION = re.compile(r"^[“”\"‘’'.,;:!?()—–-]{1,2}$")


def _slug(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)
    return "-".join(w.lower() for w in words)


def _note(note_type: str, items: list) -> Node:
    return Node("note", {"type": note_type, "resp": TRANSLATOR, "place": "inline"}, items)


def _split_label(items: list, pattern: re.Pattern) -> list:
    """Move the label the pattern matches at the start of ``items`` into ``<label>``."""
    first = items[0] if items and isinstance(items[0], str) else ""
    match = pattern.match(first)
    if not match:
        return items
    return [Node("label", {}, [match.group()]), first[match.end():]] + items[1:]


def _build_translator_note(ctx: Context) -> Built:
    return Built([_note("translator", _split_label(ctx.inner(), _NOTE_LABEL))])


def _build_handwritten(ctx: Context) -> Built:
    return Built([_note("handwritten", _split_label(ctx.inner(), _HAND_LABEL))])


def _build_stamp(ctx: Context) -> Built:
    label = _STAMP_LABEL.match(ctx.text).group("label")
    # The stamp's kind: the words before "stamp" on the label's last line (a
    # two-column header interleaves other words into the earlier lines).
    words = label.split("\n")[-1].split()[:-1]
    slug = _slug(" ".join(words[-3:]))
    # The project's closed list of stamp kinds (schemas/teikit.rnc); the label keeps the detail.
    kind = "cpsu-cc" if "cpsu" in slug else "mfa" if "mfa" in slug or "ministry" in slug else "other"
    attrib = {"type": kind, "resp": TRANSLATOR}
    if "faded" in label.lower():
        attrib["rend"] = "faded"
    return Built([Node("stamp", attrib, ctx.inner())])


def _build_stamp_description(ctx: Context) -> Built:
    items = ctx.inner()
    from .quotes import mark_quotes

    items = mark_quotes(items)
    for index, item in enumerate(items):
        if isinstance(item, Node) and item.tag == "quote":
            items[index] = Node("stamp", {}, [item])
            break
    return Built([_note("stamp", items)])


def _gap(reason: str):
    def build(ctx: Context) -> Built:
        return Built([Node("gap", {"reason": reason, "resp": TRANSLATOR}, [Node("desc", {}, ctx.inner())])])

    return build


def _build_page(ctx: Context) -> Built:
    number = re.search(r"\d+", ctx.text)
    attrib = {"n": number.group()} if number else {}
    return Built([Node("pb", attrib), _note("editorial", ctx.inner())])


def _typed_note(note_type: str):
    return lambda ctx: Built([_note(note_type, ctx.inner())])


def _build_marker(ctx: Context) -> Built:
    return Built([Node("note", {"type": "footnote", "resp": TRANSLATOR, "place": "inline", "n": ctx.text}, ctx.inner())])


def _build_expansion(ctx: Context) -> Built:
    abbr = _ABBR.search(ctx.before).group("abbr")
    choice = Node("choice", {}, [Node("abbr", {}, [abbr]), Node("expan", {"resp": TRANSLATOR}, ctx.inner())])
    # The abbreviation and the space before the bracket move into the choice.
    return Built([choice], take_before=len(abbr) + 1)


def _export_expansion(element, inner) -> str:
    abbr = element.find("{*}abbr")
    expan = element.find("{*}expan")
    return inner(abbr) + " [" + inner(expan) + "]"


def _is_expansion(ctx: Context) -> bool:
    return bool(_ABBR.search(ctx.before)) and bool(_CAPITAL_WORDS.match(ctx.text)) and ctx.text.split()[0] != ctx.before.split()[-1]


def _is_romanization(ctx: Context) -> bool:
    if not _NAME_WORDS.match(ctx.text) or not ctx.before.endswith(" "):
        return False
    first = ctx.text.split()[0]
    previous = ctx.before.split()[-4:]
    # The name may be split differently (Seong-cheol / Song Chol): match on its first word.
    if first not in previous:
        return False
    name = previous[len(previous) - 1 - previous[::-1].index(first):]
    return all(w[:1].isupper() for w in name)


def _is_gloss(ctx: Context) -> bool:
    return (ctx.before.endswith(" ") or not ctx.before) and bool(_CAPITAL_WORDS.match(ctx.text)) and len(ctx.text.split()) >= 2


def _is_incomplete(ctx: Context) -> bool:
    return bool(ctx.before) and ctx.before[-1].isalpha() and bool(re.fullmatch(r"[a-z’'-]{1,15}", ctx.text))


def _is_supplied(ctx: Context) -> bool:
    return bool(_LOWER_WORDS.match(ctx.text) or _PUNCTUATION.match(ctx.text))


def _is_doubled(ctx: Context) -> bool:
    children = ctx.bracket.children
    return len(children) == 1 and isinstance(children[0], Bracket)


def _build_doubled(ctx: Context) -> Built:
    inner = ctx.bracket.children[0]
    text = text_of(inner.children)
    if re.search(r"\billegible\b", text, re.IGNORECASE):
        attrib = {"reason": "illegible"}
    elif text.rstrip().endswith("?"):
        attrib = {"reason": "doubtful"}
    else:
        attrib = {}
    attrib["resp"] = TRANSLATOR
    return Built([Node("unclear", attrib, ctx.content(inner.children))])


def _supplied(reason: str):
    return lambda ctx: Built([Node("supplied", {"reason": reason, "resp": TRANSLATOR}, ctx.inner())])


RULES: list[Rule] = [
    Rule("doubled", "a doubled bracket: an uncertain reading (often in handwriting)",
         "to Cdes. [[N. P. Varnov?]] and", 'to Cdes. <unclear reason="doubtful" resp="#translator">N. P. Varnov?</unclear> and',
         _is_doubled, _build_doubled, "unclear", {"resp": TRANSLATOR}, "[[", "]]"),
    Rule("translator-note", "a translator's note (label kept verbatim: Translator’s note: / Translator's note: / Translator note:)",
         "He left. [Translator’s note: the previous sentence was highlighted in the left margin]",
         '<hi rend="margin-mark" hand="#reader1" resp="#encoder" xml:id="mark-1">He left.</hi> '
         '<note type="translator" resp="#translator" place="inline" n="1" target="#mark-1"><label>Translator’s note:</label>'
         ' the previous sentence was highlighted in the left margin</note>',
         lambda c: bool(_NOTE_LABEL.match(c.text)), _build_translator_note, "note", {"type": "translator"}),
    Rule("handwritten", "handwriting described by the translator, often several lines, quoted",
         '[handwritten: "to Cde. Samsonov"]',
         '<note type="handwritten" resp="#translator" place="inline"><label>handwritten:</label> <quote>"to Cde. Samsonov"</quote></note>',
         lambda c: bool(_HAND_LABEL.match(c.text)) and not c.text.lower().startswith("handwritten signature"),
         _build_handwritten, "note", {"type": "handwritten"}),
    Rule("stamp", "a stamp transcribed by the translator; its label stays as text, numbers, dates and names are marked up",
         "[CPSU CC stamp: 19373 12 June 1969 Korea]",
         '<stamp type="cpsu-cc" resp="#translator">CPSU CC stamp: <num value="19373">19373</num> '
         '<date when="1969-06-12">12 June 1969</date> Korea</stamp>',
         lambda c: bool(_STAMP_LABEL.match(c.text)), _build_stamp, "stamp", {"resp": TRANSLATOR}),
    Rule("stamp-description", "the translator's description of a stamp; the quoted stamp text becomes a <stamp>",
         "[There is a stamp stating that “the material is informative”]",
         '<note type="stamp" resp="#translator" place="inline">There is a stamp stating that <stamp><quote>“the material is informative”</quote></stamp></note>',
         lambda c: bool(_STAMP_DESCRIPTION.match(c.text)), _build_stamp_description, "note", {"type": "stamp"}),
    Rule("omission", "an omission by the archive or the editor",
         "[…]", '<gap reason="omitted" resp="#translator"><desc>…</desc></gap>',
         lambda c: c.plain and bool(_OMISSION.match(c.text)), _gap("omitted"), "gap", {"reason": "omitted"}),
    Rule("redaction", "a redaction, its wording kept in <desc>",
         "[name and date redacted]", '<gap reason="redacted" resp="#translator"><desc>name and date redacted</desc></gap>',
         lambda c: c.plain and bool(_REDACTED.search(c.text)) and len(c.text) < 200, _gap("redacted"), "gap", {"reason": "redacted"}),
    Rule("signature", "a signature the translation does not reproduce",
         "[signature] (Yu. Fadeyev)", '<gap reason="signature" resp="#translator"><desc>signature</desc></gap> (Yu. Fadeyev)',
         lambda c: c.plain and bool(_SIGNATURE.match(c.text)), _gap("signature"), "gap", {"reason": "signature"}),
    Rule("illegible", "an illegible passage",
         "[illegible]", '<gap reason="illegible" resp="#translator"><desc>illegible</desc></gap>',
         lambda c: c.plain and bool(_ILLEGIBLE.match(c.text)) and len(c.text) < 60, _gap("illegible"), "gap", {"reason": "illegible"}),
    Rule("page-break", "a page break the translation states (the wording is kept in a note after <pb/>)",
         "[Page 509]", '<pb n="509"/><note type="editorial" resp="#translator" place="inline">Page 509</note>',
         lambda c: bool(_PAGE.match(c.text)), _build_page, "pb", {}, "", ""),
    Rule("sic", "the translator's [sic]", "forty [sic]", 'forty <note type="editorial" resp="#translator" place="inline">sic</note>',
         lambda c: bool(_SIC.match(c.text)), _typed_note("editorial"), "note", {"type": "editorial"}),
    Rule("query", "the translator's doubt [?]", "Samsonov [?]", 'Samsonov <note type="editorial" resp="#translator" place="inline">?</note>',
         lambda c: bool(_QUERY.match(c.text)), _typed_note("editorial"), "note", {"type": "editorial"}),
    Rule("emphasis", "a statement about emphasis in the original", "[emphasis in the original]",
         '<note type="editorial" resp="#translator" place="inline">emphasis in the original</note>',
         lambda c: bool(_EMPHASIS.search(c.text)) and len(c.text) < 80, _typed_note("editorial"), "note", {"type": "editorial"}),
    Rule("footnote-marker", "a footnote marker", "policy.[1]", 'policy.<note type="footnote" resp="#translator" place="inline" n="1">1</note>',
         lambda c: bool(_MARKER.match(c.text)), _build_marker, "note", {"type": "footnote"}),
    Rule("expansion", "the expansion of an abbreviation just before the bracket",
         "PTV [Worker’s Party of Vietnam]",
         '<choice><abbr>PTV</abbr><expan resp="#translator">Worker’s Party of Vietnam</expan></choice>',
         _is_expansion, _build_expansion, "choice", {}, export=_export_expansion),
    Rule("romanization", "another romanization of the name just before the bracket",
         "Pak Seong-cheol [Pak Song Chol]", 'Pak Seong-cheol <gloss resp="#translator" type="romanization">Pak Song Chol</gloss>',
         _is_romanization, lambda c: Built([Node("gloss", {"resp": TRANSLATOR, "type": "romanization"}, c.inner())]),
         "gloss", {"type": "romanization"}),
    Rule("gloss", "a translation of the words just before the bracket",
         "“Zashchitim sotsialisticheskiy lager’ [We Will Defend the Socialist Camp]”",
         '<quote>“Zashchitim sotsialisticheskiy lager’ <gloss resp="#translator">We Will Defend the Socialist Camp</gloss>”</quote>',
         _is_gloss, lambda c: Built([Node("gloss", {"resp": TRANSLATOR}, c.inner())]), "gloss", {}),
    Rule("completion", "letters supplied to complete a word", "typ[ed]",
         'typ<supplied reason="incomplete" resp="#translator">ed</supplied>',
         _is_incomplete, _supplied("incomplete"), "supplied", {"reason": "incomplete"}),
    Rule("supplied", "words (or a quotation mark) the translator supplied", "Kim Il Sung, [who is] now",
         'Kim Il Sung, <supplied reason="omitted" resp="#translator">who is</supplied> now',
         _is_supplied, _supplied("omitted"), "supplied", {}),
    Rule("unrecognized", "any other bracket: kept as an editorial note and listed for review",
         "[see attachment 3]", '<note type="editorial" resp="#translator" place="inline">see attachment 3</note>',
         lambda c: True, _typed_note("editorial"), "note", {}, unsure=True),
]

RULES_BY_NAME = {rule.name: rule for rule in RULES}
