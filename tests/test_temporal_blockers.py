"""Regulation numbers and angles are not temporal expressions (left context decides), from real news."""

from datetime import date

import pytest

from newsetl.transforms.temporal import temporal_expressions


@pytest.mark.parametrize("sentence, language, kept", [
    ("AS disangkakan melanggar Pasal 2 ayat (1) dan/atau Pasal 3 UU No 31 Tahun 1999 tentang Pemberantasan "
     "Tindak Pidana Korupsi", "id", []),
    ("pelaku disangkakan melanggar Pasal 82 ayat 1 Undang-Undang Nomor 17 tahun 2016 tentang Perlindungan Anak",
     "id", []),
    ("dalam Pasal 28 ayat (2) UU Nomor 1 Tahun 2024 tentang Perubahan Kedua Atas UU Nomor 11 Tahun 2008", "id", []),
    ("Kami apresiasi sikap KPU mencabut Keputusan No 731 Tahun 2025", "id", []),
    ("OJK menerbitkan SEOJK No. 19 Tahun 2023", "id", []),
    ("Lewat Peraturan Menteri Keuangan nomor 131 tahun 2024", "id", []),
    ("bunyi pasal 42 ayat (3) Perpres 64 Tahun 2020.", "id", []),
    ("menyampaikan nota dinas nomor MD-027 tahun 2010 ke Istana", "id", []),
    ("Informasi Publik di Undang-Undang 14 Tahun 2008", "id", []),
    ("Arahan Amalan Bilangan 11 Tahun 2021 itu dikeluarkan pada September lalu.", "ms", ["September lalu"]),
    # Not blocked: the year or the duration stands apart from the number.
    ("UU Nomor 1 Tahun 2022 disahkan tiga tahun lalu", "id", ["tiga tahun lalu"]),
    ("unggulan No. 1 dunia selama 3 tahun", "id", ["3 tahun"]),
    ("per semester 1 tahun 2025", "id", ["semester 1 tahun 2025"]),
    ("Lokasinya di 110 derajat 29 menit Bujur Timur", "id", []),
    # Detik: a number after "tanggal" is a day of the month, not 28 months.
    ("Berdasar penjelasan dari laman Pemerintah Kabupaten Bekasi, pendaftaran program REHAB dibuka sampai tanggal 28 "
     "bulan berjalan.", "id", []),
    # Detik: neighbourhood numbers (RT/RW) of an address are no dates.
    ("Banjir melanda dua lokasi utama, yakni Kampung Muara RT 08 RW 06 dan Kampung Lembur Tengah RT 03/02/01 RW 01, "
     "keduanya di Desa Purabaya.", "id", []),
])
def test_regulation_numbers_and_angles_are_not_temporal(sentence, language, kept):
    found = temporal_expressions(sentence, date(2025, 1, 10), language)
    assert [e.text for e in found] == kept


@pytest.mark.parametrize("sentence, language, kept", [
    ("Perintah reman dikeluarkan Majistret Nabilah Nizam terhadap suspek berusia 41 tahun itu.", "ms", []),
    ("Suspek berusia antara 16 hingga 24 tahun itu ditahan dalam Op Tapis.", "ms", []),
    ("Pada usia 34 tahun, Suarez masih bermain.", "ms", []),
    ("Anak kedua berusia enam bulan itu merupakan", "ms", []),
    ("Aktris berusia 39 tahun itu kemudian membagikan foto", "id", []),
    ("Hall of Fame showed fewer children over the age of 10 years are attending ballet classes", "en", []),
    # An age word followed by a real duration opener keeps the duration.
    ("Ia menikah pada usia muda selama 10 tahun.", "id", ["10 tahun"]),
    ("Ia bekerja di sana selama 10 tahun.", "id", ["10 tahun"]),
])
def test_ages_are_not_durations(sentence, language, kept):
    assert [e.text for e in temporal_expressions(sentence, date(2025, 1, 10), language)] == kept
