"""`teikit html` pages are citable as the site's are: the same section and
paragraph ids (given in memory, never written into the input), the citation
meta tags a reference manager reads, and names linked at their first mention
in each paragraph (configurable)."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from lxml import etree, html

from html_support import CONTRACT
from teikit import XML_NS
from teikit.cli import main
from teikit.anchors import assign_ids
from teikit.site.records import RecordReader


def _page(tmp_path, *options: str):
    doc = tmp_path / "memo.xml"
    shutil.copy(CONTRACT, doc)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["html", str(doc), "-o", str(out), *options], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return doc, html.parse(str(out / "memo.html")).getroot()


def test_the_site_ids_without_touching_the_input(tmp_path):
    doc, page = _page(tmp_path)
    assert doc.read_bytes() == CONTRACT.read_bytes()
    tree = etree.parse(str(CONTRACT))
    before = set(tree.xpath("//@xml:id"))
    assert assign_ids(tree) > 0
    given = set(tree.xpath("//@xml:id")) - before
    cited = set(page.xpath("//@data-cite"))
    assert given and given <= cited
    for anchor in page.xpath("//a[@class='tk-anchor']"):
        assert anchor.get("href")[1:] in cited


def test_citation_meta_tags_from_the_header(tmp_path):
    _, page = _page(tmp_path)
    meta = {}
    for tag in page.xpath("//head/meta[@name]"):
        meta.setdefault(tag.get("name"), []).append(tag.get("content"))
    record = RecordReader().read(etree.parse(str(CONTRACT)))
    assert meta["citation_title"] == [record["title"]] == meta["DC.title"]
    assert meta["citation_public_url"] == ["memo.html"]
    if record["date"]:
        assert meta["citation_date"] == [record["date"].replace("-", "/")]
    # Nothing the page cannot know outside an edition, and no empty tag.
    assert "citation_inbook_title" not in meta and "DC.relation.ispartof" not in meta
    assert all(all(v) for v in meta.values())


_NAMES = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Names</title></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
<text><body>
<p><persName ref="register.xml#per-a">A. Ivanov</persName> met <persName ref="register.xml#per-b">B. Petrov</persName>;
<persName ref="register.xml#per-a">Ivanov</persName> spoke<note>Said <persName ref="register.xml#per-a">Ivanov</persName>.</note>.</p>
<p>Later <persName ref="register.xml#per-a">Ivanov</persName> left.</p>
</body></text></TEI>"""


def test_a_name_is_linked_at_its_first_mention_in_a_paragraph(tmp_path):
    (tmp_path / "names.xml").write_text(_NAMES, encoding="utf-8")
    result = CliRunner().invoke(main, ["html", str(tmp_path / "names.xml")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = html.parse(str(tmp_path / "names.html")).getroot()
    first, second = page.xpath("//p[@data-cite]")
    assert [a.get("href") for a in first.xpath(".//a[starts-with(@href, 'register.html#')][not(ancestor::*"
                                                "[contains(@class, 'note')])]")] == [
        "register.html#per-a", "register.html#per-b"]
    again = first.xpath(".//span[contains(concat(' ', @class, ' '), ' name-again ')]")
    # Marked up and anchored still (the register links to every mention), not a link.
    assert [(s.get("data-entry"), s.text_content()) for s in again] == [("per-a", "Ivanov")]
    assert again[0].get("id") and "name-persName" in again[0].get("class")
    # A new paragraph links the name again, and so does a note (a text of its own).
    assert second.xpath(".//a[@href='register.html#per-a']")
    assert page.xpath("//*[contains(@class, 'note')]//a[@href='register.html#per-a']")


def test_every_mention_linked_when_asked(tmp_path):
    _, first = _page(tmp_path)
    _, every = _page(tmp_path, "--link-names", "all")
    assert not every.xpath("//*[contains(concat(' ', @class, ' '), ' name-again ')]")
    linked = len(every.xpath("//a[starts-with(@href, 'register.html#')]"))
    assert linked == len(first.xpath("//a[starts-with(@href, 'register.html#')]")) + len(
        first.xpath("//span[contains(concat(' ', @class, ' '), ' name-again ')]"))


def test_unknown_link_names_value_is_refused(tmp_path):
    doc = tmp_path / "memo.xml"
    shutil.copy(CONTRACT, doc)
    result = CliRunner().invoke(main, ["html", str(doc), "--link-names", "some"])
    assert result.exit_code != 0 and "some" in result.output
