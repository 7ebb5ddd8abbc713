"""Bad input: one line naming file and line, exit 1, no traceback, no output left."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from teikit.cli import main
from teikit.convert import convert_text
from teikit.errors import TeikitError

BAD = {
    "latin1.txt": (b"Secret\nCopy N\xba 2\n", 2, "not UTF-8"),
    "nul.txt": (b"Secret\n\nThe text\x00 goes on.\n", 3, "NUL"),
    "control.txt": (b"Secret\nA bell \x07 rings.\n", 2, "U+0007"),
    "empty.txt": (b"", 1, "empty"),
    "blank.txt": (b"\xc2\xa0\n   \n\n", 1, "empty"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_cli_refuses_bad_input(name, tmp_path):
    data, line, words = BAD[name]
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{source}:{line}: ") and words in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_existing_output_is_untouched_on_error(tmp_path):
    source = tmp_path / "bad.txt"
    source.write_bytes(b"\xff\xfe")
    out = tmp_path / "out.xml"
    out.write_text("previous")
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 1 and out.read_text() == "previous"


def test_missing_file(tmp_path):
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_strict_turns_bracket_warnings_into_errors(tmp_path):
    source = tmp_path / "doc.txt"
    source.write_text("Secret\n\nHe said [handwritten: that it was over.\n\nThe end.\n", encoding="utf-8")
    (tmp_path / "doc.meta.toml").write_text('title = "A test"\n', encoding="utf-8")
    out = tmp_path / "doc.xml"
    lax = CliRunner().invoke(main, ["convert", str(source), "-o", str(out)])
    assert lax.exit_code == 0 and f"{source}:3: warning: unclosed bracket" in lax.stderr
    out.unlink()
    strict = CliRunner().invoke(main, ["convert", str(source), "-o", str(out), "--strict"])
    assert strict.exit_code == 1 and strict.stderr.strip() == f"{source}:3: unclosed bracket at column 9; kept as text"
    assert not out.exists()


def test_library_raises_teikit_error_with_line():
    with pytest.raises(TeikitError) as caught:
        convert_text("fine\nnot \x1b fine\n", "x.txt")
    assert (caught.value.path, caught.value.line) == ("x.txt", 2)


def test_bom_and_crlf_are_normalized():
    conversion = convert_text("\ufeffSecret\r\n\r\nThe text.\rMore.\r\n", metadata={})
    from teikit.export import export_text

    assert export_text(conversion.tree) == "Secret\nThe text.\nMore.\n"


def test_bad_sidecar_names_file_and_line(tmp_path):
    source = tmp_path / "doc.txt"
    source.write_text("The text.\n", encoding="utf-8")
    (tmp_path / "doc.meta.toml").write_text('title = "A"\ndate = \n', encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source)])
    assert result.exit_code == 1 and result.stderr.startswith(f"{tmp_path / 'doc.meta.toml'}:2: not valid TOML")


def test_unknown_sidecar_key(tmp_path):
    meta = tmp_path / "m.toml"
    meta.write_text('titel = "A"\n', encoding="utf-8")
    source = tmp_path / "doc.txt"
    source.write_text("The text.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "--meta", str(meta)])
    assert result.exit_code == 1 and "unknown key 'titel'" in result.stderr


def test_deep_bracket_nesting_is_refused_at_its_line(tmp_path):
    source = tmp_path / "deep.txt"
    source.write_text("Memo\n\n" + "[" * 5000 + "x" + "]" * 5000 + "\n", encoding="utf-8")
    out = tmp_path / "deep.xml"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 1 and result.stderr.startswith(f"{source}:3: brackets nested deeper than")
    assert not out.exists()


def test_nesting_within_the_limit_converts():
    from teikit.export import export_text

    text = "He said " + "[" * 20 + "x" + "]" * 20 + " and left.\n"
    assert export_text(convert_text(text, metadata={}).tree) == text


def test_document_id_never_clashes_with_header_ids():
    for name in ("translator.txt", "mark-1.txt", "1969-memo.txt"):
        root = convert_text("The talks failed. [Translator’s note: the previous sentence was highlighted]\n", name,
                            metadata={}).tree.getroot()
        ids = root.xpath("//@xml:id")
        assert len(ids) == len(set(ids)) and root.get("{http://www.w3.org/XML/1998/namespace}id").startswith("doc-"), name


def test_sidecar_date_must_be_iso(tmp_path):
    source = tmp_path / "doc.txt"
    source.write_text("The text.\n", encoding="utf-8")
    (tmp_path / "doc.meta.toml").write_text('date = "9 June 1969"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "doc.xml")])
    assert result.exit_code == 1 and result.stderr.startswith(f"{tmp_path / 'doc.meta.toml'}: 'date' must be an ISO date")
    assert not (tmp_path / "doc.xml").exists()


def test_fifo_is_refused_without_opening_it(tmp_path):
    import os

    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    result = CliRunner().invoke(main, ["convert", str(fifo)])
    assert result.exit_code == 1 and result.stderr.startswith(f"{fifo}: ")
