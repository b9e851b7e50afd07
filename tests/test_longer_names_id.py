"""Indonesian and Malay places inside longer names (issue 16): real Utusan and Detik sentences."""

import pytest

from newsetl.transforms.entities.mentions import entity_mentions

CASES = [
    ("ms", "Bermula hari ini juga, pihak Maritim Malaysia (APMM) dan Pasukan Polis Marin (PPM) membantu.", "Maritim Malaysia", "ORG"),
    ("ms", "Keputusan itu dalam Piala Juara-juara STL di Iskandar Malaysia Studio, sebentar tadi.", "Iskandar Malaysia Studio", "ORG"),
    ("ms", "Justeru, beliau berkata, tiada gunanya Met Malaysia wujud sekiranya Perdana Menteri enggan.", "Met Malaysia", "ORG"),
    ("ms", "Air yang dibekalkan syarikat Air Kelantan Sdn. Bhd. hanya keluar angin.", "Air Kelantan Sdn. Bhd", "ORG"),  # the legal form is part of the name
    ("id", "Bank Indonesia (BI) memperkirakan bank sentral Amerika Serikat (AS) atau Federal Reserve (The Fed) masih menahan suku bunga.", "Amerika Serikat", "LOC"),
    ("id", "Ratusan guru di Mataram, Nusa Tenggara Barat (NTB), bakal mendapatkan pelatihan.", "Nusa Tenggara Barat", "LOC"),
    ("ms", "Penggemar durian di Semenanjung Malaysia tidak perlu berasa risau.", "Semenanjung Malaysia", "LOC"),  # the peninsula, a place of its own
    ("ms", "PUTRAJAYA: Kerajaan Malaysia hari ini mengutuk sekeras-kerasnya keputusan rejim itu.", "Malaysia", "LOC"),
    ("id", "kata Sugiat di kompleks parlemen Senayan, Jakarta Pusat, Rabu (23/4/2025).", "Jakarta Pusat", "LOC"),
    ("id", "Jalur alternatif dari Cimahi menuju Ngamprah, Kabupaten Bandung Barat (KBB) itu praktis terputus.", "Bandung Barat", "LOC"),
    ("id", "Dengan adanya peran lembaga kliring dalam hal ini dijalankan Indonesia Clearing House (ICH), dapat dipastikan transaksi akan berjalan.", "Indonesia Clearing House", "ORG"),
    ("id", "Laporan itu dimuat Saudi Gazette pada Senin.", "Saudi Gazette", "ORG"),
    ("id", "Polisi menangkap saudara AS di rumahnya.", "AS", "PERSON"),
    ("id", "Ketua DPR AS Nancy Pelosi tiba di Taiwan.", "DPR AS", "ORG"),
    ("id", "Presiden AS Joe Biden tiba di Jakarta.", "AS", "LOC"),
]


@pytest.mark.parametrize("language, sentence, name, entity_type", CASES)
def test_longer_name_types(language, sentence, name, entity_type):
    assert (name, entity_type) in {(m.text, m.entity_type) for m in entity_mentions(sentence, language)}


@pytest.mark.parametrize("sentence", [
    "Dia melihat persembahan pemain badminton negara selepas Terbuka Malaysia baru-baru ini.",
    "Dia tewas di final Terbuka India kelmarin ke Kejohanan Masters Indonesia yang bermula esok.",
    "Pearly Tan-M. Thinaah, yang juga juara Terbuka Perancis tahun lalu, tewas.",
])
def test_tournament_mentions_no_place(sentence):
    assert not any(m.entity_type == "LOC" for m in entity_mentions(sentence, "ms"))


@pytest.mark.parametrize("language, sentence, place", [
    ("ms", "Dia menyumbang tabung bencana RM30,000 kepada Bulan Sabit Merah Malaysia (BSMM) pada program itu.", "Malaysia"),
    ("ms", "Calon Sijil Pelajaran Malaysia (SPM) menduduki peperiksaan esok.", "Malaysia"),
])
def test_acronym_named_mentions_no_place(language, sentence, place):
    assert place not in {m.text for m in entity_mentions(sentence, language)}


def test_fair_mentions_no_place():
    sentence = "kata Antoni kepada wartawan usai acara Indonesia Maritim Week (IMW) di JCC Senayan, Jakarta."
    assert "Indonesia" not in {m.text for m in entity_mentions(sentence, "id")}
