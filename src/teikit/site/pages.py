"""The edition's own pages: index, register and search, plus edition.xml.

Written in Python with lxml's element API rather than XSLT: their input is
the documents' records (catalogue data, mentions) and word lists, not a
TEI document, so an XSLT would first need that data turned into XML, and a
second Saxon compilation would be paid on every build. lxml escapes every
text and attribute value, and the pages are serialized as HTML5.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import tomllib
import unicodedata
from html import escape
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_NS, __version__
from ..errors import TeikitError
from ..xmlparse import parse_file
from . import assets, corpus, search
from .cite import CITE_FILES, Citation, surname_first
from .files import write_new
from .pagedata import PageData, read_record
from .folder import CORPUS_FILE, INDEX_PAGE, OUTPUTS, REGISTER_FILE, REGISTER_PAGE, SEARCH_INDEX, SEARCH_PAGE

DEFAULT_TITLE = "Translated archival documents"
_EDITION_KEYS = ("title", "publisher", "licence", "description", "version", "url")
#: Documents per page of the index and of a facet's page: no page grows with the edition.
PAGE_SIZE = 500
#: The facets of the index, in the order shown: (key, heading). "person",
#: "organization" and "place" are the register's entries.
FACETS = (("person", "Persons"), ("place", "Places"), ("organization", "Organizations"),
          ("decade", "Date"), ("archive", "Archive"), ("language", "Original language"),
          ("classification", "Classification"), ("genre", "Genre"))
_ENTRY_FACET = {"persons": "person", "organizations": "organization", "places": "place"}
BROWSE_DIR = "browse"
_KINDS = (
    # (list element, entry element, name element, section id, heading)
    ("listPerson", "person", "persName", "persons", "Persons"),
    ("listOrg", "org", "orgName", "organizations", "Organizations"),
    ("listPlace", "place", "placeName", "places", "Places"),
)


def edition_metadata(path: Path | None, source_dir: Path) -> dict:
    """The edition's title etc. from ``edition.toml`` in the source folder (all keys optional).

    Keys: ``title``, ``publisher``, ``licence``, ``description``, ``version``
    (the release, shown on every page and in every citation) and ``url``
    (where the site is published, for absolute addresses in citations), all
    strings.
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


def build_date() -> str:
    """The build's date (UTC, ISO); ``SOURCE_DATE_EPOCH`` fixes it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = int(epoch) if epoch.isdigit() else time.time()
    return time.strftime("%Y-%m-%d", time.gmtime(seconds))


def release_line(edition: dict) -> str:
    """"Version 1.2, built 2026-12-02.": on every page."""
    version = edition.get("version")
    return (f"Version {version}, built {edition['built']}." if version else f"Built {edition['built']}.")


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


def site_header(edition: dict, current: str, up: str = "", tag: str = "header") -> etree._Element:
    """The edition's title and navigation, as every page has them; ``up`` leads to the site's top.

    On a document page (``tag`` "nav") it is the navigation alone, with the title in it:
    the page's masthead is its banner."""
    nav = _el("nav", {"class": "site", "aria-label": "Edition"})
    for href, label in ((INDEX_PAGE, "Documents"), (f"{BROWSE_DIR}/index.html", "Browse"),
                        (REGISTER_PAGE, "Register"), (SEARCH_PAGE, "Search"), (CORPUS_FILE, "TEI corpus")):
        nav.append(_el("a", {"href": up + href, "aria-current": "page" if href == current else None}, label))
    brand = _el("a", {"class": "brand", "href": up + INDEX_PAGE}, edition["title"])
    if tag == "nav":
        nav.set("class", "site bar")
        nav.insert(0, brand)
        return nav
    return _el(tag, {"class": "site"}, brand, nav)


def breadcrumb(crumbs: list[tuple[str | None, str]]) -> etree._Element:
    """``Edition › Documents › 1960s › this page``: ``(href, label)``, the last one the page itself."""
    items = _el("ol")
    for n, (href, label) in enumerate(crumbs):
        last = n == len(crumbs) - 1
        items.append(_el("li", {"aria-current": "page" if last else None},
                         label if last or href is None else _el("a", {"href": href}, label)))
    return _el("nav", {"class": "breadcrumb", "aria-label": "Breadcrumb"}, items)


