"""``dulu`` meaning "first" and clock-time zones kept out of values (issue 17), on Detik sentences."""

from datetime import date

import pytest

from newsetl.transforms.temporal.tagger import temporal_expressions

_PUBLISHED = date(2025, 10, 20)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "first": after a verb, before a particle, a clause end or a sequencing word.
        ('"Nanti dilihat dulu dong. Tapi pasti kita akan eksekusi sanksi," ujarnya.', None),
        ('"Belum sedang diperiksa dulu, masih interogasi," kata Faruk.', None),
        ("Kalau ekspor itu perkebunannya harus diregister dulu. Kemudian dalam pengelolaannya", None),
        ('"Jadi kami fokus dulu untuk memastikan laporannya benar."', None),
        ("Tersangka sempat tidur dahulu seharian, baru terbang ke Bitung.", None),
        # "in the past": opening a clause, or after a past lead.
        ("Dulu data inflasi hanya keluar sebulan sekali.", "PAST_REF"),
        ("Dengan data-data yang telah ada sejak dulu, ia memastikan proses restrukturisasi berjalan.", "PAST_REF"),
        ('"Masih seperti dulu," ujar Saharil, Selasa malam.', "PAST_REF"),
        ("Banyak peserta yang dulu menunggak, tapi sekarang sudah terdaftar.", "PAST_REF"),
    ],
)
def test_dulu_is_past_only_when_it_means_the_past(sentence, expected):
    values = [e.value for e in temporal_expressions(sentence, _PUBLISHED) if e.text.lower() in ("dulu", "dahulu")]
    assert values == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("sentence", "text", "value", "zone"),
    [
        ("Sebelumnya, peristiwa ini terjadi pada Senin (20/10) sekitar pukul 13.00 WIT, setelah para siswa "
         "mengonsumsi MBG di sekolah.", "pukul 13.00 WIT", "2025-10-20T13:00", "+09:00"),
        ("Sejumlah santri datang sekitar pukul 15.25 WIB dengan menggunakan mobil dan longmarch.",
         "pukul 15.25 WIB", "2025-10-20T15:25", "+07:00"),
        ("Berdasarkan data Bloomberg, Senin (7/7/2025), pukul 15.35 seluruh mata uang Asia Pasifik melemah.",
         "pukul 15.35", "2025-07-07T15:35", None),
    ],
)
def test_clock_values_carry_no_zone(sentence, text, value, zone):
    times = [e for e in temporal_expressions(sentence, _PUBLISHED) if e.timex_type == "TIME"]
    assert [(e.text, e.value, e.time_zone) for e in times] == [(text, value, zone)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ('"Terdakwa dihukum 1 tahun 6 bulan dengan denda sebesar Rp 30 juta," sambungnya.', "1 tahun 6 bulan", "P1Y6M"),
        ("Nikita Mirzani, tetap dituntut pidana penjara selama 11 tahun dan denda sebesar Rp2 miliar subsider enam "
         "bulan penjara.", "11 tahun", "P11Y"),
    ],
)
def test_a_length_in_two_units_is_one_duration(sentence, text, value):
    durations = [(e.text, e.value) for e in temporal_expressions(sentence, _PUBLISHED) if e.timex_type == "DURATION"]
    assert durations[0] == (text, value)


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        ("ini salah satu alasan kami yang tanggal 15 Juli kemarin kami menunda karena ingin memastikan kualitas dan "
         "keakuratan data.", date(2025, 7, 21), [("15 Juli", "2025-07-15"), ("kemarin", "2025-07-15")]),
        ('"BPJS-nya kemarin itu udah mati, terus dihidupkan lagi.', date(2025, 8, 19), [("kemarin", "2025-08-18")]),
    ],
)
def test_a_trailing_kemarin_names_its_date(sentence, reference, expected):
    assert [(e.text, e.value) for e in temporal_expressions(sentence, reference)] == expected
