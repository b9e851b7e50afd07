"""Indonesian call names (issue 16, point 3): a person goes by a middle or clipped word of their full name.

Passages are from Detik articles in ../shared/data/news/detik.csv; before these rules the short form
was an entity of its own (``Yasir``, ``Ghufron``) or the quote's speaker had no entity.
"""

import pytest

from newsetl.transforms.entities import entity_mentions
from newsetl.transforms.entities.docresolve import _resolved_keys
from newsetl.transforms.entities.resolution import resolved_keys
from newsetl.transforms.facts.quotes import quotes


def _keys_of(text: str, surface: str) -> set[str]:
    return {m.entity_key for m in entity_mentions(text, "id") if m.text == surface}


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        ("Ketua KPU Makassar, Andi Muhammad Yasir Arafat menegaskan, keterlibatan KPU akan memberikan legitimasi. "
         "\"Pak Wali menerima dan menyambut baik,\" ujar Yasir dalam keterangannya, Jumat (17/10/2025).\n"
         "Yasir menjelaskan, petunjuk teknis pemilihan saat ini masih dalam tahap penyusunan.",
         "Yasir", "PERSON:andi muhammad yasir arafat"),
        ("Direktur Utama BPJS Kesehatan, Prof. Ali Ghufron Mukti, menjelaskan bahwa pihaknya siap menanggung biaya "
         "pengobatan pasien keracunan. \"Kalau KLB lokal, maka tanggung jawabnya pemda,\" kata Prof. Ghufron kepada "
         "awak media di Jakarta Pusat.", "Ghufron", "PERSON:ali ghufron mukti"),
    ],
)
def test_a_middle_name_joins_the_full_name_in_the_document(text, short, full):
    assert _keys_of(text, short) == {full}


def test_a_call_name_two_full_names_share_stays_unlinked():
    # Two defendants named Eka: "kata Eka" would be a guess.
    text = ("\"Tidak ada satupun niat saya,\" kata Eka Sapanca saat membacakan pleidoi pribadinya.\n"
            "Empat terdakwa itu ialah Then Surianto Eka Prasetyo selaku Direktur PT Makassar Tene dan Eka Sapanca "
            "selaku Direktur Utama PT Permata Dunia. Menurut Eka, perbuatannya tidak merugikan negara.")
    assert _keys_of(text, "Eka") <= {"PERSON:eka"}


@pytest.mark.parametrize(
    ("keys", "short", "resolved"),
    [
        # Melki of Emanuel Melkiades Laka Lena: a clipped word, beside the key of the word itself.
        ({("melki",), ("melkiades",), ("emanuel", "melkiades", "laka", "lena")}, ("melki",),
         ("emanuel", "melkiades", "laka", "lena")),
        ({("febri",), ("febrian", "rizky", "akbar")}, ("febri",), ("febrian", "rizky", "akbar")),
        # Ni'am of Asrorun Ni'am Sholeh folds to two words, inside the full name.
        ({("ni", "am"), ("asrorun", "ni", "am", "sholeh")}, ("ni", "am"), ("asrorun", "ni", "am", "sholeh")),
        # Yasir is in two full names: left alone.
        ({("yasir",), ("andi", "muhammad", "yasir", "arafat"), ("yasir", "hadi")}, ("yasir",), ("yasir",)),
        # Too short to be clipped: "Ali" does not stand for "Alimuddin".
        ({("ali",), ("andi", "alimuddin")}, ("ali",), ("ali",)),
    ],
)
def test_call_names_resolve_only_to_one_full_name(keys, short, resolved):
    assert _resolved_keys(keys, True, inner=True)[short] == resolved


def test_english_middle_names_are_not_call_names():
    keys = {("jessica",), ("sarah", "jessica", "parker")}
    assert _resolved_keys(keys, True)[("jessica",)] == ("jessica",)


def test_an_untagged_speaker_is_keyed_by_the_full_name_holding_it():
    # Detik: the tagger misses "Said" (also an English word) but finds "Said Abdullah".
    text = ("Ketua Banggar DPR Said Abdullah menanggapi pidato Presiden. \"Penghasilan perkapita bisa mencapai 23 ribu "
            "USD,\" kata Said mengawali tanggapannya, Selasa (21/10/2025).")
    mentions = entity_mentions(text, "id")
    full = {m.entity_key for m in mentions if m.text == "Said Abdullah"}
    found = [q for q in quotes(text, mentions, "id") if q.quote_text.startswith("Penghasilan")]
    assert full and found and found[0].speaker_entity_key in full


@pytest.mark.parametrize(
    ("glued", "name"),
    [
        # Detik: "Menteri Keuangan (Menkeu)Purbaya Yudhi Sadewabuka suara soal ..." (a lost space).
        ("PERSON:purbaya yudhi sadewabuka", "PERSON:purbaya yudhi sadewa"),
    ],
)
def test_a_name_with_an_everyday_word_glued_on_is_that_name(glued, name):
    keys = {("PERSON", glued), ("PERSON", name), ("PERSON", "PERSON:andi arifin"), ("PERSON", "PERSON:andi ari")}
    resolved = resolved_keys(keys)
    assert resolved[("PERSON", glued)] == name
    assert resolved[("PERSON", "PERSON:andi arifin")] == "PERSON:andi arifin"  # "fin" is no everyday word


@pytest.mark.parametrize(
    ("short", "keys", "target"),
    [
        # Detik: "kata Prof. Ghufron" in an article that never writes "Ali Ghufron Mukti".
        ("PERSON:ghufron", {"PERSON:ali ghufron mukti"}, "PERSON:ali ghufron mukti"),
        # Two full names hold Yasir: neither.
        ("PERSON:yasir", {"PERSON:andi yasir arafat", "PERSON:budi yasir hadi"}, "PERSON:yasir"),
        # A name that opens a full name goes by the existing rule, not the middle word.
        ("PERSON:sigit", {"PERSON:listyo sigit prabowo", "PERSON:sigit widodo"}, "PERSON:sigit widodo"),
    ],
)
def test_a_corpus_call_name_joins_the_one_full_name_holding_it(short, keys, target):
    resolved = resolved_keys({("PERSON", short)} | {("PERSON", k) for k in keys})
    assert resolved[("PERSON", short)] == target
