"""Anchoring rules: no wall clock, unresolved values without a reference, tense and direction."""

from datetime import date, datetime

import pytest

from newsetl.transforms.temporal import temporal_expressions
from newsetl.transforms.temporal.anchoring import tense_direction


@pytest.mark.parametrize("sentence, value", [
    ("kata juru bicara itu kemarin.", "XXXX-XX-XX"),
    ("Gencatan senjata pecah minggu lalu.", "XXXX-WXX"),
    ("Serangan terjadi pada hari Minggu.", "XXXX-WXX-7"),
    ("Bentrok dimulai pada 27 September lalu.", "XXXX-09-27"),
    ("Serangan serupa terjadi dua hari lalu.", "XXXX-XX-XX"),
    ("kata kementerian itu kemarin pagi.", "XXXX-XX-XXTMO"),
    ("Forum digelar tahun depan.", "XXXX"),
    ("Pertempuran pecah pada akhir September lalu.", "XXXX-09"),
    ("Konferensi pers digelar pukul 10.00 WIB.", "XXXX-XX-XXT10:00"),
    ("Kota itu dulu dihuni warga Armenia.", "PAST_REF"),
])
def test_without_reference_relative_values_stay_unresolved(sentence, value):
    found = temporal_expressions(sentence, None)
    assert [e.value for e in found] == [value]
    assert all(e.range_start is None and e.range_end is None for e in found)


def test_explicit_dates_resolve_without_reference():
    found = temporal_expressions("Ledakan dimulai 27 September 2020 dan Selasa (3/11/2020) berlanjut.", None)
    assert [(e.value, e.range_start) for e in found] == [("2020-09-27", date(2020, 9, 27)),
                                                          ("2020-11-03", date(2020, 11, 3))]


def test_reference_may_be_a_datetime_or_iso_string():
    text = "kata juru bicara itu kemarin."
    assert temporal_expressions(text, datetime(2020, 10, 4, 23, 59))[0].value == "2020-10-03"
    assert temporal_expressions(text, "2020-10-04")[0].value == "2020-10-03"


@pytest.mark.parametrize("sentence, weekday_span, value", [
    ("Menteri itu telah bertemu Putin pada Jumat.", "Jumat", "2020-10-02"),        # past tense: before
    ("Menteri itu akan bertemu Putin pada Jumat.", "Jumat", "2020-10-09"),         # future tense: after
    ("Sidang digelar pada Senin.", "Senin", "2020-10-05"),                        # no cue: tomorrow is nearer
    ("Sidang digelar pada Rabu.", "Rabu", "2020-09-30"),                          # no cue: past bias
    ("Pasukan tiba Kamis lalu.", "Kamis lalu", "2020-10-01"),
    ("Pasukan tiba pada hari Minggu.", "hari Minggu", "2020-10-04"),              # today counts for the past
])
def test_weekday_direction_rules(sentence, weekday_span, value):
    found = temporal_expressions(sentence, date(2020, 10, 4))
    assert [(e.text, e.value) for e in found] == [(weekday_span, value)]


def test_weekday_named_by_an_explicit_date_in_the_document_takes_that_date():
    text = "Lavrov berbicara, Kamis (1/10/2020). Kementerian itu pada hari kamis menyatakan siap."
    assert [e.value for e in temporal_expressions(text, date(2020, 10, 3))] == ["2020-10-01", "2020-10-01"]


def test_year_less_month_with_lalu_is_strictly_before_the_reference_month():
    found = temporal_expressions("Harga naik sejak Oktober lalu.", date(2020, 10, 20))
    assert [e.value for e in found] == ["2019-10"]


def test_tense_direction_reads_the_nearest_marker():
    text = "Presiden akan berpidato pada Sabtu. Menteri telah tiba pada Jumat."
    assert tense_direction(text, text.index("Sabtu"), text.index("Sabtu") + 5) == 1
    assert tense_direction(text, text.index("Jumat"), text.index("Jumat") + 5) == -1
    assert tense_direction("Rapat pada Senin.", 11, 16) == 0


@pytest.mark.parametrize("text, expected", [
    # Detik: advice and rules name a clock time, not a day.
    ("Khususnya bagi masyarakat yang ingin berolahraga, BRIN menyarankan agar melakukannya sekitar pukul 07.00-09.00 "
     "atau 17.00-19.00 WIB.", [("pukul 07.00", "XXXX-XX-XXT07:00"), ("19.00 WIB", "XXXX-XX-XXT19:00")]),
    ("Berdasarkan aturan tersebut, truk hanya diperbolehkan melintas pada pukul 06.00-09.00 WIB dan 16.00-19.00 WIB.",
     [("pukul 06.00", "XXXX-XX-XXT06:00"), ("09.00 WIB", "XXXX-XX-XXT09:00"), ("19.00 WIB", "XXXX-XX-XXT19:00")]),
    # A narrated clock time keeps its day, also next to a negated permission.
    ("Namun, hingga pukul 17.00 WIB, para mahasiswa tidak diperbolehkan masuk dan terus melanjutkan orasi di Jalan "
     "Pahlawan.", [("pukul 17.00 WIB", "2025-10-21T17:00")]),
    ("Tersangka dijebloskan ke Rutan Polres Polman pada Senin (20/10) sekira pukul 17.00 Wita.",
     [("Senin (20/10)", "2025-10-20"), ("pukul 17.00 Wita", "2025-10-20T17:00")]),
])
def test_generic_clock_times_get_no_day(text, expected):
    found = temporal_expressions(text, date(2025, 10, 21))
    assert [(e.text, e.value) for e in found] == expected
