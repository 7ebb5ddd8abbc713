"""`teikit convert` (and back with `teikit text`) on hostile, broken and unusual plain text.

Strict UTF-8 (a BOM is dropped), CR and CRLF normalized, NUL and control
characters refused with their line, unclosed or stray brackets warned about at
their line (errors under --strict) without losing text, and every script,
combining mark and emoji kept exactly.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from hostile_support import (
    PREVIOUS,
    assert_clean_failure,
    assert_no_traceback,
    assert_untouched,
    need,
    run,
)

from teikit.xmlparse import parse_file

REFUSED = {
    "nul.txt": 3,
    "control.txt": 2,
    "latin1.txt": 4,
    "empty.txt": 1,
}


def _lines(data: bytes) -> list[str]:
    """The source's non-blank lines as the round trip must give them back."""
    text = data.decode("utf-8")
    text = text.removeprefix("\ufeff")
    return [line.strip() for line in re.split(r"\r\n|\r|\n", text) if line.strip(" \t\u00a0")]


def _convert(workspace, name: str, *options: str):
    source = workspace.place(name)
    target = workspace.outputs / f"{source.stem}.xml"
    return source, target, run("convert", source, "-o", target, *options)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_line(workspace, listener, name):
    need("convert")
    source = workspace.place(name)
    target = workspace.outputs / f"{source.stem}.xml"
    target.write_bytes(PREVIOUS)
    result = run("convert", source, "-o", target)
    assert_clean_failure(result, 1, source, REFUSED[name])
    assert_untouched({target: PREVIOUS}, workspace.outputs)


def test_utf16_text_refused(workspace):
    need("convert")
    source = workspace.place("memo.txt", "Memo\n\nA paragraph.\n".encode("utf-16"))
    result = run("convert", source, "-o", workspace.outputs / "memo.xml")
    assert_clean_failure(result, 1, source, 1)
    assert not any(workspace.outputs.iterdir())


def test_blank_file_refused(workspace):
    need("convert")
    source = workspace.place("blank.txt")
    result = run("convert", source, "-o", workspace.outputs / "blank.xml")
    assert_clean_failure(result, 1, source)
    assert not any(workspace.outputs.iterdir())


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_missing_or_directory_input(workspace, kind):
    need("convert")
    source = workspace.inputs / "memo.txt"
    if kind == "directory":
        source.mkdir()
    result = run("convert", source, "-o", workspace.outputs / "memo.xml")
    assert result.exception is None and result.exit_code in (1, 2), result.stderr
    assert_no_traceback(result)
    assert "memo.txt" in result.stderr
    assert not any(workspace.outputs.iterdir())


