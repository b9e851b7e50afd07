"""Indonesian temporal expressions: spans, TIMEX3 types and values on news-style sentences."""

from datetime import date

import pytest

from newsetl.transforms.temporal import temporal_expressions

SUNDAY = date(2020, 10, 4)  # bisnis.com seed's publication date, a Sunday (ISO week 40)
THURSDAY = date(2020, 10, 1)


def _only(text: str, reference: date | None = SUNDAY):
    """Return the single expression tagged in ``text`` (fails if there is not exactly one)."""
    found = temporal_expressions(text, reference, "id")
    assert len(found) == 1, [(e.text, e.value) for e in found]
    return found[0]


@pytest.mark.parametrize("sentence, span, timex_type, value", [
    # numeric datelines and written dates
    ("Kementerian itu mengatakan pada Senin (28/9/2020) bahwa", "Senin (28/9/2020)", "DATE", "2020-09-28"),
    ("Surat itu bertanggal 28/09/2020 dan ditandatangani menteri.", "28/09/2020", "DATE", "2020-09-28"),
    ("Rapat digelar 28-9-2020 di Jakarta.", "28-9-2020", "DATE", "2020-09-28"),
    ("Ledakan permusuhan terbaru dimulai 27 September 2020 dan", "27 September 2020", "DATE", "2020-09-27"),
    ("Bentrok yang dimulai pada 27 September lalu itu", "27 September", "DATE", "2020-09-27"),
    ("Harga minyak turun sepanjang September 2020.", "September 2020", "DATE", "2020-09"),
    ("perang di sana berakhir pada tahun 1994.", "tahun 1994", "DATE", "1994"),
    ("Perang berlangsung hingga 1994 dan menewaskan", "1994", "DATE", "1994"),
    ("Warga kembali ke desa pada Jumat, 2 Oktober 2020.", "Jumat, 2 Oktober 2020", "DATE", "2020-10-02"),
    ("Pasukan tiba pada Senin (28/9) pagi.", "Senin (28/9) pagi", "TIME", "2020-09-28TMO"),
    # month abbreviations
    ("Laporan terbit 28 Sept. 2020 di laman resmi.", "28 Sept. 2020", "DATE", "2020-09-28"),
    ("Upacara digelar 17 Agt 2020.", "17 Agt 2020", "DATE", "2020-08-17"),
    ("Upacara digelar 17 Agu 2020.", "17 Agu 2020", "DATE", "2020-08-17"),
    ("Data per 5 Okt 2020 menunjukkan", "5 Okt 2020", "DATE", "2020-10-05"),
    ("Pemilu dijadwalkan 10 Nop 2020.", "10 Nop 2020", "DATE", "2020-11-10"),
    ("Pemilu dijadwalkan 10 Nov 2020.", "10 Nov 2020", "DATE", "2020-11-10"),
    ("Perayaan pada 25 Des 2019 berlangsung meriah.", "25 Des 2019", "DATE", "2019-12-25"),
    ("Kasus pertama tercatat 14 Peb 2020.", "14 Peb 2020", "DATE", "2020-02-14"),
    ("WHO menetapkan pandemi pada 11 Mrt 2020.", "11 Mrt 2020", "DATE", "2020-03-11"),
    # days relative to the reference
    ("korban tewas ratusan orang hingga hari ini.", "hari ini", "DATE", "2020-10-04"),
    ("kata juru bicara itu kemarin.", "kemarin", "DATE", "2020-10-03"),
    ("Pernyataan itu dirilis kemarin lusa.", "kemarin lusa", "DATE", "2020-10-02"),
    ("Menteri akan berkunjung besok.", "besok", "DATE", "2020-10-05"),
    ("Sidang dilanjutkan lusa.", "lusa", "DATE", "2020-10-06"),
    ("kata kementerian itu kemarin pagi.", "kemarin pagi", "TIME", "2020-10-03TMO"),
    ("Serangan terjadi kemarin siang.", "kemarin siang", "TIME", "2020-10-03TAF"),
    ("Serangan terjadi kemarin sore.", "kemarin sore", "TIME", "2020-10-03TEV"),
    ("Serangan terjadi kemarin malam.", "kemarin malam", "TIME", "2020-10-03TNI"),
    ("Sirene berbunyi tadi malam di Stepanakert.", "tadi malam", "TIME", "2020-10-03TNI"),
    ("situasi semalam begitu genting", "semalam", "TIME", "2020-10-03TNI"),
    # counted expressions, digits and number words
    ("Serangan serupa terjadi dua hari lalu.", "dua hari lalu", "DATE", "2020-10-02"),
    ("Kesepakatan itu diteken 3 pekan lalu.", "3 pekan lalu", "DATE", "2020-W37"),
    ("Bantuan tiba sepuluh hari lalu.", "sepuluh hari lalu", "DATE", "2020-09-24"),
    ("Ia terpilih setahun lalu.", "setahun lalu", "DATE", "2019"),
    ("Pemilu digelar dua tahun mendatang.", "dua tahun mendatang", "DATE", "2022"),
    ("Konflik itu meletus belasan tahun lalu.", "belasan tahun lalu", "DATE", "PAST_REF"),
    ("Desa itu dibangun puluhan tahun lalu.", "puluhan tahun lalu", "DATE", "PAST_REF"),
    ("Sebulan kemudian, gencatan senjata gagal.", "Sebulan kemudian", "DATE", "2020-11"),
    # weeks, months, years relative to the reference
    ("Lavrov membahas masalah itu minggu lalu dengan Erdogan.", "minggu lalu", "DATE", "2020-W39"),
    ("Gencatan senjata pecah pekan lalu.", "pekan lalu", "DATE", "2020-W39"),
    ("Perundingan digelar minggu depan di Jenewa.", "minggu depan", "DATE", "2020-W41"),
    ("Angka itu naik dari bulan lalu.", "bulan lalu", "DATE", "2020-09"),
    ("Inflasi bulan ini diperkirakan rendah.", "bulan ini", "DATE", "2020-10"),
    ("Ekspor naik dibanding tahun lalu.", "tahun lalu", "DATE", "2019"),
    ("Target tahun ini tidak tercapai.", "tahun ini", "DATE", "2020"),
    ("Forum bisnis digelar tahun depan.", "tahun depan", "DATE", "2021"),
    ("Demonstrasi berlangsung akhir pekan lalu.", "akhir pekan lalu", "DATE", "2020-W39-WE"),
    ("Harga naik sejak September tahun lalu.", "September tahun lalu", "DATE", "2019-09"),
    # position modifiers
    ("Pertempuran sengit pecah pada akhir September lalu.", "akhir September lalu", "DATE", "2020-09"),
    ("Bantuan dikirim sejak awal Oktober.", "awal Oktober", "DATE", "2020-10"),
    ("Ekspor melonjak pada pertengahan Agustus.", "pertengahan Agustus", "DATE", "2020-08"),
    ("Konflik bermula pada akhir 1980-an.", "akhir 1980-an", "DATE", "198"),
    ("Ekonomi tumbuh sejak awal 2020.", "awal 2020", "DATE", "2020"),
    # decades, centuries, quarters
    ("Konflik itu membeku sejak tahun 1990-an.", "tahun 1990-an", "DATE", "199"),
    ("Perang terbesar abad ke-20 itu", "abad ke-20", "DATE", "19"),
    ("tantangan abad ke-21", "abad ke-21", "DATE", "20"),
    ("Laba kuartal III 2020 turun.", "kuartal III 2020", "DATE", "2020-Q3"),
    # durations
    ("Baru berjalan selama dua hari baku tembak", "dua hari", "DURATION", "P2D"),
    ("setelah tiga dekade mediasi internasional", "tiga dekade", "DURATION", "P3DE"),
    ("permusuhan terburuk dalam seperempat abad lebih.", "seperempat abad", "DURATION", "P25Y"),
    ("Ia memimpin partai itu selama 30 tahun.", "30 tahun", "DURATION", "P30Y"),
    ("Rapat berlangsung setengah jam.", "setengah jam", "DURATION", "PT30M"),
    ("Ia ditahan satu setengah tahun.", "satu setengah tahun", "DURATION", "P18M"),
    ("Perundingan maraton selama 10 jam", "10 jam", "DURATION", "PT10H"),
    ("pertempuran berhari-hari di wilayah itu", "berhari-hari", "DURATION", "PXD"),
    ("sejarah ribuan tahun kami", "ribuan tahun", "DURATION", "PXML"),
    ("Desa itu dikuasai puluhan tahun.", "puluhan tahun", "DURATION", "PXDE"),
    ("pasukannya merebut desa dalam dua pekan terakhir.", "dua pekan terakhir", "DURATION", "P2W"),
    # sets
    ("Jumlah korban terus bertambah setiap hari.", "setiap hari", "SET", "P1D"),
    ("Festival itu digelar tiap tahun.", "tiap tahun", "SET", "P1Y"),
    ("Masa tugas diperpanjang tiap lima tahun.", "tiap lima tahun", "SET", "P5Y"),
    ("Pasar dibuka setiap Senin.", "setiap Senin", "SET", "XXXX-WXX-1"),
    ("Bantuan dikirim dua kali sepekan.", "dua kali sepekan", "SET", "P1W"),
    # references to the present and past
    ("Eropa kini tengah memanas.", "kini", "DATE", "PRESENT_REF"),
    ("Situasinya sekarang sudah tenang.", "sekarang", "DATE", "PRESENT_REF"),
    ("\"Saat ini, pasukan Azerbaijan menguasai benteng baru,\" katanya.", "Saat ini", "DATE", "PRESENT_REF"),
    ("Kota itu dulu dihuni warga Armenia.", "dulu", "DATE", "PAST_REF"),
    ("Azerbaijan baru-baru ini mengatakan 19 warga sipil tewas.", "baru-baru ini", "DATE", "PAST_REF"),
    # clock times
    ("Konferensi pers digelar pukul 10.00 WIB.", "pukul 10.00 WIB", "TIME", "2020-10-04T10:00"),
    ("Pesawat mendarat pukul 14.30 WITA.", "pukul 14.30 WITA", "TIME", "2020-10-04T14:30"),
    ("Gempa terjadi pukul 19.30 WIT.", "pukul 19.30 WIT", "TIME", "2020-10-04T19:30"),
    ("Jam malam berlaku mulai pukul 8 malam.", "pukul 8 malam", "TIME", "2020-10-04T20:00"),
])
def test_indonesian_expression(sentence, span, timex_type, value):
    found = _only(sentence)
    assert (found.text, found.timex_type, found.value) == (span, timex_type, value)
    assert sentence[found.start:found.end] == span


