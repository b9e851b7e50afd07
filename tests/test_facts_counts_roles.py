"""Who the counted people are (issue 17, real Detik sentences): attackers, guards and aid recipients are not victims,
and victims named by their occupation (siswa, pegawai) are counted."""

import pytest

from newsetl.transforms.facts.counts import event_counts


def counts(text):
    return [(c.text, c.count_type, c.value) for c in event_counts(text, "id")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # The attackers: "korban" is the object of the verb, not the noun of the number.
    ('Sebetulnya waktu datang itu 8 orang, di jalan saat papasan dengan H yang istrinya punya utang, langsung cekcok. '
     '3 orang menganiaya korban H," kata Kapolres Cimahi, AKBP Niko N. Adi Putra', []),
    # A noun after a verb is no fighters count either: the hero left the army.
    ('"Saya adalah keponakan seorang pahlawan Italia yang meninggalkan pasukan Mussolini dan bergabung dengan '
     'perlawanan," kata Mascoli.', []),
    # The noun keyword right after the number, or after a copula, still types it.
    ("Dari peristiwa ini ada 58 orang korban dan yang melapor 27 orang", [("58 orang", "other", 58)]),
    # Utusan: "lagi" (more) between the number and the noun keyword is no verb.
    ("PDRM akan terus melipatgandakan usaha bagi menjejaki 129 orang lagi mangsa yang dilaporkan masih belum dapat "
     "dikesan.", [("129 orang", "other", 129)]),
    ("Fakhmi mengatakan siswa SMP yang menjadi korban keracunan MBG tercatat sebanyak 182 orang berdasarkan data pada "
     "Selasa malam.", [("182 orang", "other", 182)]),
])
def test_noun_keyword_after_a_verb_is_its_object(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # Soldiers posted to guard a building are a security detail.
    ("Di Jatim, Kodam V Brawijaya menyiapkan sekitar 30 prajurit untuk pengamanan di gedung Kejati Jatim.", []),
    # Troops in a fight are still fighters.
    ("Sekitar 2.000 militan dari Timur Tengah ikut membantu Azerbaijan.", [("Sekitar 2.000 militan", "fighters", 2000)]),
])
def test_guards_are_not_fighters(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Kementerian tersebut menyatakan 17.711 siswa tewas dan 25.897 terluka, sementara 763 pegawai sektor pendidikan "
     "kehilangan nyawa.",
     [("17.711 siswa", "killed", 17711), ("25.897 terluka", "wounded", 25897), ("763 pegawai", "killed", 763)]),
    # An occupation with no casualty word is no count.
    ("Sejauh ini sudah ada 26 pegawai pajak yang dipecat oleh Kementerian Keuangan.", []),
])
def test_occupations_are_people(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Total sudah ada 4 tersangka yang telah ditahan.", [("4 tersangka", "other", 4)]),
    # The keyword sits past the clause: no count.
    ("Sementara itu, dua tersangka lainnya, HS dan ABT, tidak ditahan di rutan karena kondisi kesehatan yang belum "
     "membaik.", []),
])
def test_suspects_are_people(sentence, expected):
    assert counts(sentence) == expected