def _footer(edition: dict) -> etree._Element:
    return _el("footer", {"class": "site"}, release_line(edition) + f" Made with teikit {__version__}. "
               + (edition.get("licence") and f"Licence: {edition['licence']}." or ""))


def _page(title: str, edition: dict, current: str, *content, scripts: tuple = (), up: str = "",
          crumbs: list | None = None) -> bytes:
    head = _el(
        "head", None,
        _el("meta", {"charset": "utf-8"}),
        _el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        _el("title", None, f"{title} · {edition['title']}" if title != edition["title"] else title),
        _el("style", None, assets.CSS),
    )
    trail = [(up + INDEX_PAGE, edition["title"])] + (crumbs or [])
    body = _el(
        "body", None,
        _el("a", {"class": "skip-link", "href": "#main"}, "Skip to the content"),
        site_header(edition, current, up),
        breadcrumb(trail) if len(trail) > 1 else None,
        _el("main", {"id": "main"}, *content),
        _footer(edition),
    )
    for script in scripts:
        body.append(script)
    html = _el("html", {"lang": "en"}, head, body)
    return b"<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="UTF-8") + b"\n"


def _html(element: etree._Element) -> str:
    return etree.tostring(element, method="html", encoding="unicode")


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
        {"data-n": str(number), "data-date": key},
        _el("td", {"class": "date"}, _el("time", {"datetime": date or None}, date_text or date or "undated")),
        _el("td", {"class": "title"}, _el("a", {"href": _doc_href(doc_id)}, title), links),
        _el("td", {"class": "archive"}, archive),
        _el("td", {"class": "description"}, description),
    )
    return etree.tostring(tr, method="html", encoding="UTF-8")


def index_name(number: int) -> str:
    """The file of the ``number``-th page of the index (0-based): ``index.html``, ``index-2.html``, …"""
    return INDEX_PAGE if number == 0 else f"index-{number + 1}.html"


def _pager(pages: int, current: int, name) -> etree._Element | None:
    if pages < 2:
        return None
    nav = _el("nav", {"class": "pager", "aria-label": "Pages"})
    for n in range(pages):
        link = _el("a", {"href": name(n), "aria-current": "page" if n == current else None}, str(n + 1))
        link.tail = " "
        nav.append(link)
    return nav


def _facet_nav(facets: list[tuple[str, str, list[tuple[str, str, int]]]], up: str = "") -> etree._Element:
    """The facets as plain lists of links with counts (``<details>``: no script needed)."""
    block = _el("section", {"class": "facets", "aria-labelledby": "facets-h"},
                _el("h2", {"id": "facets-h"}, "Browse by"))
    for key, heading, values in facets:
        if not values:
            continue
        items = _el("ul", {"class": "facet-values"})
        for href, label, count, _ in values:
            items.append(_el("li", None, _el("a", {"href": up + href}, label), " ", _el("span", {"class": "n"}, f"({count})")))
        block.append(_el("details", {"class": "facet", "data-facet": key},
                         _el("summary", None, f"{heading} ({len(values)})"), items))
    return block


