"""Property tests on generated texts: lossless, well-formed, valid TEI."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teikit.convert import convert_text, serialize
from teikit.convert.rules import RULES
from teikit.export import export_text
from teikit.xmlparse import parse_bytes

WORDS = ["the", "KWP", "leadership", "Kim Il Sung", "said", "that", "Peking", "Cde.", "Yu. Fadeyev", "No.", "1969",
         "12 June 1969", "24.X.62", "1965-1966", "Junes", "“task", "number one”", "(Rodong Sinmun, 19 April 1964)",
         "x x x", "I.", "2.", "１．", "Secret", "Copy Nº 2", "’s", "…", "—", "Nº: 165", "ПРИВЕТ", "中国", "\u00a0"]
PIECES = [rule.example for rule in RULES] + [
    "[", "]", "[[", "]]", "[Translator’s note: the previous two sentences were highlighted in the left margin]",
    "[Translator's note: the last quote was marked with a question mark]", "[handwritten:", '"', "“", "”",
    "[signature] (P. Yakovlev)", "typ[ed]", "[…]",
]
TOKEN = st.one_of(st.sampled_from(WORDS), st.sampled_from(PIECES),
                  st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                                                 blacklist_characters="\ufffe\uffff\u0085"), min_size=1, max_size=8))
SENTENCE = st.lists(TOKEN, min_size=1, max_size=12).map(lambda words: " ".join(words) + ".")
LINE = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
BLOCK = st.lists(LINE, min_size=1, max_size=4).map("\n".join)
TEXT = st.lists(st.one_of(BLOCK, BLOCK, st.sampled_from(["", "\u00a0", "  "])), min_size=1, max_size=8).map("\n".join).filter(
    lambda text: text.strip())


def _expected(text: str) -> list[str]:
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip() for line in normalized.split("\n") if line.strip()]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_export_is_lossless_and_output_well_formed(text):
    conversion = convert_text(text, "generated.txt", metadata={})
    assert export_text(conversion.tree).splitlines() == _expected(text)
    reparsed = parse_bytes(serialize(conversion.tree), "generated.xml")
    assert export_text(reparsed).splitlines() == _expected(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_output_is_tei_all_valid(assert_tei_all, text):
    assert_tei_all(convert_text(text, "generated.txt", metadata={}).tree)
