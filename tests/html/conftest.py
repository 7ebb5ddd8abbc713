"""Fixtures of the HTML tests: one renderer per session, pages parsed with lxml."""

from __future__ import annotations

import pytest
from lxml import html

from html_support import CONTRACT, SEED_TEI
from teikit.html import HtmlRenderer
from teikit.xmlparse import parse_file


@pytest.fixture(scope="session")
def renderer() -> HtmlRenderer:
    return HtmlRenderer()


@pytest.fixture(scope="session")
def contract_tree():
    return parse_file(CONTRACT)


@pytest.fixture(scope="session")
def contract_html(renderer, contract_tree) -> str:
    return renderer.render(contract_tree, name="contract.xml", tei_href="contract.xml", pdf_href="contract.pdf")


@pytest.fixture
def contract_page(contract_html):
    # A fresh parse per test: helpers may modify the tree.
    return html.document_fromstring(contract_html)


@pytest.fixture(scope="session")
def seed_tree():
    if not SEED_TEI.is_file():
        pytest.skip("tei/soviet-embassy-dprk-1969-06-09.xml is not in the repository yet")
    return parse_file(SEED_TEI)


@pytest.fixture(scope="session")
def seed_html(renderer, seed_tree) -> str:
    return renderer.render(seed_tree, name=SEED_TEI.name)
