"""The table of line classes: what a line of a document's opener or closing is.

An archival document opens and closes with apparatus — classification,
copy and registration numbers, the issuing office, addressee, dateline,
title and genre; signatures, distribution lists, print runs, typist's
initials. :mod:`teikit.convert.zones` finds those zones; each of their
lines is then classified here on its own, by the first row whose recognizer
accepts it. A row says in which zone it applies, how strong its evidence is
(1.0: the wording names the class, as ``Copy 19 of 50`` does; 0.5: the shape
suggests it, as a short line of capitalized words suggests a name), what TEI
it becomes, and gives worked examples that the tests convert.

A line that no row accepts stays a line of its zone (kept with an
``<lb/>``) and is listed in the report; it never ends the zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .dates import DATE, TIME

OPENER, CLOSING, BOTH = "opener", "closing", "both"
#: A section separator ("x x x", "* * *"): body structure, never a zone's line.
SEPARATOR = re.compile(r"^(?:x x x|X X X|\* \* \*|\*\*\*|x{3}|-{3,}|_{3,})$")


@dataclass(frozen=True)
class LineView:
    """What a recognizer sees of a line: its text, and whether it holds a signature gap or a footnote marker."""

    text: str
    #: The line's text with the letters of s p a c e d words joined ("M e m o r a n d u m" → "Memorandum").
    joined: str
    signature: bool = False
    marker_first: bool = False
    only_apparatus: bool = False


@dataclass(frozen=True)
class LineClass:
    """One kind of opener or closing line (see the module docstring)."""

    name: str
    zone: str
    strength: float
    summary: str
    examples: tuple[str, ...]
    tei: str
    recognize: Callable[[LineView], bool]


def _re(pattern: str, flags: int = re.IGNORECASE) -> Callable[[LineView], bool]:
    compiled = re.compile(pattern, flags)
    return lambda view: bool(compiled.search(view.joined))


_CLASSIFICATION_WORDS = (
    r"(?:(?:top|strictly|highly|most|absolutely)\s+)?(?:secret|confidential|restricted|reserved|private|personal"
    r"|urgent|immediate|flash|priority|(?:top|highest|high|first)\s+priority|special|eyes\s+only|classified)"
    r"(?:\s+and\s+(?:personal|confidential|urgent))?"
)
CLASSIFICATION = re.compile(
    rf"^\(?(?:distributed\s+with\s+the\s+)?{_CLASSIFICATION_WORDS}[.!]?\)?$"
    r"|^\(?(?:reproduction\s+prohibited|not\s+for\s+publication|indefinite\s+duration|for\s+official\s+use\s+only"
    r"|special\s+file|for\s+(?:his|her|your)\s+personal\s+use|when\s+filled|limited\s+distribution"
    r"|(?:to\s+be\s+)?returned?\s+(?:to|within)\b.{0,40}|no\s+copies?\b.{0,30})[.!]?\)?$",
    re.IGNORECASE,
)
#: Classification and copy number inside a stamp's text ("faded USSR TOP SECRET MFA stamp: Copy Nº 3").
IN_STAMP = re.compile(r"\b(?P<classification>(?:TOP |STRICTLY )?(?:SECRET|CONFIDENTIAL)|(?:Top |Strictly )?(?:Secret|Confidential))\b"
                      r"|(?P<copy>\b(?:Copy|COPY)\s*(?:N[ºo°]\.?|No\.?|#)\s*\d+)")
#: A classification at the start of a line of two columns ("TOP SECRET [illegible] 46 CIPHER TELEGRAM").
LEADING_CLASSIFICATION = re.compile(r"^(?P<c>(?:TOP |STRICTLY )?(?:SECRET|CONFIDENTIAL)!?)(?=\s)")
#: A classification at the end of a line of another column ("in the MPR Secret", "SECRET (right column)").
TRAILING_CLASSIFICATION = re.compile(rf"(?<=\s)(?P<c>{_CLASSIFICATION_WORDS}[.!]?)$|^(?P<c2>{_CLASSIFICATION_WORDS})\s+\(",
                                     re.IGNORECASE)
COPY = re.compile(
    r"(?:^|(?<=\.\s))(?:copy|copies|ex\.|exemplar|specimen)\s*(?:n[ºo°]\.?|no\.?|nr\.?|#|number)?\s*:?\s*(?-i:[0-9A-Z])[\w-]*"
    r"(?:\s+of\s+\d+(?:\s+copies)?)?\.?$|^(?:n[ºo°]\.?|no\.?)\s*\d+\s+of\s+\d+\s+cop(?:y|ies)\.?$",
    re.IGNORECASE,
)
_CODE = r"(?:\b\d+(?:[./–-]\d+)*[./]\d+[\w–-]*|\b[A-Z]{1,4}/[\w/]+|\b(?!(?:1[89]|20)\d\d\b)\d{3,}[\w-]*)"
_NUMBER_SIGN = r"(?:\bN[ºo°]\.?|\bNo\.?|\bno\.?|#|\bNumber\b|\bNr\.)\s*:?\s*\d[\w./-]*"
#: A number with its sign inside another line ("From: Washington No. 48866 Time: 16:45").
NUMBER_SIGN = re.compile(_NUMBER_SIGN)
NUMBER = re.compile(rf"{_NUMBER_SIGN}|^{_CODE}|^[–—-]\s*\d+\s*[–—-]$|^\S+(?:\s\S+){{0,4}}\s{_CODE}$")

_ORG_WORDS = (r"embassy|ministry|bureau|department|committee|consulate|office|agency|legation|mission|division|section"
              r"|secretariat|directorate|headquarters|council|commission|government|association|administration"
              r"|presidium|politburo|party|secretary\s+of\s+state|foreign\s+affairs|external\s+(?:affairs|relations)")
SENDER = re.compile(rf"\b(?:{_ORG_WORDS})\b", re.IGNORECASE)
ROLE = re.compile(
    r"\b(?:ambassador|secretary|minister|counsell?or|attach[ée]|charg[ée]|consul|director|head|chief|chairman|president"
    r"|premier|commander(?:-in-chief)?|marshal|general|officer|deputy|advis[eo]r|envoy|representative|leader"
    r"|under-secretary|by\s+order\s+of|on\s+behalf\s+of|for\s+the\s+(?:minister|ambassador))\b",
    re.IGNORECASE,
)
GENRE = re.compile(
    r"^\(?(?:(?:cipher(?:ed)?|enciphered|coded|secret|urgent|outgoing|incoming|circular)\s+)*"
    r"(?:memo(?:randum)?(?:\s+(?:for\s+the\s+(?:record|files?)|of\s+(?:a\s+)?conversation))?|note|notes"
    r"|record(?:\s+of\s+(?:a\s+)?conversation)?|telegram|cable(?:gram)?|cryptogram|report"
    r"|letter|air\s+letter|message|minutes|protocol|press\s+release|information|communiqu[ée]|instruction|directive"
    r"|decree|resolution|statement|speech|journal|diary|summary|draft|aide-m[ée]moire|petition|dispatch|despatch"
    r"|transcript|notification|appeal|reference|excerpt|extract|translation|copy|draft)\)?\.?$",
    re.IGNORECASE,
)
TITLE_START = re.compile(r"^(?:(?:excerpts?|extracts?)\s+)?from\s+(?:the\s+)?(?:journal|diary|record|minutes|notes|report|files?)\b",
                         re.IGNORECASE)
SUBJECT = re.compile(r"^(?:subject|re|concerning|regarding|topic|object|ref)\s*:|^(?:concerning|on the question of)\s",
                     re.IGNORECASE)
# "To …" and "For …" begin with a capital: "to the Political Committee …" continues a title.
ADDRESSEE = re.compile(r"^(?:To|TO|For|FOR|Attn\.?|ATTN\.?|Attention|ATTENTION)\b\s*:?\s*\S|^(?:private|PRIVATE|Private)\s+(?:for|FOR)\b")
SALUTE = re.compile(
    r"^(?:(?:my\s+)?dear\b.{0,60}|your\s+(?:excellency|majesty|highness|eminence)|(?:dear\s+)?sirs?|madam|gentlemen"
    r"|(?:dear\s+)?comrades?\b.{0,40}|mr\.\s+\w+)\s*[:,!]$",
    re.IGNORECASE,
)
CLOSING_SALUTE = re.compile(
    r"^(?:with\s+(?:best|kind|warm|warmest|sincere|comradely|fraternal|respectful|cordial)?\s*(?:regards|greetings|wishes|respect)"
    r"|(?:yours|respectfully|sincerely|faithfully|cordially|very\s+truly)\b.{0,40}|accept\b.{0,120}\bassurances?\b.{0,80}"
    r"|(?:I\s+)?remain\b.{0,60})[,.!]?$",
    re.IGNORECASE,
)
FIELD = re.compile(r"^(?:time|place|venue|participants?|present|interpreter|recorder|attendees?|from|to|date|via|sent|received"
                   r"|file|dossier|reference|ref\.|drafted|classification|priority|copies|distribution|number|no\.)\s*:",
                   re.IGNORECASE)
FORM_LINE = re.compile(r"^(?:created|checked|executed|typed|prepared|printed|drafted|written|sent|received|decoded|deciphered"
                       r"|recorded|noted|minuted|translated|taken\s+down|certified|approved"
                       r"|encoded|enciphered|dispatched|registered|compiled|copied|verified|transmitted|copies\s+made)"
                       r"(?:\s+by|\s+on|\s*:|$)", re.IGNORECASE)
DISTRIBUTION = re.compile(
    r"^(?:cc|c\.c\.|copies?\s+to|copy\s+sent\s+to|distribution|distributed\b|sent\s+to|to\s+be\s+seen\s+by|seen\s+by"
    r"|for\s+circulation|circulate|consent\s+of|\d+\s+cop(?:y|ies)\s+(?:printed|made|typed)|printed\s+in\s+\d+\s+cop)",
    re.IGNORECASE,
)
#: A footnote's text at the end of a document: a back-link mark (↩) or a numbered reference ("1. See telegram …").
FOOTNOTE_TEXT = re.compile(r"^.{3,}↩$|^\d{1,3}\.\s+(?:See|Cf\.|Not printed|Printed|Ibid|Source|Document|Telegram)\b")
#: A registration stamp written as number and date ("5962 23/X/62").
REGISTRATION = re.compile(r"^(?:N[ºo°]\.?\s*)?\d{2,}[\w/-]*\s+\S+$")
#: A line of a distribution or attachment list: "1x Comrade Florin", "Comrade Somodi", "2 – archive", "1. Letter …".
LIST_ENTRY = re.compile(r"^(?:\d+\s?[x×]\s|\d+\s?[–-]\s|\d{1,2}[.)]\s|(?:comrade|cde\.|cdes\.|mr\.|mrs\.|ms\.|dr\.)\s)",
                        re.IGNORECASE)
TYPIST = re.compile(r"^[A-Za-z]{1,4}/[A-Za-z]{1,4}(?:/[A-Za-z0-9]{1,4})?\.?$|^[A-Z]{1,3}\.[A-Z]{1,3}\.?/[A-Za-z]{1,3}\.?$")
ATTACHMENT = re.compile(r"^(?:attachments?|attached|enclosures?|encl\.|appendix|appendices|annex(?:es)?)\b[^.]{0,200}",
                        re.IGNORECASE)
END = re.compile(r"^[–—-]?\s*(?:end|the\s+end|end\s+of\s+(?:document|text|message|telegram))\s*[–—-]?\.?$", re.IGNORECASE)
SIGNED_LABEL = re.compile(r"^\(?(?:signed|sgd\.?|signature)\s*[:.]?\s*\S|^\((?:–|-|—|s|sd\.?|sgd\.?)\)\s*\S", re.IGNORECASE)
#: The next line of a title or an office, joined to it: "RECORD / of a conversation between …", "Embassy / in Beijing".
CONTINUATION = re.compile(r"^(?:of|with|on|about|between|for|to|from|in|at|concerning|regarding|and|by|held|dated)\b",
                          re.IGNORECASE)
_INITIAL = r"(?:[A-ZÀ-Ý][a-zà-ÿ]?\.(?:\s?[A-ZÀ-Ý]\.)*)"
_NAME_WORD = r"(?:[A-ZÀ-Ý][\w’'-]*\.?)"
NAME = re.compile(rf"^\(?(?:{_INITIAL}\s?)?{_NAME_WORD}(?:\s(?:{_NAME_WORD}|de|da|van|von|der|di|la|le|bin|ibn|al)){{0,3}}\)?\.?$")
DATED_NAME = re.compile(rf"^(?P<date>.+?)\s+(?P<name>(?:{_INITIAL}\s?){{1,3}}[A-ZÀ-Ý][\w’'-]+)$")


_NUMERIC_DATELINE = re.compile(r"^[A-ZÀ-Ý][\w’' -]{1,40},\s*\d{1,4}(?:[./-]\s?\d{1,4}){2}\.?$")


def is_sentence(text: str) -> bool:
    """A line that reads as a sentence: a pronoun or a finite verb, and some length."""
    return len(text.split()) >= 6 and bool(_FINITE.search(text))


def _dateline(view: LineView) -> bool:
    text = view.text
    if _NUMERIC_DATELINE.match(text):
        return True  # "PYONGYANG, 08. 09. 02.": the order of the numbers is the archive's, no ISO value is given
    if NUMBER_SIGN.search(text):
        return False
    found = DATE.search(text) or TIME.search(text)
    if not found or len(text.split()) > 12 or text.endswith((";", "?")):
        return False
    rest = (text[:found.start()] + " " + text[found.end():]).strip(" ,.:")
    # What is left is a place, a label ("Date:", "Time:") or a time, not a sentence.
    return len(rest.split()) <= 6 and not re.search(r"\b(?:was|were|is|are|has|had|will|said|told|I|we)\b", rest)


#: The kind of document and its number: "Minutes No. 14", "REPORT #5424/273 from 24.X.62".
GENRE_NUMBER = re.compile(rf"^(?P<genre>.+?)(?P<gap>\s+)(?P<number>(?:{_NUMBER_SIGN}|{_CODE})[.,]?)(?P<rest>\s+(?:of|from|dated)\s.{{1,30}})?$")


def _genre_number(view: LineView) -> bool:
    found = GENRE_NUMBER.match(view.text)
    return bool(found) and bool(GENRE.match(found.group("genre"))) and len(view.text.split()) <= 8


def _name(view: LineView) -> bool:
    text = view.text
    return bool(NAME.match(text)) and not ROLE.search(text) and not SENDER.search(text) and len(text) <= 40 \
        and sum(c.isalpha() for c in text) >= 2


def _dated_signature(view: LineView) -> bool:
    match = DATED_NAME.match(view.text)
    return bool(match) and bool(DATE.fullmatch(match.group("date").strip(" ,")))


def _role(view: LineView) -> bool:
    text = view.text
    return bool(ROLE.search(text)) and len(text.split()) <= 10 and not re.search(r"[.;:!?]\s", text) \
        and not text.rstrip(".").endswith(",")


def _title(view: LineView) -> bool:
    text = view.text
    words = text.split()
    if not 2 <= len(words) <= 30 or NUMBER.search(text) and len(words) <= 4:
        return False
    if text == text.upper() and sum(c.isalpha() for c in text) >= 6:
        return True
    capitals = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return words[0][:1].isupper() and capitals * 2 >= len(words) and not re.search(r"[a-z]{2}[.!?;] ", text)


def _upper_words(view: LineView) -> bool:
    text = view.text
    return text == text.upper() and sum(c.isalpha() for c in text) >= 4 and len(text.split()) <= 12


LINE_CLASSES: list[LineClass] = [
    LineClass("apparatus", BOTH, 1.0, "a line holding only bracketed apparatus (a stamp, handwriting, a gap)",
              ("[CPSU CC stamp: 19373 12 June 1969 Korea]",), "the elements of its brackets",
              lambda v: v.only_apparatus),
    LineClass("footnote-text", CLOSING, 1.0, "the text of a footnote, after its marker (or with a back-link ↩, or a reference)",
              ("[1]   BArch, B 136/59748, 335-336.", "- The Chargé reported the receipt of this confirmation.↩",
               "1. See telegram No. 643, March 4, 8 p.m."), '<note type="footnote" place="bottom" xml:id="fn-1">',
              lambda v: v.marker_first and len(v.text.split()) >= 2 or bool(FOOTNOTE_TEXT.match(v.text))),
    LineClass("classification", BOTH, 1.0, "a security classification or handling caveat",
              ("SECRET", "Top Priority", "Reproduction prohibited", "(for his personal use)", "TOP SECRET!"),
              '<seg type="classification">', lambda v: bool(CLASSIFICATION.match(v.joined))),
    LineClass("classification-first", BOTH, 0.5, "a classification in capitals, then another column's words",
              ("TOP SECRET 46 CIPHER TELEGRAM",), '<seg type="classification"> and the rest of the line',
              lambda v: bool(LEADING_CLASSIFICATION.match(v.text)) and len(v.text.split()) <= 10),
    LineClass("copy", BOTH, 1.0, "a copy number, in any of its forms",
              ("Copy Nº 2", "Copy 19 of 50", "No. 2 of 40 copies", "Copy A"), '<seg type="copy"> with <num>',
              lambda v: bool(COPY.search(v.text)) and len(v.text.split()) <= 8),
    LineClass("title-start", OPENER, 1.0, "the opening words of a journal or record title",
              ("from the journal of", "Excerpt from the diary of"), '<head type="main">',
              lambda v: bool(TITLE_START.match(v.text))),
    LineClass("subject", OPENER, 1.0, "a subject line: the document's title",
              ("Subject: KWP’s 6th Congress", "SUBJECT: Press interview"), '<head type="main"> with <label>',
              _re(SUBJECT.pattern)),
    LineClass("salute", BOTH, 1.0, "a salutation", ("Your Excellency:", "Dear Sir:", "Dear Comrade Kim,"), "<salute>",
              lambda v: bool(SALUTE.match(v.text))),
    LineClass("closing-salute", CLOSING, 1.0, "a letter's closing formula", ("With best regards,", "Yours sincerely,"),
              "<salute>", lambda v: bool(CLOSING_SALUTE.match(v.text))),
    LineClass("distribution", BOTH, 1.0, "a distribution line, print run or list heading",
              ("CC:", "Distribution: State Council", "25 copies printed", "To be seen by"), '<seg type="distribution">',
              lambda v: bool(DISTRIBUTION.match(v.text)) and len(v.text) < 400),
    LineClass("from", OPENER, 1.0, "the sender's field of a cable or letter", ("From: the Romanian Embassy in Pyongyang",),
              '<seg type="sender">', lambda v: bool(re.match(r"^(?:From|FROM)\s*:\s*\S|^FROM\s", v.text)) and len(v.text) < 240
              or bool(re.match(r"^From\s", v.text)) and len(v.text.split()) <= 10 and not is_sentence(v.text)),
    LineClass("addressee", OPENER, 1.0, "the addressee", ("To the Ministry of Foreign Affairs:", "For Comrade Veljko Micunovic",
              "To: Ushiba Nobuhiko"), '<seg type="addressee">',
              lambda v: bool(ADDRESSEE.match(v.text)) and len(v.text) < 240 and not is_sentence(v.text)),
    LineClass("form-line", BOTH, 1.0, "a line of the registry or transmission form",
              ("Created by Szi–Né 13.30", "Checked by [unknown signature]", "Executed by", "Copies made"),
              '<seg type="form-field">', lambda v: bool(FORM_LINE.match(v.text)) and len(v.text.split()) <= 10),
    LineClass("attachment", CLOSING, 1.0, "an attachment or enclosure line", ("Attachment: a translation of the letter.",
              "Attached:"), '<seg type="attachment">', lambda v: bool(ATTACHMENT.match(v.text))),
    LineClass("end", CLOSING, 1.0, "the word that ends a cable", ("End", "END"), '<seg type="end">',
              lambda v: bool(END.match(v.text))),
    LineClass("signed", CLOSING, 1.0, "a signature: signed statement, signature gap, or a date with the signer's name",
              ("Signed: N. Popa", "[signature] (Yu. Fadeyev)", "25.X.62 A. DOBRYNIN", "(Signed as Chairman and dated)",
               "(–) J. Kowalski", "(Sd.) R. K. Nehru"),
              "<signed> with <persName>",
              lambda v: v.signature or bool(SIGNED_LABEL.match(v.text)) or _dated_signature(v)),
    LineClass("genre-number", OPENER, 1.0, "the kind of document with its number", ("Minutes No. 14", "CIPHERED TELEGRAM No. 2211",
              "TELEGRAM 066.808", "REPORT #5424/273"), '<head type="genre"> with <seg type="number">', _genre_number),
    LineClass("registration", BOTH, 1.0, "a registration number with its date", ("5962 23/X/62",),
              '<seg type="number"> with <num> and <date>',
              lambda v: bool(REGISTRATION.match(v.text)) and bool(DATE.fullmatch(v.text.split()[-1]))),
    LineClass("year", CLOSING, 1.0, "a year alone, the date of a cable or letter", ("1964",), "<dateline> with <date when>",
              lambda v: bool(re.fullmatch(r"(?:1[89]\d\d|20\d\d)\.?", v.text))),
    LineClass("dateline", BOTH, 1.0, "a place and date (or time) line", ("Pyongyang, 21 December 1961", "Date: 25/X/1962",
              "10:30 a.m., 26 August [1955]"), "<dateline> with <date when>", _dateline),
    LineClass("field", OPENER, 1.0, "a labelled field of a cable or record header",
              ("Place: VIP Lounge, Shenyang Railway Station", "Interpreter: Jiang Longqiu"), '<seg type="form-field">',
              lambda v: bool(FIELD.match(v.text))),
    LineClass("typist", CLOSING, 1.0, "typist's and author's initials", ("me/MB", "JS/BL"), '<seg type="typist">',
              lambda v: bool(TYPIST.match(v.text))),
    LineClass("number", BOTH, 1.0, "a registration, file, outgoing or telegram number",
              ("Nº 165", "PR/11/57 (Ottawa)", "Outgoing Nº 197", "611.6131/598: Telegram", "– 157 –"),
              '<seg type="number"> with <num>',
              lambda v: bool(NUMBER.search(v.text)) and len(v.text.split()) <= 12 and not v.text.endswith(("?",))),
    LineClass("genre", OPENER, 1.0, "the kind of document", ("(Memo)", "CIPHER TELEGRAM", "M e m o r a n d u m", "Note"),
              '<head type="genre">', lambda v: bool(GENRE.match(v.joined))),
    LineClass("sender", BOTH, 0.5, "the issuing office", ("SOVIET EMBASSY IN THE DPRK", "Economic Cooperation Division"),
              '<seg type="sender">',
              lambda v: bool(SENDER.search(v.text)) and len(v.text.split()) <= 10 and not re.search(r"[.;!?]$", v.text)),
    LineClass("role", CLOSING, 0.5, "the signer's office or rank", ("Ambassador", "FIRST SECRETARY OF THE SOVIET"),
              "<roleName> in <signed>", _role),
    LineClass("name", CLOSING, 0.5, "the signer's name", ("Ma Lie", "(Blomeyer)", "MANOEL PIO CORRÊA"),
              "<persName> in <signed>", _name),
    LineClass("title", OPENER, 0.5, "a title: upper case, or most words capitalized", ("RECORD OF A CONVERSATION WITH KIM",
              "Poland and Our Policy at U.N.O."), '<head type="main"> (or "sub")', _title),
]

CLASS_BY_NAME = {row.name: row for row in LINE_CLASSES}


def classify(view: LineView, zone: str) -> tuple[str, float]:
    """The name and strength of the first row of ``zone`` that accepts the line, or ("unknown", 0)."""
    for row in LINE_CLASSES:
        if row.zone in (zone, BOTH) and row.recognize(view):
            return row.name, row.strength
    return "unknown", 0.0


def join_spaced(text: str) -> str:
    """Join letter-spaced words: "M e m o r a n d u m" → "Memorandum", "S P E C I A L" → "SPECIAL"."""
    if re.fullmatch(r"(?:\w ){3,}\w", text):
        return text.replace(" ", "")
    return text


def is_prose(text: str) -> bool:
    """A line of running text: a sentence, not a header line."""
    words = text.split()
    if text == text.upper() and sum(c.isalpha() for c in text) > 3:
        return len(words) > 30
    lower = sum(1 for w in words if w[:1].islower())
    # A long title ("Record of Conversation from Premier Zhou’s Reception in Shenyang of …") is no sentence.
    if lower * 10 <= len(words) * 4 and text[-1:] not in ".!?:;" and len(words) <= 40:
        return False
    if len(words) >= 16:
        return True
    if len(words) >= 4 and text[-1:] in ".!?:;\"”)" and _FINITE.search(text):
        return True
    if text.endswith(":"):
        return False  # "Secretary of the CC of the BCP:" introduces; without a verb it is no sentence
    return len(words) >= 6 and text[-1:] in ".!?:;\"”)" and lower * 2 >= len(words)


#: Pronouns and finite verbs a sentence has and a header line does not ("I visited …", "Pak said the following:").
_FINITE = re.compile(r"\b(?:I|we|he|she|they|it|you|said|says|told|asked|stated|noted|informed|visited|received|replied"
                     r"|answered|declared|was|were|is|are|has|had|have|will|would|shall|should|can|could|did|does)\b")
