"""The edition's own pages: index, register and search, plus edition.xml.

Written in Python with lxml's element API rather than XSLT: their input is
the documents' records (catalogue data, mentions) and word lists, not a
TEI document, so an XSLT would first need that data turned into XML, and a
second Saxon compilation would be paid on every build. lxml escapes every
text and attribute value, and the pages are serialized as HTML5.
"""

from __future__ import annotations

import re
import tomllib
from html import escape
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_NS, __version__
from ..errors import TeikitError
from ..xmlparse import parse_file
from . import assets, corpus, search
from .files import write_new
from .pagedata import PageData
from .folder import CORPUS_FILE, INDEX_PAGE, OUTPUTS, REGISTER_FILE, REGISTER_PAGE, SEARCH_INDEX, SEARCH_PAGE

DEFAULT_TITLE = "Translated archival documents"
_EDITION_KEYS = ("title", "publisher", "licence", "description")
_KINDS = (
    # (list element, entry element, name element, section id, heading)
    ("listPerson", "person", "persName", "persons", "Persons"),
    ("listOrg", "org", "orgName", "organizations", "Organizations"),
    ("listPlace", "place", "placeName", "places", "Places"),
)


def edition_metadata(path: Path | None, source_dir: Path) -> dict:
    """The edition's title etc. from ``edition.toml`` in the source folder (all keys optional).

    Keys: ``title``, ``publisher``, ``licence``, ``description`` (strings).
    """
    data = {"title": DEFAULT_TITLE}
    if path is None:
        return data
    try:
        loaded = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise TeikitError(f"cannot read: {err}", str(path)) from None
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", None)
        raise TeikitError(f"not valid TOML: {err}", str(path), line) from None
    for key, value in loaded.items():
        if key not in _EDITION_KEYS:
            raise TeikitError(f"unknown key {key!r} (known: {', '.join(_EDITION_KEYS)})", str(path))
        if not isinstance(value, str):
            raise TeikitError(f"{key} must be a string", str(path))
        data[key] = value
    return data


# ---------------------------------------------------------------- page frame

def _el(tag: str, attrs: dict | None = None, *children) -> etree._Element:
    element = etree.Element(tag, {k: v for k, v in (attrs or {}).items() if v is not None})
    last = None
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            if last is None:
                element.text = (element.text or "") + child
            else:
                last.tail = (last.tail or "") + child
        else:
            element.append(child)
            last = child
    return element


def _page(title: str, edition: dict, current: str, *content, scripts: tuple = ()) -> bytes:
    nav = _el("nav", {"class": "site", "aria-label": "Edition"})
    for href, label in ((INDEX_PAGE, "Documents"), (REGISTER_PAGE, "Register"),
                        (SEARCH_PAGE, "Search"), (CORPUS_FILE, "TEI corpus")):
        nav.append(_el("a", {"href": href, "aria-current": "page" if href == current else None}, label))
    head = _el(
        "head", None,
        _el("meta", {"charset": "utf-8"}),
        _el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        _el("title", None, f"{title} · {edition['title']}" if title != edition["title"] else title),
        _el("style", None, assets.CSS),
    )
    body = _el(
        "body", None,
        _el("header", {"class": "site"}, _el("a", {"class": "brand", "href": INDEX_PAGE}, edition["title"]), nav),
        _el("main", {"id": "main"}, *content),
        _el("footer", {"class": "site"}, f"Built with teikit {__version__}. "
            + (edition.get("licence") and f"Licence: {edition['licence']}." or "")),
    )
    for script in scripts:
        body.append(script)
    html = _el("html", {"lang": "en"}, head, body)
    return b"<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="UTF-8") + b"\n"


def _doc_href(doc_id: str) -> str:
    return OUTPUTS["html"].format(id=doc_id)


# ---------------------------------------------------------------- index

def _index_row(number: int, row: tuple) -> bytes:
    doc_id, key, title, date, date_text, archive, description, has_pdf = row
    links = _el("span", {"class": "muted"}, " (", _el("a", {"href": OUTPUTS["tei"].format(id=doc_id)}, "TEI"))
    if has_pdf:
        links.append(_el("a", {"href": OUTPUTS["pdf"].format(id=doc_id)}, "PDF"))
        links[-2].tail = ", "
    links[-1].tail = ")"
    tr = _el(
        "tr",
        {"data-n": str(number), "data-date": key, "data-title": title,
         "data-archive": archive, "data-description": description},
        _el("td", {"class": "date"}, _el("time", {"datetime": date or None}, date_text or date or "undated")),
        _el("td", {"class": "title"}, _el("a", {"href": _doc_href(doc_id)}, title), links),
        _el("td", {"class": "archive"}, archive),
        _el("td", {"class": "description"}, description),
    )
    return etree.tostring(tr, method="html", encoding="UTF-8")


