"""Malay names on real news (issue 16): one person's name is not cut at ``bin``/``Tun`` or at an
abbreviated given name's full stop (``Mohd.``), a seat after ``Ahli Parlimen`` is a place, and a
soft hyphen (U+00AD) cuts no word. Sentences from ../shared/data/news/utusan.csv; each failed before."""

import pytest

from newsetl.transforms.entities import entity_mentions


def _people(text):
    return {m.text: m.canonical_name for m in entity_mentions(text, "ms") if m.entity_type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KUALA LUMPUR: Bekas Perdana Menteri, Datuk Seri Najib Tun Razak tidak menolak kemungkinan akan "
         "bertanding dalam pilihan raya umum akan datang.", "Najib Tun Razak"),
        ("Pendakwaan kes dikendalikan oleh Timbalan Pendakwa Raya, Shamira Mohd. Luthfi Ismail, manakala hanya "
         "tiga tertuduh diwakili peguam bela.", "Shamira Mohd. Luthfi Ismail"),
        ("“Oleh itu, saya, Mohammad Noh bin Salleh ingin memohon maaf secara terbuka kepada ibu kandung Musa, "
         "Wan Nuraisyah Athirah binti Wan Amizulkhidi.", "Wan Nuraisyah Athirah binti Wan Amizulkhidi"),
    ],
)
def test_one_malay_name_stays_whole(text, name):
    people = _people(text)
    assert name in people, people
    assert not any(other != name and other in name for other in people), people


@pytest.mark.parametrize(
    ("text", "seat", "person"),
    [
        ("Teguran itu dibuat selepas Ahli Parlimen Machang, Wan Ahmad Fayhsal Wan Ahmad Kamal meminta Perdana "
         "Menteri menegur dan mengambil tindakan.", "Machang", "Wan Ahmad Fayhsal Wan Ahmad Kamal"),
        ("Bagaimanapun, Ahli Parlimen Tawau daripada GRS, Lo Su Fui, menafikan dakwaan tersebut.", "Tawau",
         "Lo Su Fui"),
    ],
)
def test_the_seat_after_ahli_parlimen_is_a_place(text, seat, person):
    spans = {(m.text, m.entity_type) for m in entity_mentions(text, "ms")}
    assert (seat, "PERSON") not in spans
    assert (person, "PERSON") in spans


def test_a_soft_hyphen_cuts_no_organisation_name():
    text = ("Tambah Izizam yang juga Pengerusi Jawatankuasa Hu\u00adbu\u00adngan dan Kerjasama Sempadan negeri, "
            "menerusi semakan dilakukan pihaknya.")
    orgs = {m.canonical_name for m in entity_mentions(text, "ms") if m.entity_type == "ORG"}
    assert any(name.startswith("Jawatankuasa Hubungan") for name in orgs), orgs
    assert "Jawatankuasa Hu" not in orgs



@pytest.mark.parametrize(
    ("text", "language", "opener"),
    [
        # Utusan: the tagger took the sentence-opening "Biarpun" (although) into the club's name.
        ("Biarpun Leicester bergelut musim ini, Maddison bermain di tahap tinggi dan berharap dapat meraih "
         "kepercayaan Southgate untuk dibawa ke Piala Dunia di Qatar.", "ms", "Biarpun"),
        ("Walaupun Najib Tun Razak hadir, beliau tidak berucap.", "ms", "Walaupun"),
        ("Namun Prabowo Subianto menolak usulan itu.", "id", "Namun"),
    ],
)
def test_a_sentence_opening_conjunction_opens_no_name(text, language, opener):
    mentions = [m.text for m in entity_mentions(text, language)]
    assert mentions and not any(m.split()[0] == opener for m in mentions), mentions
