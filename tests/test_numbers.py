"""Tests for transforms.numbers: reading Indonesian and English numerals."""

import pytest

from newsetl.transforms.numbers import numeral_spans, parsed_number


@pytest.mark.parametrize(
    ("text", "language", "value", "approximate"),
    [
        ("2.000", "id", 2000, False),
        ("1.000.000", "id", 1_000_000, False),
        ("1,5 juta", "id", 1_500_000, False),
        ("12,5", "id", 12.5, False),
        ("1.000,5", "id", 1000.5, False),
        ("2,000", "id", 2000, False),  # English-style grouping in a translated wire story
        ("1.5", "id", 1.5, False),
        ("2,000", "en", 2000, False),
        ("2.5", "en", 2.5, False),
        ("dua ribu", "id", 2000, False),
        ("tiga puluh sembilan", "id", 39, False),
        ("dua belas", "id", 12, False),
        ("sebelas", "id", 11, False),
        ("seratus dua puluh", "id", 120, False),
        ("dua ratus tiga puluh lima", "id", 235, False),
        ("seribu", "id", 1000, False),
        ("seratus ribu", "id", 100_000, False),
        ("dua juta lima ratus ribu", "id", 2_500_000, False),
        ("satu setengah juta", "id", 1_500_000, False),
        ("Tiga Puluh", "id", 30, False),
        ("twenty five", "en", 25, False),
        ("one hundred twenty three", "en", 123, False),
        ("two hundred thousand", "en", 200_000, False),
        # Vague amounts: ACLED's conservative values, flagged approximate.
        ("puluhan", "id", 10, True),
        ("belasan", "id", 10, True),
        ("ratusan", "id", 100, True),
        ("ribuan", "id", 1000, True),
        ("puluhan ribu", "id", 10_000, True),
        ("dozens", "en", 12, True),
        ("hundreds", "en", 100, True),
        # "dua tiga orang" means two or three: the lower bound, approximate.
        ("dua tiga", "id", 2, True),
    ],
)
def test_parsed_number_reads_numerals(text, language, value, approximate):
    number = parsed_number(text, language)
    assert number is not None
    assert number.value == pytest.approx(value)
    assert number.is_approximate is approximate


@pytest.mark.parametrize("text", ["", "   ", "orang", "dua orang", "1.2.3,4,5", "ten lima", "2020 2021", "1,2,3"])
def test_parsed_number_rejects_non_numerals(text):
    assert parsed_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sebanyak 2.000 militan dikirim.", [("2.000", 2000)]),
        ("Korban tewas mencapai tiga puluh sembilan orang.", [("tiga puluh sembilan", 39)]),
        ("Sekitar 1,5 juta orang mengungsi.", [("1,5 juta", 1_500_000)]),
        ("Ribuan warga turun ke jalan.", [("Ribuan", 1000)]),
        # Designations, dates and money glued to other characters are not numerals.
        ("Pesawat F-16 dan SU-25 di pangkalan ke-102.", []),
        ("Senin (28/9/2020) kemarin.", []),
        ("Harganya Rp2.000 saja.", []),
        ("Hari kedua dan ketiga pertempuran.", []),
    ],
)
def test_numeral_spans_find_numerals_with_offsets(text, expected):
    spans = numeral_spans(text)
    assert [(text[start:end], number.value) for start, end, number in spans] == expected


def test_numeral_spans_reads_separators_by_language():
    [(start, end, number)] = numeral_spans("about 2,500 people", "en")
    assert number.value == 2500
    [(start, end, number)] = numeral_spans("sekitar 2.500 orang", "id")
    assert number.value == 2500