def index_page(data: PageData, edition: dict, facets: list) -> Iterator[tuple[str, bytes]]:
    """The index pages ``(file name, page)``: every document in date order, :data:`PAGE_SIZE` a page,
    sortable by column, with the facets as the way in."""
    head_row = _el("tr")
    for key, label in (("date", "Date"), ("title", "Title"), ("archive", "Archive"), ("description", "Description")):
        head_row.append(_el("th", {"scope": "col", "data-key": key,
                                   "aria-sort": "ascending" if key == "date" else None},
                            _el("button", {"type": "button"}, label)))
    count = data.count
    pages = max(1, -(-count // PAGE_SIZE))
    rows = data.docs_by_date()
    for number in range(pages):
        first = number * PAGE_SIZE
        shown = min(count, first + PAGE_SIZE) - first
        content = [
            _el("h1", None, edition["title"] + (f" (page {number + 1} of {pages})" if pages > 1 else "")),
            _el("p", {"class": "count"}, f"{count} document{'s' if count != 1 else ''}"
                + (f"; {first + 1}–{first + shown} on this page" if pages > 1 else "")
                + ". Press a column heading to sort by it."),
        ]
        if edition.get("description") and number == 0:
            content.insert(1, _el("p", None, edition["description"]))
        content.append(_el("form", {"class": "search", "action": SEARCH_PAGE, "role": "search"},
                           _el("label", {"for": "index-q"}, "Search the edition "),
                           _el("input", {"id": "index-q", "name": "q", "type": "search"})))
        if number == 0:
            content.append(_facet_nav(facets))
        content.append(_pager(pages, number, index_name))
        content.append(_el("div", {"class": "table-wrap"}, _el("table", {"class": "documents"}, _el("thead", None, head_row),
                           _el("tbody", None, etree.Comment("rows")))))
        content.append(_pager(pages, number, index_name))
        crumbs = [(None, f"Documents, page {number + 1}")] if number else []
        page = _page(edition["title"], edition, INDEX_PAGE, *content, crumbs=crumbs,
                     scripts=(_el("script", None, assets.SORT_SCRIPT),))
        before, after = page.split(b"<!--rows-->", 1)
        chunks = [before]
        # The rows are read and written one at a time, in date order.
        for n in range(shown):
            chunks.append(_index_row(first + n, next(rows)))
        chunks.append(after)
        yield index_name(number), b"".join(chunks)


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
            # The register may say how an entry sorts: @sortKey, else a surname element.
            sort = (entry.get("sortKey") or (elements[0].get("sortKey") if elements else None)
                    or " ".join(" ".join(x.itertext()) for x in entry.xpath(f"t:{name_name}[1]/t:surname", namespaces=ns)))
            note = entry.xpath("t:note", namespaces=ns)
            entries.append({
                "id": entry.get(f"{{{XML_NS}}}id"), "kind": section, "name": names[0],
                "variants": list(dict.fromkeys(n for n in names[1:] if n != names[0])),
                "wikidata": wikidata[0].strip() if wikidata else "",
                "note": " ".join("".join(note[0].itertext()).split()) if note else "",
                "sort": " ".join((sort or "").split()),
            })
    return entries


#: Documents listed under a register entry; the entry's own page lists them all, so the
#: register's size grows with its entries, not with the edition's documents.
REGISTER_LIST = 10


def _mention_list(data: PageData, entry_id: str, everything: str | None, up: str = "") -> bytes:
    """The first documents mentioning one entry, by date: each links to its first mention, with the count;
    then a link to ``everything``, the entry's page of all its documents."""
    out = ['<ul class="mentions">']
    rows = data.mentions(entry_id)
    for n, (doc_id, title, when, count, label, anchor) in enumerate(rows):
        if n == REGISTER_LIST:
            if everything:
                out.append(f'<li><a class="all" href="{escape(up + everything)}">All documents that mention it</a></li>')
            else:
                out.append("<li>…</li>")
            break
        href = up + _doc_href(doc_id) + (f"#{anchor}" if anchor else "")
        named = f' title="first mention: {escape(label)}"' if label else ""
        out.append(f'<li><a class="mention" href="{escape(href)}"{named}>{escape(title)}</a>'
                   f'{f" ({escape(when)})" if when else ""}, {count} mention{"s" if count != 1 else ""}</li>')
    out.append("</ul>")
    return "".join(out).encode("utf-8")


def _entry_block(entry: dict, totals: tuple[int, int, str] | None, listed: list) -> etree._Element:
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
                     f"document{'s' if docs != 1 else ''} (each title links to its first mention in "
                     "the document):"))
    # A placeholder, replaced by the list of documents as the page is written.
    block.append(etree.Comment(f"mentions:{len(listed)}"))
    facet = _ENTRY_FACET.get(entry.get("kind", ""))
    listed.append((entry["id"], facet_href(facet, entry["id"]) if facet else None))
    return block


def sort_key(entry: dict) -> tuple[str, str]:
    """Where an entry sorts in the register and the facets: by the register's sort key or
    surname if it gives one, else persons by :func:`surname_first`, the others by name."""
    name = entry["name"]
    key = entry.get("sort") or (surname_first(name) if entry.get("kind") == "persons" else name)
    folded = unicodedata.normalize("NFKD", key.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)), entry["id"]


#: Entries on one page of the register: a page holds one initial of one kind
#: of entry, and a busy initial goes on over further pages, so no page grows
#: with the edition.
REGISTER_PAGE_ENTRIES = 150
REGISTER_DIR = "register"
_UNREGISTERED = ("unregistered", "Not in the register")


def _initial(entry: dict) -> tuple[str, str]:
    """``(part of a file name, label)`` of the letter an entry is filed under."""
    first = (sort_key(entry)[0][:1] or "?")
    if first.isascii() and first.isalnum():
        return first, first.upper()
    return (f"u{ord(first):x}", first.upper()) if first.isalnum() else ("other", "Other")


