"""The seed document's page: every word, note, stamp and mark of the edition's document."""

from __future__ import annotations

import re
from collections import Counter

from lxml import html

from html_support import NS, SEED_TEI, SEED_TXT, article, body, chunk_words, missing_words, with_class


def test_every_word_of_the_tei_text_is_in_the_page(seed_tree, seed_html):
    page = html.document_fromstring(seed_html)
    assert missing_words(seed_tree.getroot().find("t:text", NS), body(page)) == []


def test_every_word_of_the_source_text_is_in_the_page(seed_html):
    """The published translation itself, word for word (brackets and typos included)."""
    # The bundled copy of the seed's source when ../shared is absent (a
    # test of the converter checks that the two are the same bytes).
    source_file = SEED_TXT if SEED_TXT.is_file() else SEED_TEI.with_suffix(".txt")
    source = source_file.read_text(encoding="utf-8")
    page = html.document_fromstring(seed_html)
    # The text of the page as a reader sees it with the switch on "as
    # published": the corrected readings are left out.
    for corrected in with_class(page, "v-corrected"):
        corrected.drop_tree()
    have = Counter(chunk_words(body(page)))
    want = Counter(re.findall(r"\w+", source.replace("[", " ").replace("]", " ")))
    assert sorted(w for w, n in want.items() if have[w] < n) == []


def test_every_translator_note_is_a_numbered_popover_and_listed(seed_tree, seed_html):
    page = html.document_fromstring(seed_html)
    notes = seed_tree.getroot().findall(".//t:text//t:note[@type='translator']", NS)
    assert len(notes) == 17
    buttons = with_class(article(page), "note-ref", "button")
    entries = with_class(page, "endnote", "li")
    assert len(buttons) == len(entries) == len(notes)
    for note, button, entry in zip(notes, buttons, entries):
        assert button.text_content().endswith(note.get("n"))
        assert chunk_words(note) == chunk_words(entry.xpath(".//div[@class='endnote-body']")[0])
        assert button.get("data-targets").split() == [t.lstrip("#") for t in note.get("target").split()]


def test_every_stamp_and_mark_is_rendered(seed_tree, seed_html):
    page = html.document_fromstring(seed_html)
    root = seed_tree.getroot()
    stamps = root.findall(".//t:text//t:stamp", NS)
    assert len(with_class(article(page), "stamp")) == len(stamps) == 2
    for hi in root.findall(".//t:text//t:hi[@hand]", NS):
        span = page.get_element_by_id(hi.get("{http://www.w3.org/XML/1998/namespace}id"))
        assert span.get("data-mark") == hi.get("rend").removeprefix("margin-")
    assert body(page).xpath("//dl[@class='meta']//dt[.='Classification']/following-sibling::dd[1]")[0].text == "Secret"
