"""The edition's TEI and the converter's output on the dev corpus pass the project's schema and rules."""

from __future__ import annotations

import shutil

import pytest

from teikit.validate import run
from validate_support import ROOT, SHARED

DEV_DIR = SHARED / "corpus" / "dev"
EDITION = ROOT / "tei"


def test_the_edition_folder_passes():
    if not any(EDITION.glob("*.xml")):
        pytest.skip("tei/ holds no TEI yet")
    results = run([EDITION])
    assert [f for r in results for f in r.findings if f.is_error] == []


def test_converted_dev_corpus_passes(tmp_path):
    convert = pytest.importorskip("teikit.convert")
    sources = sorted(DEV_DIR.glob("*.txt"))
    if not sources or not (EDITION / "register.xml").is_file():
        pytest.skip("no dev corpus or no register")
    from teikit.output import write_atomic
    from lxml import etree

    for source in sources:
        conversion = convert.convert_file(source)
        write_atomic(tmp_path / f"{source.stem}.xml", etree.tostring(conversion.tree, encoding="UTF-8", xml_declaration=True))
    shutil.copy(EDITION / "register.xml", tmp_path / "register.xml")
    results = run([tmp_path])
    assert len(results) == len(sources) + 1
    assert [f for r in results for f in r.findings if f.is_error] == []
