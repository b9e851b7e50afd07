"""Malay dates (lexicon_ms.json layered over the Indonesian lexicon), from Utusan Malaysia sentences."""

from datetime import date

import pytest

from newsetl.transforms.temporal import temporal_expressions
from newsetl.transforms.temporal.lexicon import grammar_languages, lexicon


@pytest.mark.parametrize("sentence, reference, text, value", [
    ("tarikh siap kerja dijangkakan pada 2 Disember 2023 manakala Projek LRA Sungai Limau di Baling",
     date(2021, 9, 21), "2 Disember 2023", "2023-12-02"),
    ("mendorong konflik yang mengakibatkan pesawat Malaysia MH17 ditembak jatuh pada 17 Julai 2014.",
     date(2021, 12, 17), "17 Julai 2014", "2014-07-17"),
    ("tertuduh selaku penganjur perhimpunan pada 14 Ogos 2022 pukul 2 petang di hadapan Kompleks Sogo",
     date(2023, 6, 8), "14 Ogos 2022", "2022-08-14"),
    ("tempoh penutupan laluan di seksyen ke Hutan Mossy bermula 7 Mac ini hingga 7 Mac 2025",
     date(2022, 3, 4), "7 Mac 2025", "2025-03-07"),
    ("pengecualian bagi fi LKM kenderaan elektrik bermula dari 1 Januari lalu sehingga 31 Disember 2025",
     date(2022, 2, 14), "31 Disember 2025", "2025-12-31"),
    ("kejadian itu didakwa dilakukan di Jalan Persisiran Perling, Johor pada 16 Jun dan 19 Jun 2018.",
     date(2022, 10, 28), "19 Jun 2018", "2018-06-19"),
    ("Rustam sejak dilantik pada 4 Jun 2020 lalu bagi menggantikan Tun Mohd.",
     date(2023, 11, 11), "4 Jun 2020", "2020-06-04"),
    ("kotak hitam pesawat China Eastern Airlines yang terhempas pada Isnin lalu.",
     date(2022, 3, 23), "Isnin lalu", "2022-03-21"),
    ("Suspek direman selama tujuh hari bermula hari ini sehingga Jumaat depan",
     date(2022, 9, 17), "Jumaat depan", "2022-09-23"),
    ("mangsa dilaporkan hilang berhampiran Pulau Dinawan, Kinarut semalam.",
     date(2021, 11, 3), "semalam", "2021-11-02"),
    ("seorang pekerja yang maut selepas ditimbus simen dalam kejadian di sebuah kilang di Chemor, kelmarin.",
     date(2023, 8, 16), "kelmarin", "2023-08-14"),
    ("Lelaki itu ditahan pukul 10 malam semalam selepas hadir ke pejabat SPRM",
     date(2023, 3, 15), "pukul 10 malam semalam", "2023-03-14T22:00"),
    ("menaiki bot pam untuk memancing ikan pada pukul 2 petang semalam.",
     date(2021, 11, 3), "pukul 2 petang semalam", "2021-11-02T14:00"),
    ("di Pejabat Menteri Besar, Wisma Darul Aman pada pukul 11.30 pagi esok.",
     date(2023, 8, 13), "pukul 11.30 pagi esok", "2023-08-14T11:30"),
    ("mangsa dijumpai oleh orang kampung di sekitar Pulau Dinawan petang semalam.",
     date(2021, 11, 3), "petang semalam", "2021-11-02TAF"),
    ("Sejak tahun lepas kita memang ada perancangan untuk Ipoh.",
     date(2023, 5, 31), "tahun lepas", "2022"),
    ("konsert percuma awal bulan depan di Bandar Malaysia, Sungai Besi",
     date(2022, 10, 27), "awal bulan depan", "2022-11"),
    ("Minggu hadapan insya-Allah kita sudah ada SOP.",
     date(2021, 6, 23), "Minggu hadapan", "2021-W26"),
])
def test_malay_dates_get_their_values(sentence, reference, text, value):
    found = {e.text: e.value for e in temporal_expressions(sentence, reference, "ms")}
    assert found.get(text) == value, found


