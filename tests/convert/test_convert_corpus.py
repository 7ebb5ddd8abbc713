"""Every dev document and every unseen-genre fixture: valid TEI, lossless export."""

from __future__ import annotations

import pytest
from convert_support import DEV_DIR, FIXTURES, NS, assert_lossless

from teikit.convert import convert_file

DOCUMENTS = sorted(DEV_DIR.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))

#: The dev corpus lives in ../shared, which a user's clone does not have.
needs_dev_corpus = pytest.mark.skipif(not DEV_DIR.is_dir(), reason="../shared/corpus/dev is not present")


@pytest.fixture(scope="module")
def converted():
    return {path.name: convert_file(path) for path in DOCUMENTS}


def _all(conversion, path):
    return conversion.tree.getroot().xpath(path, namespaces=NS)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_valid_and_lossless(path, converted, assert_tei_all):
    conversion = converted[path.name]
    assert_tei_all(conversion.tree)
    assert_lossless(conversion, path)


@needs_dev_corpus
def test_dev_corpus_is_present():
    assert len(list(DEV_DIR.glob("*.txt"))) >= 3


@needs_dev_corpus
def test_puzanov_header_handwriting_and_romanization(converted):
    doc = converted["su-puzanov-journal-1960-03-01.txt"]
    stamp = _all(doc, "//t:stamp[@type='mfa']")[0]
    assert stamp.get("rend") == "faded"
    assert [d.get("when") for d in stamp.findall("t:date", NS)] == ["1960-03-25", "1960-04-09"]
    hand = _all(doc, "//t:note[@type='handwritten']")[0]
    assert hand.find("t:label", NS).text == "handwritten:"
    assert hand.xpath(".//t:unclear[@reason='illegible']", namespaces=NS)
    assert hand.xpath(".//t:unclear[@reason='doubtful'][.='N. P. Varnov?']", namespaces=NS)
    assert _all(doc, "//t:gloss[@type='romanization']")
    assert _all(doc, "//t:choice[t:abbr='TsTAK']/t:expan[.='Central Telegraph Agency of Korea']")
    assert _all(doc, "//t:supplied[.='him']")
    assert len(_all(doc, "//t:gap[@reason='omitted']")) == 2
    # "JOURNAL / of Soviet Ambassador … for the period": one title over two lines; the period is a dateline.
    [head] = _all(doc, "//t:head")
    assert head.get("type") == "main" and head.find("t:lb", NS) is not None
    assert "".join(head.itertext()).startswith("JOURNALof Soviet Ambassador")
    assert _all(doc, "//t:opener/t:dateline/t:date[@from='1960-02-16'][@to='1960-03-24']")
    assert _all(doc, "//t:opener/t:dateline/t:placeName[.='Pyongyang']")


@needs_dev_corpus
def test_us_secrecy_dates_redactions_completions(converted):
    doc = converted["su-report-us-secrecy-1962.txt"]
    assert _all(doc, "//t:date[@when='1962-10-24'][.='24.X.62']")
    assert _all(doc, "//t:gap[@reason='redacted']/t:desc[.='name and date redacted']")
    completions = [s.text for s in _all(doc, "//t:supplied[@reason='incomplete']")]
    assert completions == ["ed", "ister"]
    assert _all(doc, "//t:gap[@reason='signature']")


@needs_dev_corpus
def test_japanese_sections_with_full_width_stops(converted):
    doc = converted["jp-mofa-chinese-communist-problem-1967.txt"]
    divs = _all(doc, "//t:div[@type='section']")
    assert [d.get("n") for d in divs] == ["1", "2", "3"]
    assert divs[0].find("t:head", NS).text.startswith("1．The Cultural Revolution")
    assert [s.text for s in _all(doc, "//t:opener/t:seg[@type='classification']")] == ["Secret", "Indefinite Duration"]
    assert _all(doc, "//t:dateline/t:date[@when='1967-11-18']")
    assert _all(doc, "//t:gap[@reason='redacted']/t:desc[starts-with(., 'Paragraph’s first line')]")


def test_unclosed_and_stray_brackets_warn_and_keep_words(converted):
    doc = converted["telegram-unclosed.txt"]
    messages = {(w.line, w.message.split(" at ")[0]) for w in doc.warnings}
    assert (11, "unclosed bracket") in messages
    assert (18, "stray closing bracket") in messages
    assert any("unclosed" in w.message for w in doc.report.warnings)


