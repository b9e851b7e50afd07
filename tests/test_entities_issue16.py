"""Issue 16: names on real news (title chains, honorifics, acronyms)."""

import pytest

from newsetl.transforms.entities import entity_mentions


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At a conference hosted by UK finance minister Gordon Brown on Friday, he said that he would.", "en"),
        ('"We will see growth here," said Dinesh Keskar, senior vice president Boeing.', "en"),
        ("Wakil Gubernur Sutrisno mengatakan bahwa banjir sudah surut.", "id"),
        ("Perdana Menteri Datuk Seri Anwar Ibrahim berkata kerajaan akan membantu.", "ms"),
    ],
)
def test_title_chains_emit_each_span_once(text, language):
    spans = [(m.start, m.end) for m in entity_mentions(text, language)]
    assert spans and len(spans) == len(set(spans))


def _persons(text, language="id"):
    return [m for m in entity_mentions(text, language) if m.entity_type == "PERSON"]


# Sentences from ../shared/data/news (Detik, Utusan, BBC).
@pytest.mark.parametrize(
    ("text", "language", "name", "role"),
    [
        ("Kelmarin, Presiden Bersatu, Tan Sri Muhyiddin Yassin menggesa agar undang-undang Anti Lompat Parti "
         "dikaji semula.", "ms", "Muhyiddin Yassin", "Tan Sri"),
        ("Pengerusi Pasukan Khas Jihad Tangani Inflasi, Tan Sri Annuar Musa berkata, beliau telah mengambil "
         "inisiatif.", "ms", "Annuar Musa", "Tan Sri"),
        ("Perdana Menteri Datuk Seri Anwar Ibrahim berkata kerajaan akan membantu.", "ms", "Anwar Ibrahim", "Datuk Seri"),
        ("Kapolres Kampar AKBP Boby Putra Ramadhan Sebayang mengatakan pelaku sudah ditahan.", "id",
         "Boby Putra Ramadhan Sebayang", "AKBP"),
        ("Ketua DPR Puan Maharani mengatakan rapat paripurna digelar pekan depan.", "id", "Puan Maharani", None),
    ],
)
def test_titles_and_honorifics_stay_out_of_names(text, language, name, role):
    people = _persons(text, language)
    assert name in [m.canonical_name for m in people]
    assert not any(m.canonical_name.split()[0] in ("Tan", "Sri", "Datuk", "Seri", "AKBP", "Kampar") for m in people)
    if role:
        assert [m.role for m in people if m.canonical_name == name] == [role]


@pytest.mark.parametrize(
    "text",
    [
        "Setiausaha Agung PAS berkata parti itu akan bertanding.",
        "Kata Datuk Seri. Hadir juga Tan Sri.",
        "Jaksa Agung menyebut kasus itu masih diselidiki.",
    ],
)
def test_a_title_alone_is_nobody(text):
    assert _persons(text, "ms") == []


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Menteri Dalam Negeri Tito Karnavian mengungkapkan sejak awal masa kabinet Prabowo-Gibran, dirinya "
         "mendapat mandat langsung dari Presiden.", {"Tito Karnavian", "Prabowo", "Gibran"}),
        ("Era Jokowi-JK berakhir, kata Presiden Joko Widodo.", {"Joko Widodo", "Jusuf Kalla"}),
    ],
)
def test_joint_mentions_split_into_their_people(text, people):
    assert {m.canonical_name for m in _persons(text)} == people


def test_a_hyphenated_given_name_is_one_person():
    assert [m.text for m in _persons("Perdana Menteri Shin Tae-yong hadir.")] == ["Shin Tae-yong"]


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Komisi Pemberantasan Korupsi (KPK) memeriksa saksi.", "KPK", "KPK"),
        ("Komisi Pemberantasan Korupsi (KPK) memeriksa saksi.", "Komisi Pemberantasan Korupsi", "KPK"),
        ("Rapat di DPR RI berlangsung hingga malam.", "DPR RI", "DPR"),
        ("Setiausaha Agung UMNO berkata parti itu akan bertanding.", "UMNO", "UMNO"),
        ("Inovasi Mobil Topling merupakan bagian dari strategi terintegrasi Pemerintah Provinsi Riau dalam "
         "mengendalikan inflasi daerah.", "Pemerintah Provinsi Riau", "Pemerintah Provinsi Riau"),
    ],
)
def test_acronyms_and_institutions_keep_their_written_form(text, surface, name):
    found = {m.text: m for m in entity_mentions(text, "id")}
    assert surface in found and found[surface].entity_type == "ORG"
    assert found[surface].canonical_name == name


def test_nickname_joins_the_full_name():
    text = "Menteri Sosial Saifullah Yusuf (Gus Ipul) menyebutkan ada penambahan hingga 16 juta KPM."
    keys = {m.text: m.entity_key for m in _persons(text)}
    assert keys["Gus Ipul"] == keys["Saifullah Yusuf"] == "PERSON:saifullah yusuf"


def test_all_capital_acronyms_are_not_title_cased():
    mentions = entity_mentions("The IAAF said it would appeal.", "en")
    assert all(m.canonical_name == "IAAF" for m in mentions if m.text == "IAAF")
