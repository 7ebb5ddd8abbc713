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
_HAND_LABEL = re.compile(r"^[Hh]andwrit(?:ten|ing)\b(?:[^:\[\]\"“\n]{0,40}:)?")
_STAMP_LABEL = re.compile(r"^(?P<label>[^:\[\]]{0,80}?\bstamp)\s*:", re.IGNORECASE | re.DOTALL)
_STAMP_DESCRIPTION = re.compile(r"^There (?:is|are|was|were)\b[^\[]{0,80}\bstamps?\b", re.IGNORECASE)
_OMISSION = re.compile(r"^\s*(?:…|\.{3,4}|\.…|…\.)\s*$")
_REDACTED = re.compile(r"\b(?:redacted|deleted|excised|withheld)\b", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(?:(?:unknown|illegible|unreadable|two|several|initials and)\s+)?(?:signatures?|signed|stamp and signature)$",
                        re.IGNORECASE)
#: A statement that something is absent from the original ("[no name given]", "[archival signature missing]").
_ABSENCE = re.compile(r"\b(?:missing|not given|no \w+ given|not (?:known|stated|legible|shown|indicated)|unknown|blank"
                      r"|lacking|absent|left empty)\b", re.IGNORECASE)
#: A note the translator or editor labels by its first word ("[i.e., people—tr.]", "[Source: …]", "[Received …]").
_LABELLED_REMARK = re.compile(r"^\s*(?:i\.\s?e\.|e\.\s?g\.|cf\.|viz\.|Source|Sources|Received|Sent|Dispatched|Note|Editor[’']?s? note"
                              r"|Ed\. note|Remark)\b|[—–-]\s?(?:tr|trans|transl|ed)\.?\s*$", re.IGNORECASE)
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
#: Words that begin a supplied phrase rather than a name or a gloss ("[I] visited", "[To the] Ministry").
_FUNCTION_WORDS = frozenset(
    "I To The A An We He She It They This That These Those In On Of For And But By From With At As Who Which "
    "Its His Her Their Our My Is Was Are Were Be Has Had Have There Here Not".split())
_MONTH_OR_YEAR = re.compile(r"^(?:of |in )?(?:January|February|March|April|May|June|July|August|September|October"
                            r"|November|December|1[89]\d\d|20\d\d)(?: (?:1[89]\d\d|20\d\d))?,?$")