def _round_trip(workspace, name: str, *options: str) -> tuple[Path, str]:
    source, target, result = _convert(workspace, name, *options)
    assert result.exception is None, repr(result.exception)
    assert result.exit_code == 0, result.stderr
    assert_no_traceback(result)
    parse_file(target)  # the hardened parser accepts what the converter wrote
    tei = target.read_text(encoding="utf-8")
    assert "\ufeff" not in tei and "\r" not in tei
    back = workspace.outputs / f"{source.stem}.back.txt"
    again = run("text", target, "-o", back)
    assert again.exit_code == 0, again.stderr
    exported = [line.strip() for line in back.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert exported == _lines(source.read_bytes())
    assert not workspace.leaks(result.stdout, result.stderr, again.stdout, again.stderr)
    return source, result.stderr


@pytest.mark.parametrize("name", ["bom.txt", "crlf.txt", "cr.txt", "scripts.txt", "xmlish.txt"])
def test_legal_text_round_trips_exactly(workspace, listener, name):
    need("convert")
    need("text")
    _round_trip(workspace, name)
    assert listener.connections == []


@pytest.mark.parametrize(("name", "line"), [("unclosed.txt", 2), ("unbalanced.txt", 3)])
def test_bracket_trouble_is_a_warning_at_its_line(workspace, name, line):
    need("convert")
    need("text")
    source, stderr = _round_trip(workspace, name)  # nothing dropped
    assert re.search(rf"{re.escape(source.name)}:{line}(:\d+)?: warning: ", stderr), stderr


@pytest.mark.parametrize(("name", "line"), [("unclosed.txt", 2), ("unbalanced.txt", 3)])
def test_bracket_trouble_is_an_error_when_strict(workspace, name, line):
    need("convert")
    # A sidecar, so that the only thing --strict can object to is the bracket.
    stem = name.removesuffix(".txt")
    workspace.place(f"{stem}.meta.toml", b'title = "Hostile sample"\n')
    source, target, result = _convert(workspace, name, "--strict")
    assert_clean_failure(result, 1, source, line)
    assert not target.exists()


def test_compressed_file_refused(workspace):
    need("convert")
    source = workspace.place("memo.txt", gzip.compress("Memo\n\nA paragraph.\n".encode() * 100))
    result = run("convert", source, "-o", workspace.outputs / "memo.xml")
    assert_clean_failure(result, 1, source, 1)
    assert not any(workspace.outputs.iterdir())


def test_deeply_nested_brackets_refused_at_their_line(workspace):
    need("convert")
    source = workspace.place("deep.txt", b"Memo\n\n" + b"[" * 20_000 + b"x" + b"]" * 20_000 + b"\n")
    result = run("convert", source, "-o", workspace.outputs / "deep.xml")
    assert_clean_failure(result, 1, source, 3)
    assert not any(workspace.outputs.iterdir())


def test_unwritable_output(workspace):
    need("convert")
    source = workspace.place("bom.txt")
    blocker = workspace.outputs / "blocker"
    blocker.write_bytes(PREVIOUS)
    result = run("convert", source, "-o", blocker / "bom.xml")
    assert result.exception is None and result.exit_code == 1, result.stderr
    assert_no_traceback(result)
    assert str(blocker / "bom.xml") in result.stderr
    assert blocker.read_bytes() == PREVIOUS


# -- the metadata sidecar (NAME.meta.toml) is input too ---------------------------

SIDECARS = {
    "not TOML": (b'title = "x"\ntitle = \n', 2),
    "not UTF-8": (b'title = "caf\xe9"\n', 1),
    "wrong type": (b"title = 5\n", None),
    "unknown key": (b'title = "x"\nnope = 1\n', None),
}


@pytest.mark.parametrize("kind", sorted(SIDECARS))
def test_bad_sidecar_refused(workspace, kind):
    need("convert")
    data, line = SIDECARS[kind]
    sidecar = workspace.place("bom.meta.toml", data)
    source = workspace.place("bom.txt")
    target = workspace.outputs / "bom.xml"
    target.write_bytes(PREVIOUS)
    result = run("convert", source, "-o", target)
    assert_clean_failure(result, 1, sidecar, line)
    assert_untouched({target: PREVIOUS}, workspace.outputs)


def test_sidecar_date_must_be_iso(workspace):
    need("convert")
    sidecar = workspace.place("bom.meta.toml", b'title = "x"\ndate = "not a date"\n')
    source = workspace.place("bom.txt")
    result = run("convert", source, "-o", workspace.outputs / "bom.xml")
    assert_clean_failure(result, 1, sidecar)


def test_sidecar_urls_never_become_live_links(workspace):
    need("convert")
    need("html")
    workspace.place(
        "bom.meta.toml",
        b'title = "x"\nsource_url = "javascript:alert(1)"\nlicence_url = " JaVaScRiPt:alert(2)"\n',
    )
    source = workspace.place("bom.txt")
    tei = workspace.outputs / "bom.xml"
    assert run("convert", source, "-o", tei).exit_code == 0
    result = run("html", tei, "-o", workspace.outputs)
    assert result.exit_code == 0, result.stderr
    page = (workspace.outputs / "bom.html").read_text(encoding="utf-8")
    for attr, value in re.findall(r'\b(href|src|action|formaction)\s*=\s*"([^"]*)"', page, re.I):
        assert "alert(" not in value, f"{attr}={value!r}"


@pytest.mark.parametrize("count", [40, 5000])
def test_any_number_of_unclosed_brackets_is_a_warning_each(tmp_path, count):
    """Unclosed brackets are warnings whatever their number; only brackets that close count as nesting."""
    from click.testing import CliRunner

    from teikit.cli import main
    from teikit.export import export_text
    from teikit.xmlparse import parse_file as parse_tei

    lines = [f"Line {n} of the stamp [illegible" for n in range(count)]
    text = "Memo\n\n" + "\n".join(lines) + "\nand the end [sic] of it.\n"
    source = tmp_path / "open.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "open.xml"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    warned = [ln for ln in result.stderr.splitlines() if "unclosed bracket" in ln]
    assert len(warned) == count
    assert warned[-1].startswith(f"{source}:3: warning: unclosed bracket at column")
    exported = export_text(parse_tei(out))
    # every bracket and every line kept as text
    assert [ln for ln in exported.splitlines() if ln] == [ln for ln in text.splitlines() if ln]
    # the one bracket that closes is still an editorial mark
    assert parse_tei(out).getroot().find(".//{*}sic") is not None or b"sic" in out.read_bytes()