@pytest.mark.parametrize("sentence, span, value", [
    ("Bentrokan besar terjadi pada hari Minggu dan kematian mendekati 130 orang.", "hari Minggu", "2020-09-27"),
    ("Pertempuran terus berlangsung sampai kamis.", "kamis", "2020-10-01"),
    ("Rusia pada Kamis menawarkan perundingan.", "Kamis", "2020-10-01"),
    ("Moskow pada hari rabu menawarkan untuk menjadi tuan rumah.", "hari rabu", "2020-09-30"),
    ("Pasukan itu tiba Sabtu lalu.", "Sabtu lalu", "2020-09-26"),
    ("Delegasi akan tiba Sabtu depan.", "Sabtu depan", "2020-10-03"),
    ("Presiden akan berpidato pada Sabtu.", "Sabtu", "2020-10-03"),
    ("Menlu tiba di Moskwa pada Minggu lalu.", "Minggu lalu", "2020-09-27"),  # mid-sentence: Sunday
    ("Minggu (4/10/2020) pasukan Azerbaijan maju.", "Minggu (4/10/2020)", "2020-10-04"),
    ("Pada Minggu pagi sirene berbunyi.", "Minggu pagi", "2020-09-27TMO"),
])
def test_weekdays_resolve_around_a_thursday_reference(sentence, span, value):
    found = _only(sentence, THURSDAY)
    assert (found.text, found.value) == (span, value)