def index_page(data: PageData, edition: dict) -> Iterator[bytes]:
    """``index.html`` in pieces: every document, in date order, sortable by column."""
    head_row = _el("tr")
    for key, label in (("date", "Date"), ("title", "Title"), ("archive", "Archive"), ("description", "Description")):
        head_row.append(_el("th", {"scope": "col", "data-key": key,
                                   "aria-sort": "ascending" if key == "date" else None},
                            _el("button", {"type": "button"}, label)))
    count = data.count
    content = [
        _el("h1", None, edition["title"]),
        _el("p", {"class": "count"}, f"{count} document{'s' if count != 1 else ''}. "
            "Press a column heading to sort by it."),
    ]
    if edition.get("description"):
        content.insert(1, _el("p", None, edition["description"]))
    content.append(_el("form", {"class": "search", "action": SEARCH_PAGE, "role": "search"},
                       _el("label", {"for": "index-q"}, "Search the edition "),
                       _el("input", {"id": "index-q", "name": "q", "type": "search"})))
    content.append(_el("table", {"class": "documents"}, _el("thead", None, head_row),
                       _el("tbody", None, etree.Comment("rows"))))
    page = _page(edition["title"], edition, INDEX_PAGE, *content, scripts=(_el("script", None, assets.SORT_SCRIPT),))
    before, after = page.split(b"<!--rows-->", 1)
    yield before
    # The rows are read and written one at a time, in date order.
    for number, row in enumerate(data.docs_by_date()):
        yield _index_row(number, row)
    yield after


# ---------------------------------------------------------------- register

def read_register(path: Path | None) -> list[dict]:
    """The register's entries: id, kind, main name, variant names, Wikidata id, note."""
    if path is None:
        return []
    root = parse_file(path).getroot()
    ns = {"t": TEI_NS}
    entries = []
    for _, entry_name, name_name, section, _ in _KINDS:
        # Any person, org or place with an id, wherever it stands: the rule by
        # which the converter tags names and the validator resolves pointers.
        for entry in root.xpath(f"//t:{entry_name}[@xml:id]", namespaces=ns):
            # The name typed "main" first, then the others in register order.
            elements = entry.xpath(f"t:{name_name}", namespaces=ns)
            elements.sort(key=lambda n: n.get("type") != "main")
            names = [" ".join("".join(n.itertext()).split()) for n in elements]
            names = [n for n in names if n] or [entry.get(f"{{{XML_NS}}}id")]
            wikidata = entry.xpath("t:idno[@type='wikidata']/text()", namespaces=ns)
            note = entry.xpath("t:note", namespaces=ns)
            entries.append({
                "id": entry.get(f"{{{XML_NS}}}id"), "kind": section, "name": names[0],
                "variants": list(dict.fromkeys(n for n in names[1:] if n != names[0])),
                "wikidata": wikidata[0].strip() if wikidata else "",
                "note": " ".join("".join(note[0].itertext()).split()) if note else "",
            })
    return entries


def _mention_list(data: PageData, entry_id: str) -> bytes:
    """The documents mentioning one entry, by date: each links to its first mention, with the count."""
    out = ['<ul class="mentions">']
    for doc_id, title, when, count, label, anchor in data.mentions(entry_id):
        href = _doc_href(doc_id) + (f"#{anchor}" if anchor else "")
        named = f' title="first mention: {escape(label)}"' if label else ""
        out.append(f'<li><a class="mention" href="{escape(href)}"{named}>{escape(title)}</a>'
                   f'{f" ({escape(when)})" if when else ""}, {count} mention{"s" if count != 1 else ""}</li>')
    out.append("</ul>")
    return "".join(out).encode("utf-8")


def _entry_block(entry: dict, totals: tuple[int, int, str] | None, listed: list[str]) -> etree._Element:
    block = _el("article", {"class": "entry", "id": entry["id"]}, _el("h3", None, entry["name"]))
    if entry.get("variants"):
        block.append(_el("p", {"class": "variants"}, "Also: " + "; ".join(entry["variants"])))
    if entry.get("note"):
        block.append(_el("p", None, entry["note"]))
    if entry.get("wikidata"):
        qid = entry["wikidata"]
        block.append(_el("p", None, "Wikidata: ", _el("a", {"href": f"https://www.wikidata.org/wiki/{qid}"}, qid)))
    if not totals:
        block.append(_el("p", {"class": "muted"}, "Not mentioned in the documents of this edition."))
        return block
    count, docs, _ = totals
    block.append(_el("p", None, f"{count} mention{'s' if count != 1 else ''} in {docs} "
                     f"document{'s' if docs != 1 else ''} (each title links to the first mention in the document, "
                     "which links on to the others there):"))
    # A placeholder, replaced by the list of documents as the page is written.
    block.append(etree.Comment(f"mentions:{len(listed)}"))
    listed.append(entry["id"])
    return block


