"""Month ranges sharing a year and anaphoric references (saat itu), from real Detik and Utusan sentences."""

from datetime import date

import pytest

from newsetl.transforms.temporal import temporal_expressions


def tagged(text, reference, language):
    return [(e.text, e.timex_type, e.value) for e in temporal_expressions(text, reference, language)]


@pytest.mark.parametrize("text, reference, language, expected", [
    # Utusan: both months take the year written after the second one.
    ("Kesalahan itu dilakukan tertuduh terhadap mangsa di sebuah rumah di daerah ini antara Januari sehingga "
     "Mac pada 2020.", date(2023, 2, 27), "ms",
     [("Januari", "DATE", "2020-01"), ("Mac", "DATE", "2020-03"), ("2020", "DATE", "2020")]),
    ("Program itu berlangsung dari Maret hingga Mei 2021 di tiga provinsi.", date(2023, 1, 5), "id",
     [("Maret", "DATE", "2021-03"), ("Mei 2021", "DATE", "2021-05")]),
    # A bare month range without a year keeps its usual reading.
    ("Mahkamah kemudian menetapkan 27 Mac ini sebagai tarikh sebutan semula kes.", date(2023, 2, 27), "ms",
     [("27 Mac", "DATE", "2023-03-27")]),
])
def test_month_ranges_share_the_year_after_them(text, reference, language, expected):
    assert tagged(text, reference, language) == expected


@pytest.mark.parametrize("text, reference, language, expected", [
    # Detik: "Saat itu" is the day just narrated, not the publication day.
    ("Kemudian korban dan pelaku sepakat bertemu pada Jumat (17/10).\nSaat itu, pelaku berpura-pura tertarik "
     "pada sepeda motor korban.", date(2025, 10, 18), "id",
     [("Jumat (17/10)", "DATE", "2025-10-17"), ("Saat itu", "DATE", "2025-10-17")]),
    ("Hasto akan kembali menjalani sidang di Pengadilan Tipikor Jakarta, Kamis (12/6/2025). Hasto berjalan dari "
     "ruang tahanan menuju ruang sidang.\nPada waktu yang bersamaan, sidang Tom Lembong juga diskors.",
     date(2025, 6, 12), "id",
     [("Kamis (12/6/2025)", "DATE", "2025-06-12"), ("waktu yang bersamaan", "DATE", "2025-06-12")]),
    # Detik: the year of an election (Pilpres 2019) is a date, and the nearest antecedent of "Saat itu".
    ("Ia telah menempuh pendidikan sarjana bidang sosial di Universitas Satya Negara Indonesia pada 2004 lalu.\n"
     "Diketahui Noel sempat aktif menjadi tim pendukung Jokowi-Ma'ruf pada Pilpres 2019. Saat itu menempati posisi "
     "sebagai Ketua Umum Relawan Jokowi Mania.", date(2025, 8, 22), "id",
     [("2004", "DATE", "2004"), ("2019", "DATE", "2019"), ("Saat itu", "DATE", "2019")]),
    # Without an earlier calendar date there is nothing to refer to: untagged.
    ("Saat itu, pelaku berpura-pura tertarik pada sepeda motor korban.", date(2025, 10, 18), "id", []),
])
def test_anaphoric_references_take_the_narrated_date(text, reference, language, expected):
    assert tagged(text, reference, language) == expected


@pytest.mark.parametrize("text, reference, language, expected", [
    # Utusan: "ketika itu" is when the police found her, not her birth day.
    ("Hashimah yang dilahirkan pada 9 Jan 1983 ditemukan polis ketika serbuan di sebuah rumah seorang diri tanpa "
     "penjaga di mana ketika itu dia baru berusia tiga tahun.", date(2023, 3, 6), "ms",
     [("9 Jan 1983", "DATE", "1983-01-09")]),
    # Utusan: "faktor masa itu" (the timing) is no reference; "pada masa itu" is, without its "pada".
    ("Kebetulan wisma kami siap pengubahsuaian bulan ini, jadi faktor masa itu dilihat sesuai.", date(2021, 10, 4),
     "ms", [("bulan ini", "DATE", "2021-10")]),
    ("Majlis itu diadakan di St George's Chapel, Windsor pada April tahun lalu. Pada masa itu, penduduk Britain "
     "berkabung.", date(2022, 9, 20), "ms",
     [("April tahun lalu", "DATE", "2021-04"), ("masa itu", "DATE", "2021-04")]),
    # Two paragraph breaks away the earlier date no longer anchors the anaphor.
    ("Sidang digelar Kamis (12/6/2025).\n\nHasto hadir.\n\nSaat itu, Tom Lembong diskors.", date(2025, 6, 12), "id",
     [("Kamis (12/6/2025)", "DATE", "2025-06-12")]),
])
def test_anaphors_need_a_near_non_birth_antecedent(text, reference, language, expected):
    assert tagged(text, reference, language) == expected
