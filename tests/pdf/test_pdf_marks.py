"""The reader's marks are drawn beside the lines they mark, across page breaks."""

from __future__ import annotations

import pytest

from pdf_checks import CONTRACT, mark_positions, need_poppler, word_boxes
from teikit.xmlparse import parse_bytes, parse_file

FILLER = ("The foreign policy orientation of the Worker’s Party of Korea has repeatedly undergone "
          "substantial changes in the last decade, and the inconsistency of its course is plain. ")


def _page_break_document() -> bytes:
    """Seven paragraphs, then a marked one long enough to run onto page 2."""
    before = "".join(f"<p>{FILLER * 3}</p>" for _ in range(7))
    marked = (f'<p><hi rend="margin-line" xml:id="m1">Markstart {FILLER * 6}'
              f'<hi rend="margin-query" cert="low" xml:id="m2">Queryhere {FILLER}</hi> {FILLER * 2}'
              f'Markend</hi> <note type="translator" target="#m1">the paragraph was marked</note></p>')
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>{before}{marked}<p>Afterwards.</p>'
            f"</body></text></TEI>").encode()


def _word(boxes, word):
    found = [b for b in boxes if b[1].startswith(word)]
    assert len(found) == 1, (word, found)
    return found[0]


def _covers(span, box) -> bool:
    middle = (box[2] + box[3]) / 2
    return span["page"] == box[0] and span["top"] <= middle <= span["bottom"]


@pytest.fixture(scope="module")
def page_break(renderer, tmp_path_factory):
    tree = parse_bytes(_page_break_document(), "marks.xml")
    path = tmp_path_factory.mktemp("marks") / "marks.pdf"
    path.write_bytes(renderer.render(tree))
    return mark_positions(renderer, tree), path


def test_a_mark_continues_on_the_next_page(page_break):
    need_poppler()
    spans, path = page_break
    boxes = word_boxes(path)
    m1 = [s for s in spans if s["id"] == "m1"]
    assert [s["page"] for s in m1] == [1, 2]
    assert _covers(m1[0], _word(boxes, "Markstart"))
    assert _covers(m1[1], _word(boxes, "Markend"))
    # it starts at its first line and stops at its last one
    start, end, after = _word(boxes, "Markstart"), _word(boxes, "Markend"), _word(boxes, "Afterwards")
    assert m1[0]["top"] > start[2] - 6 and m1[1]["bottom"] < end[3] + 6
    assert not _covers(m1[1], after)
    # on page 1 the bar runs to the last line of text, never into the footer
    last_line = max(b[3] for b in boxes if b[0] == 1 and not b[1].isdigit())
    assert m1[0]["bottom"] <= last_line + 4


def test_a_glyph_mark_sits_beside_its_first_line(page_break):
    need_poppler()
    spans, path = page_break
    (m2,) = [s for s in spans if s["id"] == "m2"]
    assert _covers(m2, _word(word_boxes(path), "Queryhere"))


def test_contract_marks_beside_their_lines(renderer, tmp_path):
    need_poppler()
    tree = parse_file(CONTRACT)
    path = tmp_path / "contract.pdf"
    path.write_bytes(renderer.render(tree))
    spans = {s["id"]: s for s in mark_positions(renderer, tree)}
    boxes = word_boxes(path)
    assert set(spans) == {f"mark-{n}" for n in range(1, 6)}
    assert _covers(spans["mark-1"], _word(boxes, "ideological"))
    assert _covers(spans["mark-1"], _word(boxes, "Peking"))
    assert not _covers(spans["mark-1"], _word(boxes, "independence"))
    assert _covers(spans["mark-3"], _word(boxes, "self-sufficiency"))
    assert _covers(spans["mark-4"], _word(boxes, "excluded"))
    assert _covers(spans["mark-5"], _word(boxes, "excluded"))
    assert not _covers(spans["mark-4"], _word(boxes, "aid"))
