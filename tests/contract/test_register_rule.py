"""The register is read by one rule everywhere: a <person>, <org> or <place>
with an xml:id, wherever it stands, is an entry. The converter tags its names,
the validator resolves pointers to it, and the register page lists it."""

from __future__ import annotations

import pytest

from teikit.convert.names import load_register
from teikit.errors import TeikitError
from teikit.site.pages import read_register
from teikit.validate.register import entry_ids
from teikit.xmlparse import parse_file

REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>R</title></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
<standOff><listPerson><person xml:id="per-a"><persName>Anna A</persName></person></listPerson>
<listOrg><head>Groups</head><listOrg><org xml:id="org-nested"><orgName>Nested Org</orgName></org></listOrg></listOrg>
</standOff>
<text><body><div><p><place xml:id="pla-loose"><placeName>Loose Town</placeName></place></p></div></body></text></TEI>
"""


def test_every_reader_sees_the_same_entries(tmp_path):
    path = tmp_path / "register.xml"
    path.write_text(REGISTER, encoding="utf-8")
    ids = {"per-a", "org-nested", "pla-loose"}
    assert set(entry_ids(parse_file(path))) == ids
    assert {ident for _, ident in load_register(path).forms.values()} == ids
    assert {entry["id"] for entry in read_register(path)} == ids


def test_an_entry_without_id_is_reported_in_the_register_file(tmp_path):
    path = tmp_path / "register.xml"
    path.write_text(REGISTER.replace('<org xml:id="org-nested">', "<org>"), encoding="utf-8")
    with pytest.raises(TeikitError) as caught:
        load_register(path)
    # the file's name, not the last name form read before the entry
    assert caught.value.path == str(path) and "<org> without xml:id" in caught.value.message