def register_page(entries: list[dict], data: PageData, edition: dict) -> Iterator[bytes]:
    """``register.html`` in pieces: persons, organizations and places, each with an anchor and its mentions."""
    mentioned = data.entries()
    totals = {entry_id: data.totals(entry_id) for entry_id in mentioned}
    known = {e["id"] for e in entries}
    listed: list[str] = []
    toc = _el("p", None, *[x for _, _, _, section, heading in _KINDS
                           for x in (_el("a", {"href": f"#{section}"}, heading), " ")])
    content = [_el("h1", None, "Register"), toc]
    for _, _, _, section, heading in _KINDS:
        group = [e for e in entries if e["kind"] == section]
        part = _el("section", {"id": section, "aria-labelledby": f"{section}-h"},
                   _el("h2", {"id": f"{section}-h"}, f"{heading} ({len(group)})"))
        for entry in sorted(group, key=lambda e: e["name"].casefold()):
            part.append(_entry_block(entry, totals.get(entry["id"]), listed))
        content.append(part)
    missing = [entry_id for entry_id in mentioned if entry_id not in known]
    if missing:
        # References the register lacks still get an anchor, so no link is dead.
        part = _el("section", {"id": "unregistered"}, _el("h2", None, "Not in the register"))
        for entry_id in missing:
            name = totals[entry_id][2] or entry_id
            part.append(_entry_block({"id": entry_id, "name": name}, totals[entry_id], listed))
        content.append(part)
    page = _page("Register", edition, REGISTER_PAGE, *content)
    # The mention lists are the bulk of the page: each is read from the
    # scratch database and written as the page is, never all held at once.
    for i, piece in enumerate(re.split(rb"<!--mentions:(\d+)-->", page)):
        yield _mention_list(data, listed[int(piece)]) if i % 2 else piece


# ---------------------------------------------------------------- search

def search_page(edition: dict) -> bytes:
    """``search.html``; the index itself is ``search-index.js``."""
    form = _el("form", {"class": "search", "id": "search-form", "role": "search"},
               _el("label", {"for": "q"}, "Search the documents "),
               _el("input", {"id": "q", "name": "q", "type": "search", "autocomplete": "off", "autofocus": "autofocus"}))
    content = [
        _el("h1", None, "Search"),
        form,
        _el("p", {"id": "status", "class": "muted", "role": "status", "aria-live": "polite"},
            "Search needs JavaScript; the index is built into this site and works offline."),
        _el("ol", {"id": "results", "class": "results"}),
    ]
    return _page("Search", edition, SEARCH_PAGE, *content,
                 scripts=(_el("script", {"src": SEARCH_INDEX}), _el("script", None, assets.SEARCH_SCRIPT)))


# ---------------------------------------------------------------- all of it

def write_site_pages(site: Path, docs: dict[str, dict], register: Path | None, edition: dict) -> list[Path]:
    """Write index, register, search and edition.xml for the built documents ``docs``.

    ``docs`` maps each built document's id to its manifest entry; its record
    is read from the file its worker wrote in ``site``. ``register`` is the
    register's TEI file; it is also published as ``tei/register.xml``, where
    the documents' ``register.xml#…`` references resolve. Returns the paths
    written.
    """
    written = []
    if register is not None and register.resolve() != (site / REGISTER_FILE).resolve():
        written.append(site / REGISTER_FILE)
        write_new(written[-1], register.read_bytes())
    entries = read_register(register)
    data = PageData(site, docs)
    try:
        for name, make in ((INDEX_PAGE, lambda: index_page(data, edition)),
                           (REGISTER_PAGE, lambda: register_page(entries, data, edition)),
                           (SEARCH_PAGE, lambda: [search_page(edition)]),
                           (SEARCH_INDEX, lambda: search.index_script(site, data))):
            written.append(site / name)
            write_new(written[-1], make())
    finally:
        data.close()
    written.append(site / CORPUS_FILE)
    corpus.write_corpus(written[-1], edition, register,
                        [site / OUTPUTS["fragment"].format(id=d) for d in sorted(docs)])
    return written
