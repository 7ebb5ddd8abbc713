"""The sidecar's original-language text: encoded, aligned, valid, reported, exported back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from original_support import FIXTURES, TEI_ALL_DIR, invoke

from teikit import TEI_NS
from teikit.convert import convert_text
from teikit.convert.align import align
from teikit.convert.original import export_original
from teikit.errors import TeikitError
from teikit.export import export_text
from teikit.xmlparse import parse_file

NS = {"t": TEI_NS}
ID = "{http://www.w3.org/XML/1998/namespace}id"


def _original(path):
    return parse_file(path).getroot().findall("t:text[@type='original']/t:body/t:p", NS)


def test_russian_original_is_aligned_one_to_one(converted):
    paragraphs = _original(converted["memo-ru"])
    assert [p.get("corresp") for p in paragraphs] == ["#head1", "#p1", "#p2", "#p4", "#closer1"]
    assert not any(p.get("cert") for p in paragraphs)
    root = parse_file(converted["memo-ru"]).getroot()
    assert root.find("t:text[@type='original']", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    # The translation's text is still the first <text>, its ids as the site would give them.
    assert root.find("t:text", NS).find(".//t:p", NS).get(ID) == "p1"


def test_chinese_original_two_paragraphs_beside_one(converted):
    paragraphs = _original(converted["note-zh"])
    # The translator joined the original's third and fourth paragraphs.
    assert [p.get("corresp") for p in paragraphs] == ["#head1", "#p1", "#p2", "#p2", "#closer1"]
    assert not any(p.get("cert") for p in paragraphs)


def test_uncertain_alignment_is_marked_and_reported(tmp_path):
    result = invoke("convert", FIXTURES / "uncertain.txt", "-o", tmp_path / "u.xml", "--report", tmp_path / "r.txt")
    assert result.exit_code == 0
    assert "uncertain.ru.txt:3: warning: alignment uncertain: original o2" in result.output
    report = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert "uncertain.ru.txt:3: warning: alignment uncertain" in report and "1 uncertain" in report
    doubtful = [p for p in _original(tmp_path / "u.xml") if p.get("cert") == "low"]
    assert [p.get(ID) for p in doubtful] == ["o2"] and doubtful[0].get("resp") == "#encoder"


def test_uncertain_alignment_is_an_error_when_strict(tmp_path):
    result = invoke("convert", FIXTURES / "uncertain.txt", "-o", tmp_path / "u.xml", "--strict")
    assert result.exit_code != 0 and "uncertain.ru.txt:3: alignment uncertain" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", ["memo-ru", "note-zh", "uncertain"])
def test_valid_against_teikit_schema(converted, name):
    result = invoke("validate", converted[name])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["memo-ru", "note-zh"])
def test_valid_against_tei_all(converted, name):
    if not (TEI_ALL_DIR / "tei_all.rng").is_file():
        pytest.skip("../shared/tei/tei_all.rng is not present")
    result = invoke("validate", "--tei-all", "--tei-all-dir", TEI_ALL_DIR.resolve(), converted[name])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["memo-ru", "note-zh"])
def test_both_texts_export_exactly(converted, name, tmp_path):
    source = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    assert export_text(parse_file(converted[name])) == "".join(line + "\n" for line in source.splitlines() if line.strip())
    language = "ru" if name.endswith("ru") else "zh"
    result = invoke("text", "--original", converted[name], "-o", tmp_path / "o.txt")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == \
        (FIXTURES / f"{name}.{language}.txt").read_text(encoding="utf-8")


def test_text_original_without_one_is_refused(tmp_path):
    result = invoke("text", "--original", FIXTURES.parents[1] / "fixtures" / "contract.xml")
    assert result.exit_code != 0 and "no original-language text" in result.output


def _sidecar(tmp_path, body: str):
    (tmp_path / "d.txt").write_text("A paragraph.\n", encoding="utf-8")
    (tmp_path / "d.ru.txt").write_text("Абзац.\n", encoding="utf-8")
    (tmp_path / "d.meta.toml").write_text(body, encoding="utf-8")
    return invoke("convert", tmp_path / "d.txt", "-o", tmp_path / "d.xml")


@pytest.mark.parametrize("body, line, words", [
    ('title = "T"\n[original]\ntext = "d.ru.txt"\nlanguage = "ru"\nscript = "Cyrl"\n', 5, "unknown key 'script'"),
    ('[original]\ntext = "../d.ru.txt"\nlanguage = "ru"\n', 2, "inside the sidecar's folder"),
    ('[original]\ntext = "/etc/hostname"\nlanguage = "ru"\n', 2, "inside the sidecar's folder"),
    ('[original]\nlanguage = "ru"\n', 1, "needs text"),
    ('[original]\ntext = "d.ru.txt"\nlanguage = "Russian"\n', 3, "ISO 639"),
    ('original = "d.ru.txt"\n', 1, "must be a table"),
])
def test_bad_original_table_is_refused_with_its_line(tmp_path, body, line, words):
    result = _sidecar(tmp_path, body)
    assert result.exit_code != 0
    assert f"d.meta.toml:{line}:" in result.output and words in result.output, result.output
    assert "Traceback" not in result.output


def test_original_needs_a_language(tmp_path):
    result = _sidecar(tmp_path, '[original]\ntext = "d.ru.txt"\n')
    assert result.exit_code != 0 and "no language" in result.output


def test_aligner_prefers_numbers_shared():
    # Equal lengths everywhere: only the numbers can tell which paragraph is which.
    original = ["Встреча 1961 года была.", "Ещё одна 1975 года."]
    translation = ["A meeting of 1961.", "Another one, 1975 too."]
    beads = align(original, translation)
    assert [(b.original, b.translation) for b in beads] == [((0,), (0,)), ((1,), (1,))]
    assert not any(b.doubt for b in beads)


_LINE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Zl", "Zp")), min_size=1, max_size=30) \
    .map(str.strip).filter(bool)
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=6), st.lists(_PARAGRAPH, min_size=1, max_size=6))
def test_original_round_trips_exactly(tmp_path_factory, original, translation):
    folder = tmp_path_factory.mktemp("rt")
    text = "\n\n".join("\n".join(lines) for lines in original) + "\n"
    (folder / "o.txt").write_text(text, encoding="utf-8")
    # The translation's paragraphs are plain words: its own round trip is the converter's tests' business.
    source = "\n\n".join(" ".join(f"word{i}" for i in range(len(lines))) for lines in translation) + "\n"
    conversion = convert_text(source, "t.txt", metadata={"original": {"text": str(folder / "o.txt"), "language": "ru"}})
    assert export_original(conversion.tree) == text
    paragraphs = conversion.tree.getroot().findall("t:text[@type='original']/t:body/t:p", NS)
    assert len(paragraphs) == len(original)
    ids = set(conversion.tree.getroot().xpath("//@xml:id"))
    for p in paragraphs:
        assert all(target[1:] in ids for target in (p.get("corresp") or "").split())


def test_metadata_original_text_missing_is_refused(tmp_path):
    with pytest.raises(TeikitError) as caught:
        convert_text("A paragraph.\n", "t.txt", metadata={"original": {"text": str(tmp_path / "none.txt"), "language": "ru"}})
    assert "none.txt" in str(caught.value.path)


def test_original_through_a_link_leading_outside_is_refused(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Секрет.\n", encoding="utf-8")
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "d.ru.txt").symlink_to(outside)
    (folder / "d.txt").write_text("A paragraph.\n", encoding="utf-8")
    (folder / "d.meta.toml").write_text('[original]\ntext = "d.ru.txt"\nlanguage = "ru"\n', encoding="utf-8")
    result = invoke("convert", folder / "d.txt", "-o", tmp_path / "d.xml")
    assert result.exit_code != 0 and "d.meta.toml:2:" in result.output and "leads outside" in result.output