def test_telegram_conventions(converted):
    doc = converted["telegram-unclosed.txt"]
    assert _all(doc, "//t:opener/t:seg[@type='classification'][.='TOP SECRET']")
    assert _all(doc, "//t:opener/t:seg[@type='copy']/t:num[@value='4']")
    assert _all(doc, "//t:pb[@n='509']/following-sibling::t:note[1][@type='editorial'][.='Page 509']")
    rules = {entry.source: entry.rule for entry in doc.report.entries}
    assert rules["[emphasis in the original]"] == "emphasis" and rules["[sic]"] == "sic" and rules["[?]"] == "query"
    assert len(_all(doc, "//t:note[@type='editorial']")) == 5
    # The marker in the text points at the footnote's text at the end, which keeps its own marker.
    [marker] = _all(doc, "//t:p//t:note[@type='footnote'][@n='1']")
    [footnote] = _all(doc, "//t:closer/t:note[@type='footnote'][@place='bottom'][@n='1']")
    assert marker.get("target") == "#" + footnote.get("{http://www.w3.org/XML/1998/namespace}id")
    note = _all(doc, "//t:note[@type='translator']")[0]
    assert note.find("t:label", NS).text == "Translator note:"
    hi = _all(doc, f"//t:hi[@xml:id='{note.get('target')[1:]}']")[0]
    assert hi.get("rend") == "margin-line"
    assert "".join(hi.itertext()).startswith("Mao Zedong said that")
    assert _all(doc, "//t:closer/t:signed/t:roleName")


def test_handwriting_and_redactions(converted):
    doc = converted["handwriting-redactions.txt"]
    # "[Handwritten] Copy A": the handwritten words sit inside the handwriting, with the translator's label.
    assert _all(doc, "//t:opener/t:add[t:note[@type='handwritten']][contains(., 'Copy')]")
    assert _all(doc, "//t:opener/t:stamp[@type='mfa']/t:num[@value='1579']")
    assert _all(doc, "//t:stamp[@type='other'][@rend='faded']")
    assert _all(doc, "//t:gap[@reason='omitted']/t:desc[.='.…']")
    assert _all(doc, "//t:gap[@reason='redacted']/t:desc[.='name redacted']")
    assert _all(doc, "//t:note[@type='handwritten']/t:quote/t:unclear[@reason='illegible']")
    note = _all(doc, "//t:note[@type='translator']")[0]
    assert note.find("t:label", NS).text == "Translator's note:"
    # "underlined ... and a question mark": two marks on the same two sentences.
    assert len(note.get("target").split()) >= 1
    unsure = [e for e in doc.report.entries if e.unsure]
    assert [e.source for e in unsure] == ["[Pyongyang]"]
    assert any(w.line == 15 and "unclosed" in w.message for w in doc.warnings)


def test_lists_citations_and_separators(converted):
    doc = converted["list-and-form.txt"]
    assert _all(doc, "//t:cit/t:bibl/t:title[@level='j'][.='Pravda']")
    assert _all(doc, "//t:milestone[@rend='* * *']")
    assert _all(doc, "//t:div[@type='section'][@n='1']/t:head[.='I.  General remarks']")


@pytest.fixture(scope="module")
def project_validator():
    from convert_support import ROOT

    from teikit.validate import Validator

    return Validator(register=ROOT / "tei" / "register.xml")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_valid_against_the_project_schema(path, converted, project_validator):
    findings = project_validator.validate_tree(converted[path.name].tree, path.name)
    assert [f for f in findings if f.severity == "error"] == []


def test_seed_valid_against_the_project_schema(seed, project_validator):
    findings = project_validator.validate_tree(seed.tree, "seed.xml")
    assert [f for f in findings if f.severity == "error"] == []


def test_record_of_conversation_layout(converted):
    doc = converted["record-of-conversation.txt"]
    assert _all(doc, "//t:opener/t:seg[@type='classification'][.='TOP SECRET']")
    assert _all(doc, "//t:opener/t:dateline/t:date[@when='1965-05-12']")
    assert _all(doc, "//t:head[@type='main'][starts-with(., 'Record of Conversation')][t:lb][contains(., 'between Ambassador')]")
    assert _all(doc, "//t:head[@type='genre'][.='(Excerpt)']")
    assert not _all(doc, "//t:div[@type='section']"), "a numbered list is not a run of sections"
    assert _all(doc, "//t:closer/t:dateline/t:date[@when='1965-05-15']")
    signed = _all(doc, "//t:closer/t:signed")[0]
    assert "".join(signed.itertext()).endswith("József KovácsAmbassador")
    assert _all(doc, "//t:hi[@rend='underline']")
    assert _all(doc, "//t:note[@type='handwritten']/t:label[.='Handwritten in the margin:']")
