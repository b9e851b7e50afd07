"""Gazetteer names in realistic Indonesian and English sentences: types, canonical names, codes."""

import pytest

from newsetl.transforms.entities import entity_mentions


def _only(text: str, surface: str, language: str = "id"):
    found = [m for m in entity_mentions(text, language) if m.text == surface]
    assert found, f"{surface!r} not found in {[m.text for m in entity_mentions(text, language)]}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "surface", "code", "language"),
    [
        ("Rusia akan memenuhi komitmennya kepada Armenia.", "Rusia", "RU", "id"),
        ("Russia has promised to help Armenia.", "Russia", "RU", "en"),
        ("Turki membantah mengerahkan kombatan ke wilayah tersebut.", "Turki", "TR", "id"),
        ("Turkey denied sending fighters to the region.", "Turkey", "TR", "en"),
        ("Tentara bayaran dari Suriah dikirim ke zona perang.", "Suriah", "SY", "id"),
        ("Mediator internasional Prancis siap membantu.", "Prancis", "FR", "id"),
        ("Mediator dari Perancis tiba di Baku.", "Perancis", "FR", "id"),
        ("Pihaknya siap bekerja dengan Amerika Serikat untuk gencatan senjata.", "Amerika Serikat", "US", "id"),
        ("Gencatan senjata yang ditengahi AS pecah minggu lalu.", "AS", "US", "id"),
        ("Pashinyan berbicara dengan surat kabar Bild, Jerman.", "Jerman", "DE", "id"),
        ("Pasukan Armenia menekan semua upaya.", "Armenia", "AM", "id"),
        ("Pasukan Azerbaijan menguasai benteng baru.", "Azerbaijan", "AZ", "id"),
        ("Pejuang dari Suriah dan Libya dikerahkan ikut berperang.", "Libya", "LY", "id"),
        ("The UK summoned the ambassador.", "UK", "GB", "en"),
    ],
)
def test_country_names_get_iso_codes(sentence, surface, code, language):
    mention = _only(sentence, surface, language)
    assert (mention.entity_type, mention.country_code) == ("LOC", code)


@pytest.mark.parametrize(
    ("sentence", "surface", "canonical"),
    [
        ("Yerevan berada dalam aliansi militer yang dipimpin oleh Moskow.", "Moskow", "Moscow"),
        ("Yerevan berada dalam aliansi militer yang dipimpin oleh Moskow.", "Yerevan", "Yerevan"),
        ("Ankara dan Baku membantah klaim tersebut.", "Baku", "Baku"),
        ("Ankara dan Baku membantah klaim tersebut.", "Ankara", "Ankara"),
        ("Di ibu kota provinsi itu, Stepanakert, terdengar dua ledakan.", "Stepanakert", "Stepanakert"),
        ("Empat warga sipil terluka dalam penembakan di Ganja.", "Ganja", "Ganja"),
        ("Bom cluster menghantam Kota Barda di Azerbaijan.", "Barda", "Barda"),
        ("Bisnis.com, JAKARTA - Pertempuran sengit terus berlangsung.", "JAKARTA", "Jakarta"),
        ("Sekitar 2.000 militan dari Timur Tengah ikut membantu.", "Timur Tengah", "Middle East"),
        ("Negara-negara Kaukasus yang berseteru telah mengalami kebuntuan.", "Kaukasus", "Caucasus"),
    ],
)
def test_cities_and_regions_are_their_own_places(sentence, surface, canonical):
    mention = _only(sentence, surface)
    assert (mention.entity_type, mention.canonical_name, mention.country_code) == ("LOC", canonical, None)


def test_moscow_is_not_russia():
    text = "Moskow berulang kali menyerukan diakhirinya pertempuran, kata Rusia."
    moscow, russia = _only(text, "Moskow"), _only(text, "Rusia")
    assert moscow.entity_key != russia.entity_key
    assert moscow.entity_key == "LOC:moscow"


@pytest.mark.parametrize(
    "sentence",
    [
        "Pertempuran berlangsung di wilayah Nagorno-Karabakh yang disengketakan.",
        "Pertempuran berlangsung di wilayah Nagorno Karabakh yang disengketakan.",
        "Bentrok itu dilatarbelakangi oleh sengketa wilayah Karabakh.",
        "Rusia ingin terlibat dalam konflik dengan Republik Nagorno-Karabakh yang memisahkan diri.",
    ],
)
def test_nagorno_karabakh_forms_share_one_key(sentence):
    [mention] = [m for m in entity_mentions(sentence) if "Karabakh" in m.text]
    assert (mention.entity_type, mention.entity_key, mention.canonical_name) == (
        "LOC",
        "LOC:nagorno karabakh",
        "Nagorno-Karabakh",
    )


@pytest.mark.parametrize(
    ("sentence", "surface", "canonical"),
    [
        ("Hal itu disampaikan seperti dikutip kantor berita TASS.", "TASS", "TASS"),
        ("Lavrov berbicara kepada harian Kommersant, lansir AFP.", "AFP", "AFP"),
        ("Lavrov berbicara kepada harian Kommersant, lansir AFP.", "Kommersant", "Kommersant"),
        ("Cavusoglu dikutip oleh kantor berita Anadolu yang dikelola pemerintah.", "Anadolu", "Anadolu Agency"),
        ("Pashinyan diwawancarai surat kabar Bild, Jerman.", "Bild", "Bild"),
        ("Hal itu dilaporkan Reuters pada Senin.", "Reuters", "Reuters"),
        ("Ia menulis di Facebook seperti dikutip Aljazeera.com, Minggu.", "Aljazeera.com", "Al Jazeera"),
        ("Laporan itu disiarkan Al Jazeera pada Minggu.", "Al Jazeera", "Al Jazeera"),
        ("Sebagaimana dikutip SinarPost.com dari Russia Today.", "Russia Today", "Russia Today"),
        ("Angka korban itu dilansir The New Arab, Kamis.", "The New Arab", "The New Arab"),
        ("Berita itu pertama kali dimuat Kompas.com pada pagi hari.", "Kompas.com", "Kompas"),
    ],
)
def test_agencies_and_media_are_organisations(sentence, surface, canonical):
    mention = _only(sentence, surface)
    assert (mention.entity_type, mention.canonical_name) == ("ORG", canonical)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rumah itu terletak antara sungai dan jalan raya.",
        "Antara lain yang hadir adalah para pejabat daerah.",
        "Dalam tempo singkat, harga cabai melonjak.",
    ],
)
def test_common_words_spelled_like_outlets_are_not_matched(sentence):
    assert not [m for m in entity_mentions(sentence) if m.entity_type == "ORG"]


def test_acronym_aliases_need_capitals():
    assert not [m for m in entity_mentions("Ia datang as usual, kata warga.", "id") if m.country_code]
