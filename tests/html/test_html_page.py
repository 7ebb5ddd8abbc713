"""The reading page of the contract sample: every convention rendered as documented."""

from __future__ import annotations

from collections import Counter

from lxml import etree

from html_support import NS, article, body, chunk_words, missing_words, with_class


def test_every_word_of_the_text_is_in_the_page(contract_tree, contract_page):
    text = contract_tree.getroot().find("t:text", NS)
    assert missing_words(text, body(contract_page)) == []


def test_page_is_a_complete_document(contract_html, contract_page):
    assert contract_html.startswith("<!DOCTYPE html>")
    assert contract_page.get("lang") == "en"
    assert contract_page.xpath("//meta[@charset='utf-8']")
    assert contract_page.xpath("//meta[@name='viewport']")
    assert contract_page.findtext(".//title").startswith("Soviet Embassy in North Korea")
    assert contract_page.xpath("//style")[0].text.strip(), "the CSS is inlined"
    assert "drawMarks" in contract_page.xpath("//script")[0].text, "the script is inlined"


def test_ids_are_unique(contract_page):
    ids = Counter(contract_page.xpath("//@id"))
    assert [i for i, n in ids.items() if n > 1] == []


def test_header_block(contract_page):
    (masthead,) = contract_page.xpath("//header[@class='masthead']")
    rows = {dt.text_content(): dt.getnext().text_content() for dt in masthead.iter("dt")}
    assert rows["Date"] == "9 June 1969"
    assert rows["Authors"] == "Yu. Fadeyev (First Secretary); P. Yakovlev (Attaché)"
    assert rows["Archive"] == "Archive of Foreign Policy of the Russian Federation (AVPRF)"
    assert rows["Call number"] == "fond 0102, opis 25, delo 2"
    assert "Wilson Center Digital Archive" in rows["Source"]
    assert "the translator" in rows["Translation"]
    assert "Kyungnam University" in rows["Funding"]
    assert rows["Licence"] == "CC BY-NC 4.0"
    assert masthead.xpath(".//a[@rel='license']/@href") == ["https://creativecommons.org/licenses/by-nc/4.0/"]
    assert "Suggested citation" in masthead.xpath(".//p[@class='citation']")[0].text_content()
    assert masthead.xpath(".//h1")[0].text_content().startswith("Soviet Embassy")
    links = masthead.xpath(".//nav[@class='downloads']//a/@href")
    assert links == ["contract.xml", "contract.pdf"]


def test_opener_classification_copy_and_stamp(contract_page):
    (opener,) = with_class(article(contract_page), "opener")
    assert with_class(opener, "seg-classification")[0].text_content() == "Secret"
    assert with_class(opener, "seg-copy")[0].text_content() == "Copy Nº: 2"
    (stamp,) = with_class(opener, "stamp")
    assert "stamp-cpsu-cc" in stamp.get("class")
    assert stamp.xpath(".//span[@class='num']")[0].text == "19373"
    assert stamp.xpath(".//time/@datetime") == ["1969-06-12"]
    assert stamp.xpath(".//a[@href='register.html#pla-korea']")[0].text == "Korea"
    assert len(stamp.findall(".//br")) == 2, "the stamp keeps its three lines"


def test_every_stamp_is_rendered(contract_tree, contract_page):
    stamps = contract_tree.getroot().findall(".//t:text//t:stamp", NS)
    boxes = with_class(article(contract_page), "stamp")
    assert len(boxes) == len(stamps) == 2
    for stamp, box in zip(stamps, boxes):
        assert chunk_words(stamp) == chunk_words(box)


def test_sections_and_headings(contract_page):
    text = article(contract_page)
    assert [h.text_content() for h in text.xpath(".//h2 | .//h3")] == [
        "CONCERNING CHANGES IN THE VIEWS OF THE KOREAN LEADERSHIP",
        "I.",
        "II.",
    ]
    assert len(text.xpath(".//section[contains(@class, 'div-section')]")) == 2
    assert with_class(text, "milestone")[0].text == "x x x"


def test_translator_notes_are_numbered_popovers_and_listed(contract_tree, contract_page):
    notes = contract_tree.getroot().findall(".//t:text//t:note[@type='translator']", NS)
    buttons = with_class(article(contract_page), "note-ref", "button")
    entries = contract_page.xpath("//section[@class='endnotes']//li")
    assert len(notes) == len(buttons) == len(entries) == 3
    # One popover serves all markers; the script fills it from the list.
    (popover,) = contract_page.xpath("//*[@id='tk-popover']")
    assert popover.get("hidden") is not None and popover.get("role") == "dialog"
    assert popover.get("aria-labelledby") == "tk-popover-title"
    for i, (note, button, entry) in enumerate(zip(notes, buttons, entries), start=1):
        assert button.get("aria-expanded") == "false"
        assert button.get("aria-controls") == "tk-popover"
        assert button.get("data-note") == str(i)
        assert entry.get("id") == f"tk-note-{i}"
        assert " ".join("".join(note.itertext()).split()) in " ".join(entry.text_content().split())
        targets = note.get("target").replace("#", "").split()
        assert button.get("data-targets").split() == targets
        for target in targets:
            assert contract_page.get_element_by_id(target) is not None