@pytest.mark.parametrize("sentence, reference, id_value, ms_value", [
    # Indonesian semalam is last night; Malay semalam is yesterday.
    ("mangsa dilaporkan hilang berhampiran Pulau Dinawan, Kinarut semalam.", date(2021, 11, 3),
     "2021-11-02TNI", "2021-11-02"),
    # Malay minggu is a week, never Sunday.
    ("Minggu lalu, kadar pertukaran mata wang ringgit naik.", date(2022, 4, 30), None, "2022-W16"),
])
def test_malay_layer_changes_readings_only_for_malay(sentence, reference, id_value, ms_value):
    def first_value(language):
        found = temporal_expressions(sentence, reference, language)
        return found[0].value if found else None
    assert first_value("ms") == ms_value
    if id_value is not None:
        assert first_value("id") == id_value


def test_malay_layer_extends_without_copying():
    ms, base = lexicon("ms"), lexicon("id")
    assert ms["months"]["ogos"] == 8 and "ogos" not in base["months"]
    assert ms["months"]["agustus"] == 8  # Indonesian names still read
    assert "minggu" not in ms["weekdays"] and "minggu" in base["weekdays"]
    assert set(base["year_prepositions"]) < set(ms["year_prepositions"])
    assert grammar_languages("ms") == ("ms",)
    assert grammar_languages("und") == ("id", "en")


def test_clock_right_after_a_date_keeps_that_date():
    found = temporal_expressions("Minggu (28/12/2014) pukul 06.18 WIB kemarin", date(2014, 12, 29))
    assert [e.value for e in found][-1].startswith("2014-12-28T06:18")


@pytest.mark.parametrize("text, reference, expected", [
    # Utusan, 30 April 2022: early April is already past, so it is this April.
    ("Minggu lalu, kadar pertukaran mata wang Singapura adalah 3.17 berbanding ringgit Malaysia, yang meningkat "
     "dari 3.10 sejak awal April lalu.", date(2022, 4, 30), "2022-04"),
    ("Harga naik sejak awal April lalu.", date(2022, 4, 3), "2021-04"),
    ("Harga naik sejak akhir April lalu.", date(2022, 4, 30), "2021-04"),
])
def test_early_month_lalu_is_this_month_once_its_first_days_are_past(text, reference, expected):
    values = [e.value for e in temporal_expressions(text, reference, "ms") if "April" in e.text]
    assert values == [expected]


@pytest.mark.parametrize(("sentence", "span", "timex_type"), [
    # Utusan: "four flights a day" is a rate (SET), not a one-day length.
    ("Beliau berkata, penerbangan VTL bagi laluan baharu ini akan bermula dengan empat penerbangan sehari yang "
     "akan dioperasikan oleh syarikat-syarikat penerbangan.", "sehari", "SET"),
    # Detik: "per tiga bulan sekali" (once every three months) is a rate too.
    ("Program PKH dan BPNT disalurkan secara bertahap per tiga bulan sekali dalam setahun.", "tiga bulan", "SET"),
    # ... while "selama sehari" (for one day) stays a duration.
    ("Mangsa dirawat selama sehari di Hospital Sultanah Bahiyah sebelum dibenarkan pulang.", "sehari", "DURATION"),
])
def test_a_unit_after_a_counted_noun_is_a_rate(sentence, span, timex_type):
    found = {e.text: e for e in temporal_expressions(sentence, date(2021, 11, 12), language="ms")}
    assert found[span].timex_type == timex_type
    assert found[span].value == ("P3M" if "bulan" in span else "P1D")