def register_layout(entries: list[dict], mentioned: list[str]) -> list[dict]:
    """The register's pages, in order: each ``{"file", "section", "heading", "label", "entries"}``.

    Persons, organizations and places, each by initial (:func:`_initial`)
    in :func:`sort_key` order, :data:`REGISTER_PAGE_ENTRIES` a page; then
    the entries the documents name but the register lacks (``mentioned``
    ids not among ``entries``), so that no link is dead.
    """
    pages = []
    known = {e["id"] for e in entries}
    groups = [(section, heading, sorted((e for e in entries if e["kind"] == section), key=sort_key))
              for _, _, _, section, heading in _KINDS]
    groups.append((*_UNREGISTERED, [{"id": i, "name": i, "kind": ""} for i in mentioned if i not in known]))
    for section, heading, group in groups:
        by_initial: dict[tuple[str, str], list] = {}
        for entry in group:
            by_initial.setdefault(("", "") if section == _UNREGISTERED[0] else _initial(entry), []).append(entry)
        for (slug, label), members in by_initial.items():
            for n in range(0, len(members), REGISTER_PAGE_ENTRIES):
                part = n // REGISTER_PAGE_ENTRIES
                stem = section + (f"-{slug}" if slug else "") + (f"-{part + 1}" if part else "")
                pages.append({"file": f"{REGISTER_DIR}/{stem}.html", "section": section, "heading": heading,
                              "label": label + (f" ({part + 1})" if part else ""),
                              "entries": members[n:n + REGISTER_PAGE_ENTRIES]})
    return pages


def register_targets(layout: list[dict]) -> dict[str, str]:
    """Each entry id's page of the register (from the site's top): where its links go."""
    return {entry["id"]: page["file"] for page in layout for entry in page["entries"]}


def _register_nav(layout: list[dict], section: str, current: str, up: str) -> etree._Element:
    links = _el("p", {"class": "initials"})
    for page in layout:
        if page["section"] == section:
            links.append(_el("a", {"href": up + page["file"], "aria-current": "page" if page["file"] == current else None},
                             page["label"] or page["heading"]))
            links[-1].tail = " "
    return _el("nav", {"class": "initials", "aria-label": "Initials"}, links)


#: The register's overview follows a link to ``register.html#id`` (the
#: address of an entry before the register was split) to the entry's page.
_REGISTER_REDIRECT = """(function () {
  var id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  window.TEIKIT_REGISTER = function (pages) {
    if (Object.prototype.hasOwnProperty.call(pages, id)) location.replace(pages[id] + "#" + encodeURIComponent(id));
  };
  var tag = document.createElement("script");
  tag.src = "register/ids.js";
  document.head.appendChild(tag);
})();"""


def register_pages(entries: list[dict], data: PageData, edition: dict, layout: list[dict]) -> Iterator[tuple[str, object]]:
    """``(file, content)`` of the register: the overview ``register.html`` (each kind of entry with
    its initials and counts), one page per initial of each kind (see :func:`register_layout`), and
    ``register/ids.js``, the map the overview uses to forward an old ``register.html#id`` link."""
    mentioned = data.entries()
    totals = {entry_id: data.totals(entry_id) for entry_id in mentioned}
    content = [_el("h1", None, "Register"),
               _el("p", None, "Persons, organizations and places named in the documents, each filed under its "
                   "initial (persons by surname), with the documents that mention it.")]
    sections = []
    for page in layout:
        if not sections or sections[-1][0] != page["section"]:
            sections.append((page["section"], page["heading"], []))
        sections[-1][2].append(page)
    for section, heading, pages in sections:
        count = sum(len(p["entries"]) for p in pages)
        part = _el("section", {"id": section, "aria-labelledby": f"{section}-h"},
                   _el("h2", {"id": f"{section}-h"}, f"{heading} ({count})"))
        items = _el("ul", {"class": "initials"})
        for page in pages:
            items.append(_el("li", None, _el("a", {"href": page["file"]}, page["label"] or heading), " ",
                             _el("span", {"class": "n"}, f"({len(page['entries'])})")))
        part.append(items)
        content.append(part)
    yield REGISTER_PAGE, _page("Register", edition, REGISTER_PAGE, *content, crumbs=[(None, "Register")],
                               scripts=(_el("script", None, _REGISTER_REDIRECT),))
    yield f"{REGISTER_DIR}/ids.js", f"TEIKIT_REGISTER({search._json(register_targets(layout))});\n".encode("utf-8")
    up = "../"
    for page in layout:
        listed: list[tuple[str, str | None]] = []
        title = f"Register: {page['heading']}" + (f", {page['label']}" if page["label"] else "")
        part = _el("section", {"aria-labelledby": "entries-h"}, _el("h2", {"id": "entries-h", "class": "visually-hidden"},
                                                                     "Entries"))
        for entry in page["entries"]:
            part.append(_entry_block(entry if entry.get("kind") else {**entry, "name": (totals.get(entry["id"]) or
                                                                                        (0, 0, ""))[2] or entry["id"]},
                                     totals.get(entry["id"]), listed))
        content = [_el("h1", None, title), _register_nav(layout, page["section"], page["file"], up), part]
        html = _page(title, edition, "", *content, up=up,
                     crumbs=[(up + REGISTER_PAGE, "Register"), (None, title.split(": ", 1)[1])])
        # The mention lists are the bulk of a page: each is read from the
        # scratch database and written as the page is, never all held at once.
        yield page["file"], [_mention_list(data, *listed[int(piece)], up=up) if i % 2 else piece
                             for i, piece in enumerate(re.split(rb"<!--mentions:(\d+)-->", html))]


