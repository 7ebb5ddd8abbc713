"""The formatted citations against the rules of their styles: MLA 9 (an
archival document in an online edition: two containers) and Chicago
(notes and bibliography)."""

from __future__ import annotations

from hypothesis import given, strategies as st

from teikit.site.cite import Citation, mla_date


def _citation(**changes) -> Citation:
    fields = dict(doc_id="memo", title="Memo on the talks", authors=["Yu. Fadeyev", "P. Yakovlev"], date="1969-09-12",
                  date_text="12 September 1969", archive="AVPRF, fond 0102", source_publisher="", source_url="",
                  edition="Soviet Documents on Korea", publisher="Example Press", version="2.1", year="2026",
                  url="https://example.org/documents/memo.html")
    fields.update(changes)
    return Citation(**fields)


def test_mla_archival_document_in_an_online_edition():
    assert _citation().mla() == (
        "Fadeyev, Yu., and P. Yakovlev. “Memo on the talks.” 12 Sept. 1969, AVPRF, fond 0102. "
        "Soviet Documents on Korea, version 2.1, Example Press, 2026, example.org/documents/memo.html.")


def test_mla_authors_one_and_three_or_more():
    assert _citation(authors=["Yu. Fadeyev"]).mla().startswith("Fadeyev, Yu. “Memo")
    assert _citation(authors=["Yu. Fadeyev", "P. Yakovlev", "Kim Il Sung"]).mla().startswith("Fadeyev, Yu., et al. “Memo")
    assert _citation(authors=[]).mla().startswith("“Memo on the talks.” 12 Sept. 1969")


def test_mla_leaves_out_what_is_unknown():
    mla = _citation(date="", date_text="", archive="", version="", publisher="").mla()
    assert mla == "Fadeyev, Yu., and P. Yakovlev. “Memo on the talks.” Soviet Documents on Korea, 2026, " \
                  "example.org/documents/memo.html."
    # No ISO date: the date as the header writes it.
    assert "“Memo on the talks.” summer 1969, AVPRF" in _citation(date="", date_text="summer 1969").mla()


def test_chicago_bibliography_entry():
    assert _citation(authors=["Yu. Fadeyev", "P. Yakovlev", "Kim Il Sung"]).chicago() == (
        "Fadeyev, Yu., P. Yakovlev, and Kim Il Sung. “Memo on the talks.” 12 September 1969. AVPRF, fond 0102. "
        "In Soviet Documents on Korea, version 2.1. Example Press, 2026. https://example.org/documents/memo.html.")


def test_mla_months():
    assert [mla_date(f"1969-{m:02d}-01").split()[1] for m in range(1, 13)] == [
        "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
    assert mla_date("1969-06") == "June 1969" and mla_date("1969") == "1969"
    assert mla_date("") == mla_date("9 June 1969") == "" and mla_date("1969-13-01") == "1969"


@given(st.dates())
def test_mla_date_keeps_day_and_year(day):
    text = mla_date(day.isoformat())
    assert text.split()[0] == str(day.day) and text.endswith(str(day.year).zfill(4))
