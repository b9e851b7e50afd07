"""Tests for transforms.facts.source_citations: media through which statements were relayed."""

import pytest

from newsetl.transforms.facts import source_citations
from newsetl.transforms.records import EntityMention


@pytest.mark.parametrize(
    ("text", "names", "cue"),
    [
        ("Rusia akan memenuhinya, ujarnya seperti dikutip kantor berita TASS.", ["TASS"], "dikutip"),
        ("Pernyataan itu dikutip oleh harian Hurriyet.", ["Hurriyet"], "dikutip"),
        ("kata Mevlut Cavusoglu, seperti dikutip oleh kantor berita Anadolu yang dikelola pemerintah Turki.",
         ["Anadolu"], "dikutip"),
        ("kata Kementerian Luar Negeri Rusia, sebagaimana dikutip SinarPost.com dari Russia Today.",
         ["Russia Today"], "dikutip"),
        ("Kematian mendekati 130 orang, dilansir The New Arab, Kamis (1/10/2020).", ["The New Arab"], "dilansir"),
        ("Sistem Smerch digunakan, seperti dilansir TASS.", ["TASS"], "dilansir"),
        ("dilansir dari laman Anadolu Agency, Senin (5/10/2020).", ["Anadolu Agency"], "dilansir"),
        ("kata Lavrov dalam wawancara dengan harian bisnis Rusia Kommersant, lansir AFP, Selasa.",
         ["Kommersant", "AFP"], None),
        ("kata Pashinyan wawancara dengan surat kabar Bild, Jerman.", ["Bild"], "wawancara dengan"),
        ("tulisnya di Facebook seperti dikutip Aljazeera.com, Minggu (4/10/2020).", ["Aljazeera"], "dikutip"),
        ("Menurut Reuters, pertempuran berlanjut hingga malam.", ["Reuters"], "menurut"),
        ("mengutip Sputnik, Kremlin menyatakan siap menengahi.", ["Sputnik"], "mengutip"),
        ("Ia mengatakan kepada CNN Indonesia bahwa situasi memburuk.", ["CNN Indonesia"], "kepada"),
        ("Kantor berita Interfax melaporkan bahwa jet tempur terbang di atas kota.", ["Interfax"], "melaporkan"),
        ("BAKU (AFP) - Azerbaijan menuduh Armenia menembaki Ganja.", ["AFP"], None),
        ("Serangan itu menewaskan 12 orang (AFP/Reuters).", ["AFP", "Reuters"], None),
        # English
        ("According to the BBC, at least 100 people were killed.", ["BBC"], "according to"),
        ("Aliyev told Al Jazeera that the war would end soon.", ["Al Jazeera"], "told"),
        ("The New York Times reported that drones were used.", ["The New York Times"], "reported"),
    ],
)
def test_relayed_media_are_found(text, names, cue):
    found = source_citations(text, [])
    assert [c.source_name for c in found] == names
    for citation in found:
        assert text[citation.start:citation.end] == citation.source_name
    if cue is not None:
        assert found[0].cue == cue


@pytest.mark.parametrize(
    "text",
    [
        "Menurut Pashinyan, Turki terlibat langsung dalam konflik.",  # a person, not a medium
        "Dalam wawancara dengan Pashinyan, wartawan bertanya soal Rusia.",
        "Ia mengirim surat kepada Putin.",
        "Azerbaijan melaporkan korban sipil bertambah.",
        "Aliyev told reporters the war would end soon.",
        "Pemimpin Armenia itu menulis di Facebook bahwa pertempuran berlanjut.",
        "",
    ],
)
def test_non_media_are_not_citations(text):
    assert source_citations(text, []) == []


def test_entity_key_comes_from_an_overlapping_org_mention():
    text = "ujarnya seperti dikutip kantor berita TASS."
    start = text.index("TASS")
    mentions = [
        EntityMention(start, start + 4, "TASS", "ORG", "ORG:tass", "TASS"),
        EntityMention(0, 7, "ujarnya", "PERSON", "PERSON:ujarnya", "ujarnya"),
    ]
    [citation] = source_citations(text, mentions)
    assert citation.entity_key == "ORG:tass"


def test_non_org_mentions_give_no_entity_key():
    text = "seperti dikutip Bild."
    start = text.index("Bild")
    mentions = [EntityMention(start, start + 4, "Bild", "PERSON", "PERSON:bild", "Bild")]
    [citation] = source_citations(text, mentions)
    assert citation.entity_key is None


@pytest.mark.parametrize("text, expected", [
    # Utusan: a medium's name ending another name is not a citation ("Sabah" the state, not the paper).
    ("Bekas ahli Parlimen Sepanggar itu berkata pihak tertentu supaya beralih sokongan kepada Gabungan Rakyat "
     "Sabah (GRS).", []),
    ("Orang ramai diminta menyalurkan maklumat berkaitan ancaman pencerobohan perairan daerah ini kepada Pusat "
     "Operasi Maritim Negeri Sabah di talian 088-387774 atau 999 (MERS).", []),
    # Utusan: a capitalised descriptor word opening a known name stays in it.
    ("Memetik laporan Daily Mail , guru teknologi maklumat Stephen Chapple, 36 dan isterinya", ["Daily Mail"]),
    ("Mr Lammy told BBC News Labour MPs would not get a free vote.", ["BBC"]),
    ("kata dia kepada harian Kompas.", ["Kompas"]),
])
def test_known_media_inside_other_names(text, expected):
    assert [c.source_name for c in source_citations(text)] == expected
