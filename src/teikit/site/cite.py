"""How a document of the edition is cited: formatted (Chicago, MLA), as
files reference managers import (RIS, BibTeX, CSL-JSON), and as the
``citation_*`` and Dublin Core meta tags that Zotero and Google Scholar read.

All of them are made from one :class:`Citation`, so the formats agree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import escape

#: Where each document's citation files go, relative to the site.
CITE_FILES = {
    "ris": "cite/{id}.ris",
    "bib": "cite/{id}.bib",
    "csl": "cite/{id}.json",
}


_INITIAL = re.compile(r"^[^\W\d_]{1,3}\.(-[^\W\d_]{1,3}\.)?$")


def surname_first(name: str) -> str:
    """"Yu. Fadeyev" → "Fadeyev, Yu.": the one rule for a person's sort and citation form.

    Only a name whose given part is initials is inverted (the surname is then
    the last word, as these editions write Russian and Western names); a
    name already written surname first, with a comma, or in the family-name
    first order of Korean and Chinese names ("Kim Il Sung") is kept.
    """
    name = " ".join(name.split())
    if "," in name or " " not in name:
        return name
    given, family = name.rsplit(" ", 1)
    if not all(_INITIAL.match(part) for part in given.split(" ")):
        return name
    return f"{family}, {given}"


#: MLA abbreviates the months of more than four letters.
_MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def mla_date(iso: str) -> str:
    """"1969-09-12" → "12 Sept. 1969", "1969-09" → "Sept. 1969", "1969" → "1969"; "" if not ISO."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso or "")
    if not match:
        return ""
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        return year
    return " ".join(x for x in (str(int(day)) if day else "", _MLA_MONTHS[int(month) - 1] if month else "", year) if x)


def _split_name(name: str) -> dict:
    inverted = surname_first(name)
    if ", " in inverted:
        family, given = inverted.split(", ", 1)
        return {"family": family, "given": given}
    return {"literal": name}


