"""Issue 16 (Detik, round 2): a branch's place written after the bracketed short form is part of the
organisation's name, a head word inside a gazetteer name opens no organisation, and law and
civil-service acronyms are no organisation. Sentences from ../shared/data/news/detik.csv."""

import pytest

from newsetl.transforms.entities import entity_mentions


def _mentions(text):
    return [(m.entity_type, m.text, m.canonical_name) for m in entity_mentions(text, "id")]


@pytest.mark.parametrize(
    ("text", "org", "name"),
    [
        ("Ayah TAS, Lukas Diana Putra, mendatangi Kepolisian Resor Kota (Polresta) Denpasar dan meminta kejelasan "
         "terkait kronologi tewasnya TAS.", "Kepolisian Resor Kota (Polresta) Denpasar", "Kepolisian Resor Kota Denpasar"),
        ("Pemerintah Kota (Pemkot) Denpasar mengukuhkan Duta Lingkungan Pengelolaan Sampah Berbasis Sumber (PSBS).",
         "Pemerintah Kota (Pemkot) Denpasar", "Pemerintah Kota Denpasar"),
        ("Pemerintah Kabupaten Sukabumi langsung menindaklanjuti insiden tersebut dengan menurunkan Satuan Tugas "
         "(Satgas) MBG untuk melakukan peninjauan ke lapangan.", "Satuan Tugas (Satgas) MBG", "Satuan Tugas MBG"),
    ],
)
def test_a_place_after_the_bracketed_short_form_names_the_branch(text, org, name):
    found = _mentions(text)
    assert ("ORG", org, name) in found, found
    start = text.index(org)
    # The place inside the branch's name is no mention of its own.
    assert not [m for m in entity_mentions(text, "id") if start < m.start < start + len(org)], found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A school's city is its seat, no branch: the city stays its own place.
        ("Mahasiswa itu diketahui sebagai mahasiswa Fakultas Hukum Universitas Diponegoro (Undip) Semarang.",
         ("LOC", "Semarang")),
        # A country after the bracket is the national body's, no branch.
        ("Rancangan itu dibahas Dewan Perwakilan Rakyat (DPR) RI pekan depan.", ("LOC", "RI")),
    ],
)
def test_a_seat_or_a_country_after_the_bracket_stays_its_own_mention(text, kept):
    assert kept in [(t, s) for t, s, _n in _mentions(text)], _mentions(text)


def test_a_head_word_inside_a_country_name_opens_no_organisation():
    text = ("\"Presiden Amerika Serikat Donald Trump mengumumkan kesepakatan perdagangan penting dengan Indonesia, "
            "yang akan memberi manfaat,\" ujarnya.")
    found = _mentions(text)
    assert ("LOC", "Amerika Serikat", "United States") in found, found
    assert ("PERSON", "Donald Trump") in [(t, s) for t, s, _n in found], found
    assert not [m for m in found if m[0] == "ORG"], found


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("MK mengatakan, secara substansi, Pasal 27A UU ITE dan Pasal 433 ayat (1) KUHP Tahun 2023 memiliki "
         "kesamaan substansi. Namun Pasal 27A UU ITE tidak memiliki penjelasan seperti KUHP.", "ITE"),
        ("Dalam petitumnya, Daniel menggugat Pasal 27A UU ITE, Pasal 45 ayat (4) UU ITE, Pasal 28 ayat (2) UU "
         "ITE, hingga Pasal 45A ayat (2) UU ITE.", "ITE"),
    ],
)
def test_law_and_civil_status_acronyms_are_no_organisation(text, acronym):
    found = _mentions(text)
    assert not [m for m in found if m[1] == acronym], found


def test_a_legal_form_in_brackets_is_no_name():
    text = ("PT Pertamina (Persero) kembali menunjukkan komitmennya dalam mencetak generasi muda unggul melalui "
            "program Pertamina Youth.")
    found = _mentions(text)
    assert not [m for m in found if m[1] == "Persero"], found
    assert ("ORG", "PT Pertamina", "Pertamina") in found, found
