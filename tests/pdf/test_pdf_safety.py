"""Text in the TEI is typeset literally: it can never become Typst code."""

from __future__ import annotations

from pdf_checks import need_poppler, pdftotext, xmp
from teikit.xmlparse import parse_bytes

# Each of these means something to Typst in markup or code mode.
HOSTILE = [
    '#read("/etc/passwd")',
    '#import "@preview/x:0.1.0": *',
    '#include "edition.typ"',
    "$x^2$ costs $5",
    "*bold* _emph_ `raw` @label <label>",
    "] closes [ opens",
    r"back\slash \\ and \u{41}",
    "// not a comment /* nor this */",
    "= not a heading",
    "- not a list + nor this",
    "~ tilde -- dashes ... ellipsis",
    '#set page(width: 1cm) #panic("x")',
    "#{ let x = 1 } #sys.inputs",
]

TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc>
    <titleStmt><title>#title() $math$ *star*</title><author>@someone &lt;x&gt;</author></titleStmt>
    <publicationStmt><p>#read("/etc/hostname")</p></publicationStmt>
    <sourceDesc><p>none</p></sourceDesc>
  </fileDesc></teiHeader>
  <text><body>
    {paras}
    <p>A note here<note type="translator" n="1">#read("/etc/passwd") in a footnote</note>.</p>
    <p><hi rend="margin-line" xml:id="m1">#panic("mark") inside a mark</hi></p>
  </body></text>
</TEI>"""


def _document() -> bytes:
    from xml.sax.saxutils import escape

    paras = "\n".join(f"<p>{escape(line)}</p>" for line in HOSTILE)
    return TEI.replace("{paras}", paras).encode("utf-8")


def test_special_characters_print_literally(renderer, tmp_path):
    need_poppler()
    tree = parse_bytes(_document(), "hostile.xml")
    path = tmp_path / "hostile.pdf"
    path.write_bytes(renderer.render(tree, name="hostile.xml"))
    text = " ".join(pdftotext(path).split())
    for line in HOSTILE:
        assert " ".join(line.split()) in text, line
    assert '#read("/etc/passwd") in a footnote' in text
    assert '#panic("mark") inside a mark' in text
    assert "root:" not in text
    assert "#title() $math$ *star*" in text


def test_special_characters_in_the_metadata_stay_literal(renderer, tmp_path):
    tree = parse_bytes(_document(), "hostile.xml")
    path = tmp_path / "hostile.pdf"
    path.write_bytes(renderer.render(tree, name="hostile.xml"))
    meta = xmp(path)
    assert "#title() $math$ *star*" in meta
    assert "@someone &lt;x&gt;" in meta