# ---------------------------------------------------------------- search

def search_page(edition: dict) -> bytes:
    """``search.html``; the index is ``search-index.js`` and the files it names (see :mod:`.search`)."""
    form = _el("form", {"class": "search", "id": "search-form", "role": "search"},
               _el("label", {"for": "q"}, "Search the documents "),
               _el("input", {"id": "q", "name": "q", "type": "search", "autocomplete": "off", "autofocus": "autofocus"}))
    content = [
        _el("h1", None, "Search"),
        form,
        _el("p", {"class": "muted"}, "All words must occur in one paragraph; the last word may be the start of a "
            "word; put a phrase in quotation marks (\"socialist camp\"). Case and accents do not matter."),
        _el("p", {"id": "status", "class": "muted", "role": "status", "aria-live": "polite"},
            "Search needs JavaScript; the index is built into this site and works offline. "
            "Without it, browse the documents by person, place, date and more from the index."),
        _el("ol", {"id": "results", "class": "results"}),
        _el("button", {"type": "button", "id": "more", "hidden": "hidden"}, "More results"),
    ]
    return _page("Search", edition, SEARCH_PAGE, *content, crumbs=[(None, "Search")],
                 scripts=(_el("script", {"data-index": SEARCH_INDEX, "data-dir": search.SEARCH_DIR},
                              assets.SEARCH_SCRIPT),))


# ---------------------------------------------------------------- facets

def _slug(value: str) -> str:
    folded = unicodedata.normalize("NFKD", value.casefold())
    slug = re.sub(r"[^a-z0-9]+", "-", "".join(c for c in folded if not unicodedata.combining(c))).strip("-")[:60]
    if slug == value:
        return slug  # "1960s": already a plain name
    # The digest keeps values apart that fold alike ("Secret", "secret") and names the non-Latin ones.
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:6]
    return f"{slug}-{digest}" if slug else digest


def facet_href(facet: str, value: str, number: int = 0) -> str:
    """A facet value's page, from the site's top: ``browse/person/per-x.html``, ``browse/genre/memo-1a2b3c.html``.

    A register entry's page is named by its id, so its address stays as long as the entry does.
    """
    name = value if facet in _ENTRY_FACET.values() else _slug(value)
    return f"{BROWSE_DIR}/{facet}/{name}{f'-{number + 1}' if number else ''}.html"


def facet_lists(data: PageData, entries: list[dict]) -> list[tuple[str, str, list[tuple[str, str, int, str]]]]:
    """Each facet's ``(key, heading, [(href, label, documents, value), ...])``; entries in register order, dates by decade."""
    counts = data.entry_counts()
    by_kind: dict[str, list] = {facet: [] for facet in _ENTRY_FACET.values()}
    for entry in sorted(entries, key=sort_key):
        if entry["id"] in counts:
            label = surname_first(entry["name"]) if entry["kind"] == "persons" else entry["name"]
            by_kind[_ENTRY_FACET[entry["kind"]]].append((facet_href(_ENTRY_FACET[entry["kind"]], entry["id"]),
                                                         label, counts[entry["id"]], entry["id"]))
    out = []
    for key, heading in FACETS:
        if key in by_kind:
            out.append((key, heading, by_kind[key]))
        else:
            out.append((key, heading, [(facet_href(key, value), value, n, value) for value, n in data.facet_values(key)]))
    return out


