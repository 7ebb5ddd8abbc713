"""Every XML-reading command (text, validate, html, pdf) on every hostile or unusual document.

Broken and hostile inputs must fail with exit status 1 and one ``path:line:
message``, leaving a pre-existing output file as it was and no new file; legal
inputs must give a correct result. In every case the secret beside the input
appears nowhere and the loopback listener sees no connection.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_support import (
    GENERATED,
    PREVIOUS,
    Run,
    Workspace,
    assert_clean_failure,
    assert_no_traceback,
    assert_untouched,
    huge_sane,
    need,
    pdf_text,
    run,
)


def _outputs(command: str, doc: Path, out: Path) -> tuple[list, list[Path]]:
    """The arguments for ``command`` on ``doc`` writing into ``out``, and the files it writes."""
    if command == "text":
        target = out / f"{doc.stem}.txt"
        return ["text", doc, "-o", target], [target]
    if command == "validate":
        return ["validate", doc], []
    if command == "html":
        return ["html", doc, "-o", out], [out / f"{doc.stem}.html"]
    if command == "pdf":
        target = out / f"{doc.stem}.pdf"
        return ["pdf", doc, "-o", target], [target]
    raise AssertionError(command)


COMMANDS = ["text", "validate", "html", "pdf"]

# Broken or hostile documents -> the line the message must name (None: any line).
REFUSED = {
    "billion_laughs.xml": 2,
    "xxe_file.xml": 2,
    "xxe_parameter.xml": 2,
    "external_dtd.xml": 2,
    "external_entity_http.xml": 2,
    "not_wellformed.xml": 12,
    "empty.xml": 1,
    "latin1_as_utf8.xml": 12,
    "nul.xml": 12,
    "control.xml": 12,
    "wrong_namespace.xml": None,
    "deep_nesting.xml": None,
    "huge_text_node.xml": None,
    "gzip_bomb.xml": 1,
}


def _place(workspace: Workspace, name: str) -> Path:
    return workspace.place(name, GENERATED[name]() if name in GENERATED else None)


def _prepare_outputs(files: list[Path]) -> dict[Path, bytes | None]:
    """Put a previous version of every output in place, to see that a failure keeps it."""
    for path in files:
        path.write_bytes(PREVIOUS)
    return {path: PREVIOUS for path in files}


def _check_no_leak(workspace: Workspace, listener, result: Run) -> None:
    assert not workspace.leaks(result.stdout, result.stderr), "the secret leaked"
    assert listener.connections == [], f"network access attempted: {listener.connections!r}"


# Known defects, kept visible until their owners fix them (see the hostile-input report).
DEFECTS: dict[tuple[str, str], str] = {}


def _cases(names):
    return [
        pytest.param(command, name, marks=pytest.mark.xfail(strict=True, reason=DEFECTS[command, name]))
        if (command, name) in DEFECTS
        else pytest.param(command, name)
        for name in sorted(names)
        for command in COMMANDS
    ]


@pytest.mark.parametrize(("command", "name"), _cases(REFUSED))
def test_refused(workspace, listener, command, name):
    need(command)
    doc = _place(workspace, name)
    args, files = _outputs(command, doc, workspace.outputs)
    before = _prepare_outputs(files)
    result = run(*args)
    assert_clean_failure(result, 1, doc, REFUSED[name])
    assert_untouched(before, workspace.outputs)
    _check_no_leak(workspace, listener, result)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_missing_or_directory_input(workspace, command, kind):
    need(command)
    doc = workspace.inputs / "document.xml"
    if kind == "directory" and command != "validate":  # validate takes folders on purpose
        doc.mkdir()
    elif kind == "directory":
        pytest.skip("validate reads the documents inside a folder")
    args, files = _outputs(command, doc, workspace.outputs)
    result = run(*args)
    assert result.exception is None, repr(result.exception)
    assert result.exit_code in (1, 2), result.stderr
    assert_no_traceback(result)
    assert "document.xml" in result.stderr
    assert not any(workspace.outputs.iterdir())


def test_html_batch_with_one_bad_document(workspace):
    """A bad document among several: exit 1, its line named, its previous page kept."""
    need("html")
    good = workspace.place("special_syntax.xml")
    bad = workspace.place("nul.xml")
    before = _prepare_outputs([workspace.outputs / "nul.html"])
    result = run("html", good, bad, "-o", workspace.outputs)
    assert_clean_failure(result, 1, bad, 12)
    assert (workspace.outputs / "nul.html").read_bytes() == PREVIOUS
    stray = [p for p in workspace.outputs.iterdir() if p.name not in {"nul.html", "special_syntax.html"}]
    assert not stray, stray


@pytest.mark.parametrize("command", ["text", "html", "pdf"])
def test_unwritable_output(workspace, command):
    need(command)
    doc = workspace.place("special_syntax.xml")
    blocker = workspace.outputs / "blocker"
    blocker.write_bytes(PREVIOUS)  # a file where a folder should be: even root cannot write there
    args, _ = _outputs(command, doc, blocker / "sub")
    result = run(*args)
    assert result.exception is None and result.exit_code == 1, result.stderr
    assert_no_traceback(result)
    lines = [ln for ln in result.stderr.splitlines() if "blocker" in ln]
    assert lines and all(ln.startswith(str(blocker)) for ln in lines), result.stderr
    assert blocker.read_bytes() == PREVIOUS


# -- legal documents, hostile or unusual content --------------------------------

SPECIAL_LINES = [
    '<script>alert("xss")</script> and <img src=x onerror=alert(1)>',
    '#read("/etc/passwd") and #import "@preview/cetz:0.1.0": * and #eval("1+1")',
    "$x^2$ and \\ backslash \\\\ double and \\u{41} and `raw` and ~tilde~",
    "*bold* _under_ @label <label> [brackets] ] ) { } // comment /* block */ = heading + list - item",
    "{{ template }} ${var} %(name)s &amp; &lt; ]]> --> <!-- x --> <![CDATA[ y ]]>",
    "\"quotes\" 'single' \u201ccurly\u201d \u2018curly\u2019 = \"; DROP TABLE; --",
]

EXPECTED_TEXT = {
    "latin1_declared.xml": ["Café, Müller, ¿qué? § 12."],
    "utf16_bom.xml": ["Правда and 김일성 and 毛泽东."],
    "special_syntax.xml": SPECIAL_LINES,
    "hostile_hrefs.xml": ["Link number 0, Name 0,", "Name 11"],
    "xinclude.xml": ["Included:", "end of paragraph."],
    "xml_stylesheet_pi.xml": ["A document that asks for its own stylesheet."],
    "remote_resources.xml": ["Resources named by the document:", "and nothing of them is fetched."],
}

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "srcset"}
_PAYLOADS = ("alert(", "msgbox(", "PHNjcmlwd")


def _squash(text: str) -> str:
    """Text compared without whitespace, hyphens (line-end hyphenation) or soft hyphens."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def _check_text(text: str, expected: list[str]) -> None:
    for line in expected:
        assert " ".join(line.split()) in " ".join(text.split()), f"{line!r} missing"


