"""The documents' records, gathered for writing the site pages without
holding them in memory.

The index, the register and the search index each need the records in
another order (by date and title, by register entry, by document id). Rather
than keep every record in the build's process, one pass streams over the
record files the workers wrote and loads them into a scratch SQLite database
in the site's private folder; the pages are then written from ordered,
indexed queries, one row at a time. SQLite's page cache is bounded (a few
MB), so the build's memory stays nearly the same however many documents the
edition has. The database is deleted once the pages are written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import TeikitError
from .folder import OUTPUTS
from .records import Record

SCRATCH = ".teikit/pages.sqlite"

_SCHEMA = """
CREATE TABLE docs (id TEXT PRIMARY KEY, sortdate TEXT, title TEXT, date TEXT, date_text TEXT,
                   archive TEXT, description TEXT, pdf INTEGER);
CREATE TABLE mentions (entry TEXT, sortdate TEXT, doc TEXT, count INTEGER, label TEXT, anchor TEXT);
CREATE TABLE facets (facet TEXT, value TEXT, sortdate TEXT, doc TEXT);
"""

#: The facets taken from a document's record (the register's entries are
#: facets too: see :meth:`PageData.facet_values`). Key -> record field.
RECORD_FACETS = {"decade": None, "archive": "repository", "language": "languages",
                 "classification": "classification", "genre": "genre"}


def record_facets(record: Record) -> list[tuple[str, str]]:
    """``(facet, value)`` pairs of one record: its decade, archive, original languages, classification, genre."""
    pairs = []
    if record["date"][:3].isdigit():
        pairs.append(("decade", record["date"][:3] + "0s"))
    for facet, key in RECORD_FACETS.items():
        if key is None:
            continue
        value = record.get(key) or []
        for item in (value if isinstance(value, list) else [value]):
            if item:
                pairs.append((facet, item))
    return pairs


def sort_date(date: str) -> str:
    """The date a document sorts by; undated documents go last."""
    return date or "9999"


def read_record(site: Path, doc_id: str) -> Record:
    """The record a worker wrote for ``doc_id`` in ``site``."""
    path = site / OUTPUTS["record"].format(id=doc_id)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise TeikitError(f"cannot read the document's record ({err}); rebuild with --force", str(path)) from None


class PageData:
    """Records of the built documents ``docs`` (``{doc id: manifest entry}``) of ``site``, queryable in order."""

    def __init__(self, site: Path, docs: dict[str, dict]):
        self.path = site / SCRATCH
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.unlink(missing_ok=True)
        # Scratch data: no journal and no syncs; a crash discards the whole staging folder anyway.
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.executescript(_SCHEMA)
        pdf_output = OUTPUTS["pdf"]
        for doc_id in docs:
            record = read_record(site, doc_id)
            key = sort_date(record["date"])
            self.db.execute("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?)", (
                doc_id, key, record["title"], record["date"], record["date_text"], record["archive"],
                record["description"], pdf_output.format(id=doc_id) in docs[doc_id].get("outputs", ())))
            self.db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?)", (
                (entry, key, doc_id, count, label, anchor)
                for entry, (count, label, anchor) in record["mentions"].items()))
            self.db.executemany("INSERT INTO facets VALUES (?,?,?,?)", (
                (facet, value, key, doc_id) for facet, value in record_facets(record)))
        self.db.execute("CREATE INDEX by_date ON docs (sortdate, title, id)")
        self.db.execute("CREATE INDEX by_entry ON mentions (entry, sortdate, doc)")
        self.db.execute("CREATE INDEX by_facet ON facets (facet, value, sortdate, doc)")
        self.db.commit()
        self.count = len(docs)

    def docs_by_date(self) -> Iterator[tuple]:
        """``(id, sortdate, title, date, date_text, archive, description, pdf)`` in date, then title order."""
        return self.db.execute("SELECT * FROM docs ORDER BY sortdate, title, id")

    def docs_by_id(self) -> Iterator[tuple]:
        """``(id, title, date as written or ISO date, description, ISO date)`` in id order."""
        return self.db.execute("SELECT id, title, CASE WHEN date_text != '' THEN date_text ELSE date END, "
                               "description, date FROM docs ORDER BY id")

    def entries(self) -> list[str]:
        """The register entry ids that are mentioned at all."""
        return [row[0] for row in self.db.execute("SELECT DISTINCT entry FROM mentions ORDER BY entry")]

    def totals(self, entry: str) -> tuple[int, int, str]:
        """``(mentions, documents, name as first written)`` of one entry."""
        count, docs = self.db.execute("SELECT COALESCE(SUM(count), 0), COUNT(*) FROM mentions WHERE entry = ?",
                                      (entry,)).fetchone()
        label = self.db.execute("SELECT label FROM mentions WHERE entry = ? AND label != '' "
                                "ORDER BY sortdate, doc LIMIT 1", (entry,)).fetchone()
        return count, docs, label[0] if label else ""

    def mentions(self, entry: str) -> Iterator[tuple]:
        """``(doc id, title, date as written, count, label, anchor)`` per document mentioning ``entry``, by date."""
        return self.db.execute(
            "SELECT m.doc, d.title, CASE WHEN d.date_text != '' THEN d.date_text ELSE d.date END, "
            "m.count, m.label, m.anchor FROM mentions m JOIN docs d ON d.id = m.doc "
            "WHERE m.entry = ? ORDER BY m.sortdate, m.doc", (entry,))

    def facet_values(self, facet: str) -> list[tuple[str, int]]:
        """``(value, documents)`` of one record facet, by value."""
        return self.db.execute("SELECT value, COUNT(DISTINCT doc) FROM facets WHERE facet = ? "
                               "GROUP BY value ORDER BY value", (facet,)).fetchall()

    def entry_counts(self) -> dict[str, int]:
        """Documents per mentioned register entry."""
        return dict(self.db.execute("SELECT entry, COUNT(*) FROM mentions GROUP BY entry"))

    def facet_docs(self, facet: str, value: str) -> Iterator[tuple]:
        """``(id, title, date as written, description, anchor)`` of the documents with one facet value, by date.

        The facet ``entry`` is a register entry: the documents mentioning it, the
        anchor that of the first mention ("" for the other facets).
        """
        if facet == "entry":
            return self.db.execute(
                "SELECT d.id, d.title, CASE WHEN d.date_text != '' THEN d.date_text ELSE d.date END, d.description, "
                "m.anchor FROM mentions m JOIN docs d ON d.id = m.doc WHERE m.entry = ? "
                "ORDER BY d.sortdate, d.title, d.id", (value,))
        return self.db.execute(
            "SELECT id, title, CASE WHEN date_text != '' THEN date_text ELSE date END, description, '' FROM docs "
            "WHERE id IN (SELECT doc FROM facets WHERE facet = ? AND value = ?) ORDER BY sortdate, title, id",
            (facet, value))

    def close(self) -> None:
        """Close and delete the scratch database."""
        self.db.close()
        self.path.unlink(missing_ok=True)