def facet_pages(data: PageData, edition: dict, facets: list, register: dict[str, str] | None = None
                ) -> Iterator[tuple[str, bytes]]:
    """``browse/index.html`` (every facet in full) and one page per facet value (paged), each a plain list."""
    content = [_el("h1", None, "Browse the documents"), _facet_nav(facets, "../")]
    for details in content[1].iter("details"):
        details.set("open", "open")
    yield f"{BROWSE_DIR}/index.html", _page("Browse", edition, f"{BROWSE_DIR}/index.html", *content, up="../",
                                            crumbs=[(None, "Browse")])
    for key, heading, values in facets:
        for href, label, count, value in values:
            pages = max(1, -(-count // PAGE_SIZE))
            rows = data.facet_docs("entry" if key in _ENTRY_FACET.values() else key, value)
            for number in range(pages):
                items = _el("ol", {"class": "facet-docs", "start": str(number * PAGE_SIZE + 1)})
                for _ in range(min(PAGE_SIZE, count - number * PAGE_SIZE)):
                    row = next(rows, None)
                    if row is None:
                        break
                    doc_id, title, when, description, anchor = row
                    href = "../../" + _doc_href(doc_id) + (f"#{anchor}" if anchor else "")
                    items.append(_el("li", None, _el("a", {"href": href}, title),
                                     f" — {when}" if when else None))
                own = facet_href(key, value, number)
                name = lambda n, key=key, value=value: facet_href(key, value, n).rsplit("/", 1)[1]
                content = [_el("h1", None, f"{heading}: {label}"),
                           _el("p", {"class": "count"}, f"{count} document{'s' if count != 1 else ''}, by date."),
                           _pager(pages, number, name), items, _pager(pages, number, name)]
                if key in _ENTRY_FACET.values():
                    entry_page = (register or {}).get(value, REGISTER_PAGE)
                    content.insert(2, _el("p", None, _el("a", {"href": f"../../{entry_page}#{value}"},
                                                         "The register's entry")))
                yield own, _page(f"{heading}: {label}", edition, "", *content, up="../../",
                                 crumbs=[("../index.html", "Browse"), (None, f"{heading}: {label}")])


# ---------------------------------------------------------------- document pages

def _citation(doc_id: str, record: dict, edition: dict, has_pdf: bool) -> Citation:
    base = edition.get("url", "").rstrip("/")
    href = _doc_href(doc_id)
    pdf = OUTPUTS["pdf"].format(id=doc_id)
    return Citation.from_record(
        doc_id, record, url=f"{base}/{href}" if base else href,
        pdf_url=(f"{base}/{pdf}" if base else pdf) if has_pdf else "", edition=edition["title"],
        publisher=edition.get("publisher", ""), version=edition.get("version", ""), year=edition["built"][:4])


def _cite_block(citation: Citation, doc_id: str, absolute: bool) -> etree._Element:
    files = _el("p", None, "Download the citation: ")
    for n, (key, label) in enumerate((("ris", "RIS"), ("bib", "BibTeX"), ("csl", "CSL-JSON"))):
        if n:
            files.append(_el("span", None, ", "))
        files.append(_el("a", {"href": "../" + CITE_FILES[key].format(id=doc_id), "download": "",
                               "data-format": key}, label))
    return _el(
        "section", {"class": "tk-cite", "id": "cite", "aria-labelledby": "cite-h",
                    "data-absolute": "yes" if absolute else None},
        _el("h2", {"id": "cite-h"}, "Cite this document"),
        _el("p", {"class": "cite-target", "aria-live": "polite"}, "The whole document."),
        _el("p", None, _el("strong", None, "Chicago: "), _el("span", {"class": "cite-text", "data-style": "chicago",
                                                                      "data-url": citation.url}, citation.chicago())),
        _el("p", None, _el("strong", None, "MLA: "), _el("span", {"class": "cite-text", "data-style": "mla",
                                                                  "data-url": citation.mla_url()}, citation.mla())),
        files,
        _el("p", {"class": "muted"}, "Each section (§) and paragraph (¶) has a link of its own; "
            "follow it and this citation names that passage."),
    )


_REGISTER_LINK = re.compile(r'href="\.\./' + re.escape(REGISTER_PAGE) + r'#([^"]+)"')


def document_page(doc_id: str, raw: str, record: dict, edition: dict, position: int, order: list,
                  has_pdf: bool, register: dict[str, str] | None = None) -> tuple[bytes, Citation]:
    """The worker's page of one document in the site's frame: meta tags for citation, the
    edition's navigation, breadcrumb, previous and next document, the cite block, the release.
    ``register`` maps entry ids to their page of the register (:func:`register_targets`):
    the worker links names to ``register.html#id``, and each link goes to the entry's page."""
    citation = _citation(doc_id, record, edition, has_pdf)
    head = citation.meta_html()
    if edition.get("url"):
        head += _html(_el("link", {"rel": "canonical", "href": citation.url}))
    head += _html(_el("style", None, assets.DOC_CSS))
    up = "../"
    number = position // PAGE_SIZE
    crumbs = [(up + INDEX_PAGE, edition["title"]), (up + index_name(number), "Documents")]
    if record["date"][:3].isdigit():
        decade = record["date"][:3] + "0s"
        crumbs.append((up + facet_href("decade", decade), decade))
    crumbs.append((None, record["title"]))
    docnav = _el("nav", {"class": "docnav", "aria-label": "Previous and next document"})
    if position > 0:
        prev_id, prev_title = order[position - 1]
        docnav.append(_el("a", {"rel": "prev", "href": f"{prev_id}.html"}, "← Previous: ", _el("span", None, prev_title)))
    docnav.append(_el("span", {"class": "position"}, f"Document {position + 1} of {len(order)}"))
    if position + 1 < len(order):
        next_id, next_title = order[position + 1]
        docnav.append(_el("a", {"rel": "next", "href": f"{next_id}.html"}, "Next: ", _el("span", None, next_title), " →"))
    top = _html(site_header(edition, "", up, "nav")) + _html(breadcrumb(crumbs)) + _html(docnav)
    # The same links again after the text, as a landmark of its own name.
    docnav.set("aria-label", "Previous and next document, after the text")
    bottom = (_html(_cite_block(citation, doc_id, bool(edition.get("url")))) + _html(docnav)
              + _html(_el("p", {"class": "release"}, release_line(edition) + " This address stays the same in later "
                          "releases of the edition.")))
    page = raw.replace("</head>", head + "</head>", 1)
    if register:
        page = _REGISTER_LINK.sub(lambda m: f'href="../{register.get(m.group(1), REGISTER_PAGE)}#{m.group(1)}"', page)
    # The page marks where the frame goes; a page without the marks gets it
    # at the start and the end of its body.
    if "<!--tk:site-top-->" not in page:
        page = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "<!--tk:site-top-->", page, count=1)
    if "<!--tk:site-bottom-->" not in page:
        page = page.replace("</body>", "<!--tk:site-bottom--></body>", 1)
    page = page.replace("<!--tk:site-top-->", top, 1).replace("<!--tk:site-bottom-->", bottom, 1)
    page = page.replace("</body>", f"<script>{assets.DOC_SCRIPT}</script></body>", 1)
    return page.encode("utf-8"), citation


def document_pages(site: Path, data: PageData, docs: dict[str, dict], edition: dict,
                   register: dict[str, str] | None = None) -> list[Path]:
    """Write every document's page (``documents/ID.html``) and citation files; returns the paths."""
    order = [(row[0], row[2]) for row in data.docs_by_date()]
    written = []
    for position, (doc_id, _) in enumerate(order):
        record = read_record(site, doc_id)
        raw = (site / OUTPUTS["page"].format(id=doc_id)).read_text(encoding="utf-8")
        has_pdf = OUTPUTS["pdf"].format(id=doc_id) in docs[doc_id].get("outputs", ())
        page, citation = document_page(doc_id, raw, record, edition, position, order, has_pdf, register)
        for rel, data_bytes in ((OUTPUTS["html"].format(id=doc_id), page),
                                (CITE_FILES["ris"].format(id=doc_id), citation.ris().encode("utf-8")),
                                (CITE_FILES["bib"].format(id=doc_id), citation.bibtex().encode("utf-8")),
                                (CITE_FILES["csl"].format(id=doc_id), citation.csl_json().encode("utf-8"))):
            written.append(site / rel)
            write_new(written[-1], data_bytes)
    return written


# ---------------------------------------------------------------- releases

RELEASES_FILE = "releases.json"


def _read_releases(previous: Path | None) -> dict:
    if previous is None:
        return {}
    try:
        data = json.loads((previous / RELEASES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def release_pages(site: Path, docs: dict[str, dict], edition: dict, previous: Path | None) -> list[Path]:
    """``releases.json`` (each document id with the release it first appeared in; the ids
    removed since, with the release that removed them) and a page at each removed document's
    address saying so, so that no address of an earlier release breaks."""
    old = _read_releases(previous)
    version = edition.get("version", "")
    seen = {k: v for k, v in (old.get("documents") or {}).items() if isinstance(v, dict)}
    retired = {k: v for k, v in (old.get("retired") or {}).items() if isinstance(v, dict) and k not in docs}
    for doc_id in seen:
        if doc_id not in docs and doc_id not in retired:
            retired[doc_id] = {"version": version, "built": edition["built"]}
    documents = {doc_id: seen.get(doc_id) or {"version": version, "built": edition["built"]} for doc_id in sorted(docs)}
    written = [site / RELEASES_FILE]
    write_new(written[-1], (json.dumps({"documents": documents, "retired": dict(sorted(retired.items()))},
                                       ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    for doc_id, when in sorted(retired.items()):
        if not re.fullmatch(r"[\w.-]+", doc_id):
            continue  # not an id this site could have published
        since = f"version {when['version']}" if when.get("version") else f"the build of {when.get('built', '')}"
        content = [_el("h1", None, "This document is not in this release of the edition"),
                   _el("p", None, f"The document {doc_id} is not in the edition since {since}. If it was renamed, search "
                       "for its title, or find it by date or name in the index."),
                   _el("p", None, _el("a", {"href": "../" + INDEX_PAGE}, "The index"), " · ",
                       _el("a", {"href": "../" + SEARCH_PAGE}, "Search"))]
        written.append(site / OUTPUTS["html"].format(id=doc_id))
        write_new(written[-1], _page("Removed document", edition, "", *content, up="../",
                                     crumbs=[(None, "Removed document")]))
    return written


# ---------------------------------------------------------------- all of it

def write_site_pages(site: Path, docs: dict[str, dict], register: Path | None, edition: dict,
                     built: str | None = None, previous: Path | None = None) -> list[Path]:
    """Write the document pages, index, facets, register, search and edition.xml for the built documents ``docs``.

    ``docs`` maps each built document's id to its manifest entry; its record
    is read from the file its worker wrote in ``site``. ``register`` is the
    register's TEI file; it is also published as ``tei/register.xml``, where
    the documents' ``register.xml#…`` references resolve. ``built`` is the
    build's date (default: today, see :func:`build_date`); ``previous`` is
    the site this one replaces, whose documents keep an address (see
    :func:`release_pages`). Returns the paths written.
    """
    edition = {**edition, "built": built or build_date()}
    written = []
    if register is not None and register.resolve() != (site / REGISTER_FILE).resolve():
        written.append(site / REGISTER_FILE)
        write_new(written[-1], register.read_bytes())
    entries = read_register(register)
    data = PageData(site, docs)
    try:
        layout = register_layout(entries, data.entries())
        targets = register_targets(layout)
        written.extend(document_pages(site, data, docs, edition, targets))
        written.extend(release_pages(site, docs, edition, previous))
        facets = facet_lists(data, entries)
        for name, page in index_page(data, edition, facets):
            written.append(site / name)
            write_new(written[-1], page)
        for name, page in facet_pages(data, edition, facets, targets):
            written.append(site / name)
            write_new(written[-1], page)
        for name, content in register_pages(entries, data, edition, layout):
            written.append(site / name)
            write_new(written[-1], content)
        written.append(site / SEARCH_PAGE)
        write_new(written[-1], search_page(edition))
        for name, content in search.write_index(site, data):
            written.append(site / name)
            write_new(written[-1], content)
    finally:
        data.close()
    written.append(site / CORPUS_FILE)
    corpus.write_corpus(written[-1], edition, register,
                        [site / OUTPUTS["fragment"].format(id=d) for d in sorted(docs)])
    return written
