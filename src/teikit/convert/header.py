"""The ``<teiHeader>`` from the sidecar ``NAME.meta.toml`` next to the source.

Every key is optional; an absent sidecar gives a header with defaults and a
warning. Keys (TOML):

``title``            catalogue title of the document
``date``             date of the document, ISO (``1969-06-09``)
``date_text``        the date as written (default: derived from ``date``)
``[[authors]]``      one table per author: ``name``, ``role``, ``ref`` (register id, optional)
``translator``       who translated (default: "the translator (not named by the publisher)")
``publisher``        publisher of the translation (default: "unpublished")
``source_url``       web page of the published translation
``archive``          holding archive of the original
``call_number``      the archive's reference (fond, opis, delo; file number)
``funding``          the funding line
``licence``          licence text; ``licence_url`` its address
``original_language``  ISO 639 code of the original (``ru``); ``original_language_name`` its name
``classification``   security classification of the original, if any
``citation``         how to cite the published translation
``summary``          a short abstract
``[facsimile]``      the page images of the original (see :mod:`teikit.convert.facsimile`)
``[original]``       the original-language text: ``text`` (file), ``language`` (see :mod:`.original`)
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from .. import __version__
from ..errors import TeikitError
from ..xmlparse import Limits, read_limited
from .dates import MONTHS
from .facsimile import read_facsimile
from .model import Node
from .original import check_original, key_line

LANGUAGES = {"ru": "Russian", "ko": "Korean", "ja": "Japanese", "zh": "Chinese", "de": "German", "en": "English",
             "fr": "French", "es": "Spanish", "hu": "Hungarian", "pl": "Polish", "cs": "Czech", "ro": "Romanian",
             "bg": "Bulgarian", "mn": "Mongolian", "vi": "Vietnamese", "sq": "Albanian"}
KEYS = {"title", "date", "date_text", "authors", "translator", "publisher", "source_url", "archive", "call_number",
        "funding", "licence", "licence_url", "original_language", "original_language_name", "classification",
        "citation", "summary", "facsimile", "original"}


_ISO_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def sidecar_path(source: str | os.PathLike) -> Path:
    """``NAME.meta.toml`` beside ``NAME.txt``."""
    path = Path(source)
    return path.with_name(path.stem + ".meta.toml")


def read_metadata(path: str | os.PathLike) -> dict:
    """Read and check a sidecar file."""
    name = str(path)
    limit = 1024 * 1024
    raw = read_limited(path, Limits(max_bytes=limit))
    if len(raw) > limit:
        raise TeikitError(f"sidecar larger than {limit} bytes", name)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as err:
        # Python 3.11's TOMLDecodeError has the position only in its message.
        where = re.search(r"\(at line (\d+)", str(err))
        line = int(where.group(1)) if where else None
        message = str(err).split(" (at ")[0]
        raise TeikitError(f"not valid TOML: {message}", name, line) from None
    except UnicodeDecodeError:
        raise TeikitError("not UTF-8 text", name, 1) from None
    check_metadata(data, name, base=Path(path).parent, text=raw.decode("utf-8"))
    return data


def check_metadata(data: dict, name: str = "<metadata>", *, base: Path | None = None, text: str | None = None) -> None:
    """Refuse unknown keys and values of the wrong type (``text``, the TOML source, gives the lines).

    The ``[facsimile]`` and ``[original]`` tables are replaced by their checked
    forms, their files found relative to ``base`` (the sidecar's folder;
    default: the current one).
    """
    for key, value in data.items():
        if key not in KEYS:
            raise TeikitError(f"unknown key {key!r} (known: {', '.join(sorted(KEYS))})", name, key_line(text, key))
        if key == "facsimile":
            data[key] = read_facsimile(value, name, base or Path("."), text)
        elif key == "original":
            data[key] = check_original(value, name, text, base)
        elif key == "authors":
            if not isinstance(value, list) or not all(isinstance(a, dict) and isinstance(a.get("name"), str) for a in value):
                raise TeikitError("'authors' must be a list of tables with a 'name'", name)
        elif not isinstance(value, str):
            raise TeikitError(f"{key!r} must be a string", name)
    if "date" in data and not _ISO_DATE.fullmatch(data["date"]):
        raise TeikitError(f"'date' must be an ISO date (1969-06-09, 1969-06 or 1969), not {data['date']!r}", name)


def _date_text(iso: str) -> str:
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return iso


def _gi(name: str) -> Node:
    return Node("gi", {}, [name])


def _p(text: str) -> Node:
    return Node("p", {}, [text])


def build_header(meta: dict, *, fallback_title: str, has_marks: bool, register_href: str) -> Node:
    """The teiHeader for a converted document."""
    title = meta.get("title", fallback_title)
    title_stmt = [Node("title", {"type": "main"}, [title])]
    for author in meta.get("authors", []):
        name_attrib = {"ref": f"{register_href}#{author['ref']}"} if author.get("ref") else {}
        children = [Node("persName", name_attrib, [author["name"]])]
        if author.get("role"):
            children.append(f" ({author['role']})")
        title_stmt.append(Node("author", {}, children))
    if meta.get("funding"):
        title_stmt.append(Node("funder", {}, [_funder(meta["funding"])]))
    title_stmt.append(Node("respStmt", {"xml:id": "translator"}, [
        Node("resp", {}, ["English translation, with bracketed insertions and notes"]),
        Node("name", {}, [meta.get("translator", "the translator (not named by the publisher)")])]))
    title_stmt.append(Node("respStmt", {"xml:id": "encoder"}, [
        Node("resp", {}, ["TEI encoding, inferred links and corrections"]),
        Node("name", {}, [f"teikit {__version__}"])]))

    publication = [Node("publisher", {}, [meta.get("publisher", "unpublished")])]
    if meta.get("source_url"):
        publication.append(Node("idno", {"type": "URI"}, [meta["source_url"]]))
    if meta.get("licence"):
        licence_attrib = {"target": meta["licence_url"]} if meta.get("licence_url") else {}
        publication.append(Node("availability", {}, [Node("licence", licence_attrib, [meta["licence"]])]))
    file_desc = [Node("titleStmt", {}, title_stmt), Node("publicationStmt", {}, publication)]

    notes = []
    if meta.get("funding"):
        notes.append(Node("note", {"type": "funding"}, [meta["funding"]]))
    if meta.get("citation"):
        notes.append(Node("note", {"type": "citation"}, [meta["citation"]]))
    if meta.get("classification"):
        notes.append(Node("note", {"type": "classification"}, [meta["classification"]]))
    if notes:
        file_desc.append(Node("notesStmt", {}, notes))
    file_desc.append(Node("sourceDesc", {}, [_source_desc(meta, has_marks)]))

    editorial = [
        Node("p", {}, ["Converted by teikit from a plain-text translation. Each source line is kept; a line break "
                       "inside a paragraph is an ", _gi("lb"), ". Bracketed insertions are encoded as elements with "
                       "resp=\"#translator\"; the export regenerates the brackets, so the plain text can be recovered "
                       "exactly."]),
        Node("p", {}, ["Translator's notes about marks a later reader made in the margin point (target) at ", _gi("hi"),
                       " elements around the passages they describe (rend: margin-mark, margin-line, margin-double-line, "
                       "margin-query, margin-exclamation); these links are inferences of the encoder "
                       "(resp=\"#encoder\"). Underlining in the original is not recorded in the translation and is "
                       "lost: where a note's extent can no longer be located, the ", _gi("hi"),
                       " covers the smallest passage that surely contains it and has cert=\"low\"."]),
        Node("p", {}, ["Typing errors of the translation are kept in ", _gi("sic"), " with the correction in ",
                       _gi("corr"), " (resp=\"#encoder\"); facts are never corrected. Names are tagged only when the "
                       "edition's register lists them; dates carry ISO values."]),
    ]
    if meta.get("original"):
        editorial.append(Node("p", {}, [
            "The original-language text follows the translation as a second ", _gi("text"), " (type=\"original\"); "
            "each of its paragraphs points (corresp) at the translation's blocks it stands beside. The alignment is "
            "the encoder's, computed from paragraph lengths and the numbers both sides share; where it is uncertain "
            "the paragraph has cert=\"low\" (resp=\"#encoder\")."]))
    encoding = Node("encodingDesc", {}, [Node("editorialDecl", {}, editorial)])

    profile = []
    if meta.get("summary"):
        profile.append(Node("abstract", {}, [_p(meta["summary"])]))
    if meta.get("date"):
        profile.append(Node("creation", {}, [Node("date", {"when": meta["date"]}, [meta.get("date_text", _date_text(meta["date"]))])]))
    languages = [Node("language", {"ident": "en"}, ["English (translation)"])]
    code = meta.get("original_language")
    if code and code != "en":
        languages.append(Node("language", {"ident": code}, [f"{meta.get('original_language_name', LANGUAGES.get(code, code))} (original)"]))
    profile.append(Node("langUsage", {}, languages))
    return Node("teiHeader", {}, [Node("fileDesc", {}, file_desc), encoding, Node("profileDesc", {}, profile)])


def _funder(line: str) -> str:
    marker = "support from "
    return line.split(marker, 1)[1].rstrip(".") if marker in line else line


def _source_desc(meta: dict, has_marks: bool) -> Node:
    hand = Node("handNote", {"xml:id": "reader1", "scope": "minor"}, [
        "A later reader who marked passages in the margin (lines, question marks, exclamation marks), "
        "known only from the translator's notes."])
    if meta.get("archive") or has_marks:
        identifier = [Node("repository", {}, [meta.get("archive", "not stated by the publisher")])]
        if meta.get("call_number"):
            identifier.append(Node("idno", {}, [meta["call_number"]]))
        ms = [Node("msIdentifier", {}, identifier)]
        if has_marks:
            ms.append(Node("physDesc", {}, [Node("handDesc", {}, [hand])]))
        return Node("msDesc", {}, ms)
    return _p("A plain-text English translation; the original is not described.")
