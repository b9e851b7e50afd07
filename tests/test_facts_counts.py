"""Tests for transforms.facts.event_counts: people killed, wounded, fighting or displaced."""

import pytest

from newsetl.transforms.facts import event_counts


def counts(text, language="id"):
    found = event_counts(text, language)
    for count in found:
        assert text[count.start:count.end] == count.text
    return [(c.text, c.count_type, c.value, c.is_approximate) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Total kematian dari pertempuran dua negara tetangga ini berjumlah 39 orang.",
         [("39 orang", "killed", 39, False)]),
        ("Dikonfirmasi bahwa kematian mendekati 130 orang ketika pertempuran meluas.",
         [("mendekati 130 orang", "killed", 130, True)]),
        ("Sekitar 2.000 militan dari Timur Tengah ikut membantu Azerbaijan.",
         [("Sekitar 2.000 militan", "fighters", 2000, True)]),
        ("Korban tewas akibat pertempuran di wilayah itu lebih dari 200 orang.",
         [("lebih dari 200 orang", "killed", 200, True)]),
        ("Azerbaijan mengatakan bahwa 19 warga sipil tewas dan 60 luka-luka.",
         [("19 warga sipil", "killed", 19, False), ("60 luka-luka", "wounded", 60, False)]),
        ("Empat warga sipil terluka dan seorang lainnya tewas.",
         [("Empat warga sipil", "wounded", 4, False), ("seorang lainnya tewas", "killed", 1, False)]),
        ("Permusuhan telah menyebabkan ratusan, mungkin ribuan orang tewas.",
         [("ratusan, mungkin ribuan orang", "killed", 100, True)]),
        ("Turki telah mengirim ratusan pejuang oposisi Suriah.",
         [("ratusan pejuang", "fighters", 100, True)]),
        ("Jumlah korban tewas ratusan orang hingga hari ini.", [("ratusan orang", "killed", 100, True)]),
        ("Tiga puluh sembilan orang tewas dalam serangan itu.",
         [("Tiga puluh sembilan orang", "killed", 39, False)]),
        ("Dua ribu tentara bayaran dikirim ke wilayah itu.",
         [("Dua ribu tentara bayaran", "fighters", 2000, False)]),
        ("Sebanyak 1,5 juta orang mengungsi akibat konflik.",
         [("1,5 juta orang", "displaced", 1_500_000, False)]),
        ("Puluhan warga sipil terluka akibat serangan roket.", [("Puluhan warga sipil", "wounded", 10, True)]),
        ("Belasan orang dilaporkan hilang setelah serangan.", [("Belasan orang", "other", 10, True)]),
        ("Ribuan orang mengungsi ke Armenia.", [("Ribuan orang", "displaced", 1000, True)]),
        ("Sebanyak 50 tentara tewas dalam pertempuran.", [("50 tentara", "killed", 50, False)]),
        ("Korban jiwa mencapai 200.", [("Korban jiwa mencapai 200", "killed", 200, False)]),
        ("Setidaknya 10-15 orang terluka.", [("Setidaknya 10-15 orang", "wounded", 10, True)]),
        ("Sekitar 200 orang lebih tewas.", [("Sekitar 200 orang lebih", "killed", 200, True)]),
        ("Serangan pada 27 September 2020 menewaskan 12 orang.", [("12 orang", "killed", 12, False)]),
        ("Pada tahun 1994 perang berakhir dengan 30.000 orang tewas.",
         [("30.000 orang", "killed", 30000, False)]),
    ],
)
def test_indonesian_counts(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 39 people were killed and 120 wounded in the shelling.",
         [("At least 39 people", "killed", 39, True), ("120 wounded", "wounded", 120, False)]),
        ("The death toll rose to 130, officials said.", [("death toll rose to 130", "killed", 130, False)]),
        ("Nearly 2,000 Syrian fighters have been deployed.",
         [("Nearly 2,000 Syrian fighters", "fighters", 2000, True)]),
        ("The strike hit a market, killing 12 civilians, including four children.",
         [("12 civilians", "killed", 12, False)]),
        ("Hundreds of people fled to Armenia.", [("Hundreds of people", "displaced", 100, True)]),
        ("Dozens of Armenian soldiers were killed overnight.",
         [("Dozens of Armenian soldiers", "killed", 12, True)]),
    ],
)
def test_english_counts(text, expected):
    assert counts(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pesawat F-16 Turki menjatuhkan SU-25 Armenia.",
        "Rusia memiliki pangkalan ke-102 di Armenia.",
        "Bentrok dimulai pada 27 September lalu, Senin (28/9/2020).",
        "Perang di sana berakhir pada tahun 1994.",
        "Anak berusia 12 tahun tewas.",
        "Harga naik 20 persen dan bantuan Rp 5.000 per orang.",
        "Bantuan sebesar 2.000 dolar untuk setiap keluarga.",
        "Sebanyak 30% warga sipil tewas.",
        "Baru berjalan selama dua hari baku tembak antar kedua negara.",
        "Dua negara itu telah berperang selama tiga dekade.",
        "Kami menghadapi momen paling menentukan dalam sejarah ribuan tahun kami.",
        "Sebanyak 2.000 orang menghadiri pemakaman.",
        "Pemakaman korban tewas dihadiri 2.000 orang.",
        "Terdengar dua ledakan pada tengah malam.",
        "",
    ],
)
def test_non_counts_are_ignored(text):
    assert counts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Flood victims counted at relief centres (PPS) are displaced, not "other".
        ("Selain itu, seramai 292 mangsa direkodkan di Negeri Sembilan yang terdiri daripada 84 orang di empat PPS.",
         [("292 mangsa", "displaced", 292, False)]),
        # "termasuk dua remaja": two of four (the four are no count here); the subset is none either.
        ("PETALING JAYA: Empat mat rempit termasuk dua remaja ditahan polis di di Jalan Kluang.", []),
        # "hilang minat": losing interest, nobody missing.
        ("Ada seorang yang mengambil berat kepada hilang minat terhadap pasangannya.", []),
        # "satu das": one shot fired in an attempted murder, nobody killed.
        ("Hakim Norhayati Mohamad Yunus atas dua pertuduhan iaitu cubaan membunuh lelaki warga Pakistan dengan "
         "menembak sebanyak satu das dengan senjata api jenis Steven 6400.", []),
    ],
)
def test_malay_totals_shelters_and_shots(text, expected):
    assert counts(text, "ms") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # BBC: MPs voting against their party are "rebels" too; no fighters there.
        ("The cross-party amendment was narrowly rejected by the Commons despite the support of 62 Labour rebels.", []),
        ("At least 62 rebels were killed in the fighting.", [("At least 62 rebels", "killed", 62, True)]),
    ],
)
def test_parliamentary_rebels_are_no_fighters(text, expected):
    assert counts(text, "en") == expected