@pytest.mark.parametrize(("sentence", "span", "timex_type", "value"), [
    # Utusan: a rate after an amount of money and its scale word, however long the noun phrase.
    ("Ia antara inisiatif bagi mengutip hasil sekurang-kurangnya RM1 bilion setahun dalam tempoh tiga tahun "
     "akan datang.", "setahun", "SET", "P1Y"),
    ("Ebit Lew yang sudi membantu membayarkan sewa rumah kami sebanyak RM450 sebulan.", "sebulan", "SET", "P1M"),
    ("Ronaldo kini menerima gaji 360,000 pound (RM1.9 juta) seminggu, sementara pemain yang menerima gaji tertinggi",
     "seminggu", "SET", "P1W"),
    ("Kini dia mampu menerima 100 hingga 1,000 tempahan sehari berbekalkan platform e-dagang.", "sehari", "SET",
     "P1D"),
    # ... but a length after a relative clause stays a duration: no amount is divided.
    ("mangsa, Muhammad Zahid Nagappan, 74, yang baru setahun memeluk agama Islam", "setahun", "DURATION", "P1Y"),
    # Utusan: a stretch up to now or from now is a duration, not the date at its far end.
    ("Kerjasama PH dan UMNO telah terbentuk dengan baik di peringkat Kerajaan Pusat dan negeri sepanjang tujuh "
     "bulan lalu.", "tujuh bulan lalu", "DURATION", "P7M"),
    ("mengutip hasil sekurang-kurangnya RM1 bilion setahun dalam tempoh tiga tahun akan datang.",
     "tiga tahun akan datang", "DURATION", "P3Y"),
    # ... while "sejak" (since) keeps the date three weeks back.
    ("Banjir tersebut berlaku selepas hujan lebat kerap berlaku sejak dua minggu lalu.", "dua minggu lalu", "DATE",
     "2021-W43"),
])
def test_rates_and_stretches_read_from_their_left_context(sentence, span, timex_type, value):
    found = {e.text: e for e in temporal_expressions(sentence, date(2021, 11, 12), language="ms")}
    assert (found[span].timex_type, found[span].value) == (timex_type, value)


@pytest.mark.parametrize("sentence", [
    # Utusan: the hour divides a distance; a speed is no temporal expression.
    "Siklon itu membawa angin kencang sehingga 195 kilometer sejam (km/j) ke Cox's Bazar.",
    "Tren berkuasa 25,000 voltan itu akan bergerak selaju 140 kilometer sejam dengan anggaran masa perjalanan.",
])
def test_the_hour_of_a_speed_is_not_a_duration(sentence):
    assert not [e for e in temporal_expressions(sentence, date(2023, 5, 14), language="ms") if "jam" in e.text]


@pytest.mark.parametrize(("sentence", "expected"), [
    # Utusan: "Khamis" closes a person's name (after another capitalised word, no deictic after it).
    ("Penganalisis politik dari Universiti Utara Malaysia (UUM), Dr. Kamarul Azman Khamis berkata, langkah BN "
     "menampilkan 86 peratus calon muka baharu", []),
    # ... a weekday with its deictic or after a preposition is still a day.
    ("Suspek pertama yang berusia 37 tahun itu ditahan di Kampung Teluk Lipat pada Khamis lalu.",
     [("Khamis lalu", "2021-11-11")]),
])
def test_a_weekday_closing_a_name_is_no_day(sentence, expected):
    found = [(e.text, e.value) for e in temporal_expressions(sentence, date(2021, 11, 12), language="ms")]
    assert found == expected


def test_dahulu_after_a_counted_unit_means_ago_not_a_length():
    # Utusan: "sejak 75,000 tahun dahulu" (since 75,000 years ago) is no 75,000-year DURATION.
    found = temporal_expressions("Saintis mempercayai golongan lelaki dan wanita mula memakai perhiasan manik sejak "
                                 "75,000 tahun dahulu.", date(2023, 6, 1), language="ms")
    assert [e.timex_type for e in found if "tahun" in e.text] in ([], ["DATE"])


def test_a_day_and_month_before_ini_is_this_years_date():
    # Utusan, 17 June 2021: the past-tense "katanya" does not send "20 Jun ini" a year back.
    text = ("Menurutnya, kedua-dua suspek dikesan positif metamfetamin dan mempunyai rekod lampau jenayah serta "
            "dadah.\n\n“Mereka direman sehingga 20 Jun ini dan kes disiasat mengikut Seksyen 379A dan Seksyen 457 "
            "Kanun Keseksaan,” katanya.")
    assert [e.value for e in temporal_expressions(text, date(2021, 6, 17), language="ms") if "Jun" in e.text] == [
        "2021-06-20"]