@pytest.mark.parametrize("sentence, span, value", [
    ("Gencatan senjata pecah minggu lalu.", "minggu lalu", "2020-W39"),
    ("Minggu lalu, pasukan Armenia menyerang Ganja.", "Minggu lalu", "2020-W39"),  # sentence start: last week
    ("Rapat digelar minggu ini.", "minggu ini", "2020-W40"),
    ("Pasar tutup hari Minggu.", "hari Minggu", "2020-10-04"),
])
def test_minggu_is_a_week_or_sunday(sentence, span, value):
    found = _only(sentence, SUNDAY)
    assert (found.text, found.value) == (span, value)


def test_time_takes_the_day_of_the_date_before_it():
    text = "Konferensi pers digelar pada Kamis (15/10/2020) pukul 10.00 WIB di Jakarta."
    values = [e.value for e in temporal_expressions(text, date(2020, 10, 12))]
    assert values == ["2020-10-15", "2020-10-15T10:00"]


def test_narrative_relative_shifts_the_previous_date_not_the_reference():
    text = "Perang pecah pada 27 September 2020. Sebulan kemudian, gencatan senjata ketiga gagal."
    assert [e.value for e in temporal_expressions(text, date(2020, 11, 10))] == ["2020-09-27", "2020-10"]


def test_terlebih_dulu_is_not_a_past_reference():
    assert temporal_expressions("Ia meminta izin terlebih dulu.", SUNDAY) == []


def test_year_followed_by_a_count_noun_is_not_a_year():
    assert temporal_expressions("Serangan itu menewaskan hingga 2000 orang.", SUNDAY) == []


def test_ranges_cover_the_value():
    found = {e.text: e for e in temporal_expressions(
        "Lavrov membahasnya minggu lalu; perang berakhir pada tahun 1994 setelah tiga dekade.", date(2020, 11, 3))}
    assert (found["minggu lalu"].range_start, found["minggu lalu"].range_end) == (date(2020, 10, 26), date(2020, 11, 1))
    assert (found["tahun 1994"].range_start, found["tahun 1994"].range_end) == (date(1994, 1, 1), date(1994, 12, 31))
    assert (found["tiga dekade"].range_start, found["tiga dekade"].range_end) == (None, None)


def test_modifier_is_recorded():
    found = _only("Pertempuran pecah pada akhir September lalu.", date(2020, 10, 31))
    assert (found.value, found.mod, found.range_start, found.range_end) == (
        "2020-09", "END", date(2020, 9, 1), date(2020, 9, 30))