def test_inline_descriptions_stay_in_place_in_brackets(contract_page):
    stamp_note, handwritten = with_class(article(contract_page), "note-inline")
    assert stamp_note.text_content().startswith("[There is a stamp")
    assert stamp_note.text_content().endswith("signatures]")
    assert "note-handwritten" in handwritten.get("class")
    assert with_class(handwritten, "unclear")[0].text_content() == "N. P. Varnov?"


def test_reader_marks(contract_tree, contract_page):
    his = contract_tree.getroot().findall(".//t:hi[@hand]", NS)
    for hi in his:
        span = contract_page.get_element_by_id(hi.get("{http://www.w3.org/XML/1998/namespace}id"))
        kind = hi.get("rend").removeprefix("margin-")
        assert span.get("data-mark") == kind
        assert f"mark-{kind}" in span.get("class").split()
        assert (span.get("data-cert") == "low") == (hi.get("cert") == "low")
        assert span.get("title").startswith(("Marked in the left margin", "Highlighted in the left margin"))
        assert " ".join("".join(hi.itertext()).split()) == " ".join(span.text_content().split())
    legend = contract_page.xpath("//div[@class='legend']")[0].text_content()
    for label in ("one vertical line", "two vertical lines", "exclamation point", "uncertain"):
        assert label in legend
    assert "question mark" not in legend, "the legend lists only the marks the document has"


def test_supplied_gloss_gap_in_brackets(contract_page):
    text = article(contract_page)
    assert [s.text_content() for s in with_class(text, "supplied")] == ["[it]", "[who is]", "[ed]"]
    assert [g.text_content() for g in with_class(text, "gloss")] == [
        "[We Will Defend the Socialist Camp]",
        "[Pak Song Chol]",
    ]
    gaps = [g.text_content() for g in with_class(text, "gap")]
    assert gaps == ["[…]", "[name and date redacted]", "[signature]", "[signature]"]
    (abbr,) = text.xpath(".//abbr")
    assert abbr.text == "PTV" and abbr.get("title") == "Worker’s Party of Vietnam"


def test_corrections_have_a_switch(contract_page):
    text = article(contract_page)
    choices = with_class(text, "choice")
    published = [with_class(c, "v-published")[0].text_content() for c in choices if with_class(c, "v-published")]
    corrected = [with_class(c, "v-corrected")[0].text_content() for c in choices if with_class(c, "v-corrected")]
    assert published == ["Junes", "party"] and corrected == ["June", "partly"]
    assert contract_page.xpath("//input[@id='tk-view-corrected'][@checked]")
    assert contract_page.xpath("//input[@id='tk-view-published']")


def test_quotations_with_citations(contract_page):
    cits = with_class(article(contract_page), "cit")
    assert cits[0].xpath("./q")[0].text_content() == "“an attempt to overthrow the leadership of fraternal Parties”"
    assert cits[0].xpath("./cite[@class='bibl']//cite[@class='title title-j']")[0].text == "Rodong Sinmun"


def test_names_link_to_the_register(renderer, contract_tree, contract_page):
    hrefs = article(contract_page).xpath(".//a[contains(@class, 'name')]/@href")
    assert "register.html#per-fadeyev-yu" in hrefs
    assert "register.html#org-kwp" in hrefs
    other = etree.HTML(renderer.render(contract_tree, register_href="../register.html"))
    assert "../register.html#per-pak-seong-cheol" in other.xpath("//article//a/@href")


def test_signatures_in_the_closer(contract_page):
    (closer,) = with_class(article(contract_page), "closer")
    signed = with_class(closer, "signed")
    assert len(signed) == 2
    assert signed[0].text_content().endswith("[signature] (Yu. Fadeyev)")
    assert with_class(signed[1], "roleName")[0].text_content() == "ATTACHE OF THE SOVIETEMBASSY IN THE DPRK"


def test_no_links_to_other_formats_unless_given(renderer, contract_tree):
    page = etree.HTML(renderer.render(contract_tree))
    assert page.xpath("//nav[@class='downloads']") == []