_NAME_PART = re.compile(r"^(?:[A-Z][\w’'-]*\.?)(?: [A-Z][\w’'-]*\.?){0,2}$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
#: Nouns of institutions: a capitalized word after one is another word for it ("Secretariat [Ministry]").
_INSTITUTION = re.compile(r"(?:Headquarters|Secretariat|Ministry|Committee|Department|Office|Bureau|Embassy|Council"
                          r"|Commission|Directorate|Administration|Agency|Section|Division) $")
_ROMAN_NUMERAL = re.compile(r"\b[IVXLC]+ $")
_FOREIGN_LETTERS = re.compile(r"[à-öø-ÿăâîșşțţčćđšžőűłńśźżąęěřůñ]", re.IGNORECASE)


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
    # "LCY [the League of the Communists of Yugoslavia]": an article may lead the expansion.
    text = ctx.text[4:] if ctx.text.startswith("the ") else ctx.text
    return bool(_ABBR.search(ctx.before)) and bool(_CAPITAL_WORDS.match(text)) and text.split()[0] != ctx.before.split()[-1]


def _is_romanization(ctx: Context) -> bool:
    if not _NAME_WORDS.match(ctx.text) or not ctx.before.endswith(" "):
        return False
    first = ctx.text.split()[0]
    previous = ctx.before.split()[-4:]
    if not previous:
        return False
    # One word spelled another way (Jeong / Jong): same initial, same last letter, similar length.
    last = previous[-1]
    if len(ctx.text.split()) == 1 and first != last and last[:1] == first[:1] and last[-1:] == first[-1:] \
            and abs(len(last) - len(first)) <= 2 and last[:1].isupper():
        return True
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


def _is_original_wording(ctx: Context) -> bool:
    """Words of the original language after their translation: "negotiate [em tôrno]", "AIR LETTER [‘Correo Aereo’]"."""
    text = ctx.text
    if not ctx.plain or len(text) > 80 or not ctx.before.endswith(" "):
        return False
    quoted = len(text) > 2 and text[0] in "‘“\"'" and text[-1] in "’”\"'"
    return quoted or bool(_FOREIGN_LETTERS.search(text) and re.fullmatch(r"[^\W\d_][\w’' ,-]*", text))


def _is_original_abbreviation(ctx: Context) -> bool:
    """An acronym of the original after the translated name or term: "Central Committee [KB]", "Headquarters [Tsentr]"."""
    if _ACRONYM.match(ctx.text):
        return bool(re.search(r"\b[A-Z][a-z][\w’'-]* $", ctx.before)) and not _ROMAN_NUMERAL.search(ctx.before)
    return bool(_INSTITUTION.search(ctx.before)) and bool(re.fullmatch(r"[A-Z][\w’'-]+", ctx.text))


def _is_inserted(ctx: Context) -> bool:
    """Words the translator inserted into the sentence or a name, whatever their case.

    "[I] visited", "[To the] Foreign Ministry", "22 [November]", "[1955]", "Zhang [Wentian]",
    "[Robert J.] Donovan", "[Chinese] Embassy", "the XXII [CPSU] Party Congress": the bracket
    begins with a function word, holds a month or a year, completes a name on either side, or
    stands inside a phrase that runs on after it.
    """
    text = ctx.text
    words = text.split()
    if not ctx.plain or not 1 <= len(words) <= 12 or re.search(r"[.;:!?]\S|[;:!?]$|\n|;", text):
        return False
    if re.search(r"\d", text) and not _MONTH_OR_YEAR.match(text):
        return False
    title_case = len(words) >= 3 and words[0][:1].isupper() \
        and all(w[:1].isupper() or w in ("of", "the", "and", "for", "in", "on") for w in words)
    if ctx.before[-1:].isalpha():
        return False
    if (words[0] in _FUNCTION_WORDS or words[0][:1].islower()) and not title_case or _MONTH_OR_YEAR.match(text):
        return True
    if len(words) >= 3 and sum(1 for w in words[1:] if w[:1].islower()) * 2 >= len(words) - 1:
        return True
    if len(words) > 4 or ctx.before.split()[-len(words):] == words:
        # A word repeated in brackets ("Pyongyang [Pyongyang]") says nothing the rules know.
        return False
    runs_on = bool(re.match(r" [\w“‘(]", ctx.after)) or ctx.after[:1] in (",", ")") and ctx.before.endswith(" ")
    if _NAME_PART.match(text) or _ACRONYM.match(text):
        after_name = bool(re.search(r"[A-Z][\w’'-]+ $", ctx.before))
        before_name = bool(re.match(r" [A-Z]", ctx.after))
        return after_name or before_name or runs_on
    return False


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
         lambda c: bool(_MARKER.match(c.text)), _build_marker, "note", {"type": "footnote", "place": "inline"}),
    Rule("expansion", "the expansion of an abbreviation just before the bracket",
         "PTV [Worker’s Party of Vietnam]",
         '<choice><abbr>PTV</abbr><expan resp="#translator">Worker’s Party of Vietnam</expan></choice>',
         _is_expansion, _build_expansion, "choice", {}, export=_export_expansion),
    Rule("romanization", "another romanization of the name just before the bracket",
         "Pak Seong-cheol [Pak Song Chol]", 'Pak Seong-cheol <gloss resp="#translator" type="romanization">Pak Song Chol</gloss>',
         _is_romanization, lambda c: Built([Node("gloss", {"resp": TRANSLATOR, "type": "romanization"}, c.inner())]),
         "gloss", {"type": "romanization"}),
    Rule("original-wording", "the original's own words after their translation (foreign letters or quoted)",
         "negotiate [em tôrno] on", 'negotiate <foreign resp="#translator">em tôrno</foreign> on',
         _is_original_wording, lambda c: Built([Node("foreign", {"resp": TRANSLATOR}, c.inner())]),
         "foreign", {"resp": TRANSLATOR}),
    Rule("original-abbreviation", "the original's acronym or word for the term just before the bracket",
         "the Central Committee [KB], led by", 'the Central Committee <gloss resp="#translator" type="original">KB</gloss>, led by',
         _is_original_abbreviation, lambda c: Built([Node("gloss", {"resp": TRANSLATOR, "type": "original"}, c.inner())]),
         "gloss", {"type": "original"}),
    Rule("absence", "a statement that something is missing from the original", "Recorder: [no name given]",
         'Recorder: <note type="editorial" resp="#translator" place="inline">no name given</note>',
         lambda c: bool(_ABSENCE.search(c.text)) and len(c.text) < 80, _typed_note("editorial"), "note", {"type": "editorial"}),
    Rule("remark", "a remark labelled by its first word (i.e., Source:, Received …) or signed 'tr.'",
         "[i.e., the ministry—tr.]", '<note type="editorial" resp="#translator" place="inline">i.e., the ministry—tr.</note>',
         lambda c: bool(_LABELLED_REMARK.search(c.text)), _typed_note("editorial"), "note", {"type": "editorial"}),
    Rule("completion", "letters supplied to complete a word", "typ[ed]",
         'typ<supplied reason="incomplete" resp="#translator">ed</supplied>',
         _is_incomplete, _supplied("incomplete"), "supplied", {"reason": "incomplete"}),
    Rule("supplied", "words (or a quotation mark) the translator supplied", "Kim Il Sung, [who is] now",
         'Kim Il Sung, <supplied reason="omitted" resp="#translator">who is</supplied> now',
         _is_supplied, _supplied("omitted"), "supplied", {}),
    Rule("inserted", "words inserted into a sentence or a name, capitalized or not (a pronoun, a month, a given name)",
         "Tonight [I] visited", 'Tonight <supplied reason="omitted" resp="#translator">I</supplied> visited',
         _is_inserted, _supplied("omitted"), "supplied", {}),
    Rule("gloss", "a translation of the words just before the bracket",
         "“Zashchitim sotsialisticheskiy lager’ [We Will Defend the Socialist Camp]”",
         '<quote>“Zashchitim sotsialisticheskiy lager’ <gloss resp="#translator">We Will Defend the Socialist Camp</gloss>”</quote>',
         _is_gloss, lambda c: Built([Node("gloss", {"resp": TRANSLATOR}, c.inner())]), "gloss", {}),
    Rule("unrecognized", "any other bracket: kept as an editorial note and listed for review",
         "[see attachment 3]", '<note type="editorial" resp="#translator" place="inline">see attachment 3</note>',
         lambda c: True, _typed_note("editorial"), "note", {"place": "inline"}, unsure=True),
]

