"""The tagger never raises, keeps its offset invariant on any string, and is fast."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsetl.transforms.temporal import inferred_publication_date, temporal_expressions

ROOT = Path(__file__).resolve().parent.parent
TYPES = {"DATE", "TIME", "DURATION", "SET"}


def _check(text: str, reference, language: str = "id") -> list:
    """Tag ``text`` and assert the invariants every result must keep."""
    found = temporal_expressions(text, reference, language)
    end = 0
    for e in found:
        assert text[e.start:e.end] == e.text
        assert e.start >= end and e.timex_type in TYPES
        end = e.end
        if e.timex_type in ("DURATION", "SET"):
            assert e.range_start is None and e.range_end is None
        if e.range_start is not None:
            assert e.range_start <= e.range_end
    inferred_publication_date(text, language)
    return found


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "😀🔥 kemarin 😀", "قال المتحدث أمس إن القتال مستمر",
    "٢٨/٩/٢٠٢٠",
    "99/99/9999", "31/2/2020", "29/2/2019", "00/00/0000", "Senin (32/13/2020)", "pukul 99.99 WIB",
    "pukul 24.00 WIB", "abad ke-99", "kuartal V 2020", "semester III 2020", "9" * 5000, "1/1/1 1/1/1",
    "tahun 0000", "tahun 9999 depan", "99999999999999999999 hari lalu", "0 hari lalu", "1.000.000 tahun",
    "Minggu", "minggu", "MINGGU LALU", "hari", "lalu", "( ) / - . , :", "\x00kemarin\x00", "Sept.", "jam",
])
@pytest.mark.parametrize("reference", [None, date(2020, 10, 4), date.min, date.max])
def test_odd_inputs_do_not_raise(text, reference):
    _check(text, reference)
    _check(text, reference, "en")


def test_invalid_dates_are_skipped():
    assert _check("Data 31/2/2020 dan 99/99/9999 tidak sah.", date(2020, 10, 4)) == []


def test_extreme_references_skip_what_they_cannot_shift():
    found = _check("kemarin, besok, tahun depan, abad lalu", date.max)
    assert "besok" not in {e.text for e in found}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["id", "en", "und"]))
def test_any_text_keeps_the_invariants(text, language):
    _check(text, date(2020, 10, 4), language)


_PIECES = st.sampled_from(["Senin", "(28/9/2020)", "kemarin", "pagi", "minggu", "lalu", "Minggu", "hari", "dua",
                           "tahun", "1994", "akhir", "September", "pukul", "10.00", "WIB", "setiap", "se", "bulan",
                           "Sept.", "28", "/", "-", ".", ",", " ", "\n", "the", "last", "week", "ago", "Monday"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_temporal_word_soup_keeps_the_invariants(text):
    _check(text, date(2020, 10, 4))