@dataclass
class Citation:
    """One document as it is cited."""

    doc_id: str
    title: str
    authors: list[str]
    date: str  #: ISO (``1969-06-09``, ``1969-06``, ``1969``) or ""
    date_text: str
    archive: str
    source_publisher: str
    source_url: str
    edition: str
    publisher: str
    version: str
    year: str  #: the edition's publication (build) year
    url: str  #: the page's address (absolute when the edition's URL is known)
    pdf_url: str = ""
    lang: str = "en"
    parts: list = field(default_factory=list)

    @classmethod
    def from_record(cls, doc_id: str, record: dict, *, url: str, pdf_url: str = "", edition: str = "",
                    publisher: str = "", version: str = "", year: str = "") -> "Citation":
        """The citation of a document from its record (:class:`.records.Record`): the one
        mapping from the TEI's catalogue fields to a citation, for the site and ``teikit html``."""
        return cls(doc_id=doc_id, title=record["title"], authors=record.get("authors", []), date=record["date"],
                   date_text=record["date_text"], archive=record["archive"],
                   source_publisher=record.get("publisher", ""), source_url=record.get("source_url", ""),
                   edition=edition, publisher=publisher, version=version, year=year, url=url, pdf_url=pdf_url,
                   lang=record.get("lang", "en"))

    # -------------------------------------------------------- formatted

    def _names(self, et_al: bool = False) -> str:
        """The first author surname first, the others as written; with ``et_al`` (MLA), three
        or more authors are the first and "et al."."""
        if not self.authors:
            return ""
        first = surname_first(self.authors[0])
        rest = self.authors[1:]
        if not rest:
            return first
        if et_al and len(rest) > 1:
            return f"{first}, et al"
        if len(rest) == 1:
            return f"{first}, and {rest[0]}"
        return ", ".join([first, *rest[:-1]]) + f", and {rest[-1]}"

    def chicago(self) -> str:
        """Chicago (notes and bibliography), bibliography entry, as plain text: the document
        with its date and archive, then the edition it is published in, its publisher and year,
        and the URL."""
        parts = []
        if self.authors:
            parts.append(self._names().rstrip(".") + ".")
        parts.append(f"“{self.title.rstrip('.')}.”")
        if self.date_text or self.date:
            parts.append(f"{self.date_text or self.date}.")
        if self.archive:
            parts.append(f"{self.archive.rstrip('.')}.")
        edition = f"In {self.edition}"
        if self.version:
            edition += f", version {self.version}"
        parts.append(edition + ".")
        if self.publisher:
            parts.append(f"{self.publisher.rstrip('.')}, {self.year}." if self.year else f"{self.publisher}.")
        elif self.year:
            parts.append(f"{self.year}.")
        parts.append(f"{self.url}.")
        return " ".join(parts)

    def mla_url(self) -> str:
        """The URL as MLA writes it: without ``http://`` or ``https://``."""
        return re.sub(r"^https?://", "", self.url)

    def mla(self) -> str:
        """MLA (9th edition) works-cited entry, as plain text.

        Author (surname first; three or more: "et al."). "Title." The
        document's date (day, abbreviated month, year) and its archive: the
        first container, as MLA cites an archival document. Then the second
        container, the edition: its title, version, publisher, year of
        publication and the URL without ``https://``. The page adds the
        reader's "Accessed" date (MLA's for an online work), which the build
        cannot know.
        """
        parts = []
        if self.authors:
            parts.append(self._names(et_al=True).rstrip(".") + ".")
        parts.append(f"“{self.title.rstrip('.')}.”")
        when = mla_date(self.date) or self.date_text
        original = ", ".join(x for x in (when, self.archive.rstrip(".")) if x)
        if original:
            parts.append(original + ".")
        container = [self.edition]
        if self.version:
            container.append(f"version {self.version}")
        if self.publisher:
            container.append(self.publisher)
        if self.year:
            container.append(self.year)
        container.append(self.mla_url())
        parts.append(", ".join(x for x in container if x) + ".")
        return " ".join(parts)

    # -------------------------------------------------------- files

    def ris(self) -> str:
        """A RIS record (type MANSCPT: an archival manuscript)."""
        lines = ["TY  - MANSCPT"]
        lines += [f"AU  - {surname_first(a)}" for a in self.authors]
        lines.append(f"TI  - {self.title}")
        if self.date:
            y, *rest = self.date.split("-")
            lines.append(f"PY  - {y}")
            lines.append(f"DA  - {y}/{'/'.join(rest + [''] * (2 - len(rest)))}/")
        lines.append(f"T2  - {self.edition}")
        if self.publisher:
            lines.append(f"PB  - {self.publisher}")
        if self.version:
            lines.append(f"ET  - {self.version}")
        if self.archive:
            lines.append(f"AV  - {self.archive}")
        if self.source_url:
            lines.append(f"N1  - Source: {self.source_publisher or ''} {self.source_url}".replace("  ", " "))
        lines.append(f"UR  - {self.url}")
        if self.pdf_url:
            lines.append(f"L1  - {self.pdf_url}")
        lines.append(f"LA  - {self.lang}")
        lines.append("ER  - ")
        # One field a line: a line break inside a value would start a new tag.
        return "\r\n".join(" ".join(line.split("\n")) for line in lines) + "\r\n"

    def bibtex(self) -> str:
        """A BibTeX ``@misc`` entry (biblatex reads ``date``; BibTeX ``year``, ``month``)."""
        fields = []
        if self.authors:
            fields.append(("author", " and ".join(_bib(surname_first(a)) for a in self.authors)))
        fields.append(("title", "{" + _bib(self.title) + "}"))
        if self.date:
            fields.append(("date", self.date))
            fields.append(("year", self.date[:4]))
        fields.append(("howpublished", _bib(self.edition + (f", version {self.version}" if self.version else ""))))
        if self.publisher:
            fields.append(("publisher", _bib(self.publisher)))
        if self.archive:
            fields.append(("note", _bib(self.archive)))
        fields.append(("url", _bib_url(self.url)))
        fields.append(("langid", _bib(self.lang)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{_bib_key(self.doc_id)},\n{body}\n}}\n"

    def csl(self) -> list[dict]:
        """CSL-JSON (a list of one item), as citation processors and Zotero import it."""
        item = {"id": self.doc_id, "type": "manuscript", "title": self.title,
                "container-title": self.edition, "URL": self.url, "language": self.lang}
        if self.authors:
            item["author"] = [_split_name(a) for a in self.authors]
        if self.date:
            item["issued"] = {"date-parts": [[int(x) for x in self.date.split("-")]]}
        for key, value in (("publisher", self.publisher), ("version", self.version), ("archive", self.archive),
                           ("source", self.source_url)):
            if value:
                item[key] = value
        return [item]

    def csl_json(self) -> str:
        return json.dumps(self.csl(), ensure_ascii=False, indent=1) + "\n"

    # -------------------------------------------------------- meta tags

    def meta_html(self) -> str:
        """The :meth:`meta_tags` as HTML ``<meta>`` elements, for a page's head."""
        return "".join(f'<meta name="{escape(name)}" content="{escape(content)}">' for name, content in self.meta_tags())

    def meta_tags(self) -> list[tuple[str, str]]:
        """``(name, content)`` of the Highwire (``citation_*``) and Dublin Core tags; a tag whose
        value is unknown (a page rendered outside an edition has no edition title) is left out."""
        return [(name, content) for name, content in self._meta_tags() if content]

    def _meta_tags(self) -> list[tuple[str, str]]:
        tags = [("citation_title", self.title)]
        tags += [("citation_author", surname_first(a)) for a in self.authors]
        if self.date:
            tags.append(("citation_date", self.date.replace("-", "/")))
        tags += [("citation_publisher", self.publisher or self.edition),
                 ("citation_inbook_title", self.edition),
                 ("citation_public_url", self.url),
                 ("citation_abstract_html_url", self.url)]
        if self.pdf_url:
            tags.append(("citation_pdf_url", self.pdf_url))
        if self.archive:
            tags.append(("citation_archive", self.archive))
        tags.append(("citation_language", self.lang))
        tags.append(("DC.title", self.title))
        tags += [("DC.creator", surname_first(a)) for a in self.authors]
        if self.date:
            tags.append(("DC.date", self.date))
        tags += [("DC.publisher", self.publisher or self.edition), ("DC.type", "Text"),
                 ("DC.format", "text/html"), ("DC.identifier", self.url), ("DC.language", self.lang),
                 ("DC.relation.ispartof", self.edition)]
        if self.source_url:
            tags.append(("DC.source", self.source_url))
        return tags


_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bib(text: str) -> str:
    return "".join(_BIB_SPECIAL.get(c, c) for c in " ".join(text.split()))


def _bib_url(url: str) -> str:
    # A URL is typeset verbatim; only what would unbalance the entry is escaped.
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace("%", "\\%")


def _bib_key(doc_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_:.-]", "-", doc_id) or "document"
