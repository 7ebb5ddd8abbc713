"""Elements beyond what Saxon's XML parser accepts (it re-reads every tree it is given).

More than 200 attributes and namespace declarations on one element, or a
name longer than 1,000 characters, pass teikit's own parser; Saxon refuses
them when a stylesheet runs. The refusal must name the user's file and the
element's line, in one line, whatever the command.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_support import ROOT, assert_clean_failure, need, run

from teikit.xslt import SAXON_MAX_ATTRIBUTES, SAXON_MAX_NAME, saxon_limit_problem
from teikit.xmlparse import parse_bytes

CONTRACT = ROOT / "tests" / "fixtures" / "contract.xml"


def _document(element: str) -> tuple[bytes, int]:
    """The contract sample with ``element`` on a line of its own in the body, and that line."""
    text = CONTRACT.read_text(encoding="utf-8")
    head, tail = text.split("<body>", 1)
    line = head.count("\n") + 2
    return (head + "<body>\n" + element + "\n" + tail).encode("utf-8"), line


ATTRIBUTES = "<p " + " ".join(f'a{i}="x"' for i in range(SAXON_MAX_ATTRIBUTES + 1)) + ">many</p>"
DECLARATIONS = ("<p " + " ".join(f'a{i}="x"' for i in range(SAXON_MAX_ATTRIBUTES - 1))
                + ' xmlns:one="urn:one" xmlns:two="urn:two">declared</p>')
LONG_NAME = f'<p {"n" * (SAXON_MAX_NAME + 1)}="x">long</p>'
LONG_PREFIX = f'<p xmlns:{"q" * (SAXON_MAX_NAME + 1)}="urn:q">prefix</p>'
CASES = {"attributes": ATTRIBUTES, "declarations": DECLARATIONS, "long_name": LONG_NAME, "long_prefix": LONG_PREFIX}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_element_beyond_the_limit_is_found(case):
    data, line = _document(CASES[case])
    message, found = saxon_limit_problem(parse_bytes(data, "doc.xml"))
    assert found == line
    assert message.startswith("<p>")


def test_elements_at_the_limits_pass():
    at_limit = ("<p " + " ".join(f'a{i}="x"' for i in range(SAXON_MAX_ATTRIBUTES)) + ">full</p>"
                f'<p {"n" * SAXON_MAX_NAME}="x">long</p>')
    data, _ = _document(at_limit)
    assert saxon_limit_problem(parse_bytes(data, "doc.xml")) is None


@pytest.mark.parametrize("command", ["validate", "html", "pdf"])
@pytest.mark.parametrize("case", ["attributes", "long_name"])
def test_each_command_names_file_and_line(tmp_path: Path, command, case):
    need(command)
    data, line = _document(CASES[case])
    doc = tmp_path / "doc.xml"
    doc.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    args = {"validate": ["validate", doc], "html": ["html", doc, "-o", out], "pdf": ["pdf", doc, "-o", out / "doc.pdf"]}
    result = run(*args[command])
    assert_clean_failure(result, 1, doc, line)
    text = result.stderr + result.stdout
    assert "JAXP" not in text and "SXXP0003" not in text
    assert not list(out.iterdir())