def _check_html(page: str, expected: list[str]) -> None:
    from lxml import html as lxml_html

    tree = lxml_html.document_fromstring(page)
    for script in tree.iter("script", "style"):
        assert not any(p in (script.text or "") for p in ("alert(\"xss\")", "onerror=alert")), "TEI text in a script"
        script.drop_tree()
    _check_text(tree.text_content(), expected)
    assert '<script>alert("xss")' not in page and "<img src=x" not in page
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attr, value in element.attrib.items():
            low = attr.lower()
            if low.startswith("on"):
                assert not any(p in value for p in _PAYLOADS), f"{attr}={value!r}"
            if low in _URL_ATTRIBUTES:
                scheme = re.sub(r"[\x00-\x20]+", "", value).lower()
                assert not scheme.startswith(("javascript:", "vbscript:")), f"{attr}={value!r}"
                assert not (scheme.startswith("data:") and any(p in value for p in _PAYLOADS)), f"{attr}={value!r}"
                assert not any(p in value for p in _PAYLOADS), f"{attr}={value!r}"


#: Scripts that Typst's own fonts lack (Hangul, CJK, full-width forms): without the Noto fonts they
#: cannot come back out of a PDF.
_NEEDS_NOTO = re.compile("[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def _check_pdf(path: Path, expected: list[str]) -> None:
    from teikit.pdf.fonts import noto_dirs

    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    if not noto_dirs() and any(_NEEDS_NOTO.search(line) for line in expected):
        pytest.skip("the Noto fonts are not installed (fonts-noto-core, fonts-noto-cjk; .ci/run installs them)")
    text = pdf_text(path)
    for line in expected:
        assert _squash(line) in _squash(text), f"{line!r} missing from the PDF's text"
    assert "root:x:0:0" not in text, "a file outside the build was read"
    assert b"/JavaScript" not in data and b"/JS " not in data
    from pypdf import PdfReader

    for page in PdfReader(path).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            uri = str(action.get("/URI", "")) if hasattr(action, "get") else ""
            squashed = re.sub(r"[\x00-\x20]+", "", uri).lower()
            assert not squashed.startswith(("javascript:", "vbscript:", "data:")), uri


@pytest.mark.parametrize(("command", "name"), _cases(EXPECTED_TEXT))
def test_legal_documents(workspace, listener, command, name):
    need(command)
    doc = workspace.place(name)
    args, files = _outputs(command, doc, workspace.outputs)
    result = run(*args)
    assert result.exception is None, repr(result.exception)
    assert_no_traceback(result)
    _check_no_leak(workspace, listener, result)
    if command == "validate":
        # Valid or not against the project's schema, it must be judged, not crash.
        assert result.exit_code in (0, 1), result.stderr
        if result.exit_code == 1:
            assert doc.name in result.stdout + result.stderr
        return
    assert result.exit_code == 0, result.stderr
    (target,) = files
    if command == "text":
        _check_text(target.read_text(encoding="utf-8"), EXPECTED_TEXT[name])
    elif command == "html":
        _check_html(target.read_text(encoding="utf-8"), EXPECTED_TEXT[name])
    else:
        _check_pdf(target, EXPECTED_TEXT[name])


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_huge_but_sane_document(workspace, command):
    need(command)
    # PDF typesets every page: a smaller (still ~50-page) document keeps the suite fast.
    doc = workspace.place("huge_sane.xml", huge_sane(1_000 if command == "pdf" else 20_000))
    args, files = _outputs(command, doc, workspace.outputs)
    result = run(*args)
    assert result.exception is None, repr(result.exception)
    assert_no_traceback(result)
    last = "talk number 999 went on for" if command == "pdf" else "talk number 19999 went on for"
    if command == "validate":
        assert result.exit_code in (0, 1), result.stderr
        return
    assert result.exit_code == 0, result.stderr
    (target,) = files
    if command == "text":
        _check_text(target.read_text(encoding="utf-8"), [last])
    elif command == "html":
        _check_html(target.read_text(encoding="utf-8"), [last])
    else:
        assert _squash(last) in _squash(pdf_text(target))
