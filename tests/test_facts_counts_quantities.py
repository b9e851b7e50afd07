"""Percentages, temperatures, multiples and ``salah satu`` are never counts of people (real news)."""

import pytest

from newsetl.transforms.facts import event_counts


def counts(text, language):
    return [(c.text, c.count_type, c.value) for c in event_counts(text, language)]


@pytest.mark.parametrize("text, language, expected", [
    # Detik: the death keyword reports a percentage; the later number is a temperature.
    ("Kematian akibat gelombang panas di Sydney, misalnya, akan meningkat lebih dari 400 persen saat suhu "
     "udara naik 3 derajat Celcius, dan masih akan berlipat ganda.", "id", []),
    ("Di Melbourne, kematian akibat gelombang panas akan meningkat sebesar 259 persen saat suhu udara naik "
     "3 derajat Celcius, dan 60 persen dalam skenario lain.", "id", []),
    # Utusan: a multiple ("tujuh kali ganda") is not seven people.
    ("JOHOR BAHRU: Jenayah siber melibatkan wang hilang daripada akaun pemilik di negeri ini meningkat "
     "sebanyak tujuh kali ganda tahun ini berbanding tempoh sama tahun lalu.", "ms", []),
    ("The death toll rose 3 times in a week.", "en", []),
    # Detik: "salah satu korban" names one victim, it is not a count.
    ('Salah satu korban bernama Muhammad Mutaqien (33) mengaku mengalami kerugian.', "id", []),
    # A date between the keyword and its number does not break the link.
    ("Korban tewas akibat serangan 7 Oktober mencapai 1.200 orang.", "id", [("1.200 orang", "killed", 1200)]),
    ("Jumlah korban tewas bertambah menjadi 39 orang.", "id", [("39 orang", "killed", 39)]),
])
def test_quantities_are_not_counts(text, language, expected):
    assert counts(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    # BBC: lives a measure would save are not deaths.
    ("Ministers claim cutting the limit from 80mg of alcohol per 100ml of blood to 50mg would save 65 lives "
     "a year.", "en", []),
    ("Reducing the limit from 80mg to 50mg can be expected to save around 65 lives a year.", "en", []),
    # BBC: "missing" as a verb (missed tests, targets, forecasts) counts no one.
    ("Kenteris were provisionally suspended by the IAAF in December for missing three drugs tests.", "en", []),
    ("Alan Duncan accused Mr Brown of missing his target on providing anti-retroviral drug treatment to three "
     "million Africans by 2005.", "en", []),
    ("But, despite missing forecasts of 53.7, the PMI number remained above 50.", "en", []),
    ("At least 20 people were missing.", "en", [("At least 20 people", "other", 20)]),
    # Utusan: Malay "pasukan" is a team or unit, not troops.
    ("12 anggota penguatkuasa dari Unit Kenderaan Bermotor JAS negeri Terengganu dan 10 pasukan Polis Diraja "
     "Malaysia (PDRM), Cawangan Trafik", "ms", []),
    ("Badan pertubuhan itu juga membangunkan satu pasukan tindakan bagi mengkaji rawatan alternatif.", "ms", []),
    ("Ratusan pasukan Israel menyerbu kamp itu.", "id", [("Ratusan pasukan", "fighters", 100)]),
    # Utusan: a clock time closing a range ("hingga 9 malam") is not nine people.
    ("manakala dua lagi suspek ditahan di hadapan rumah masing-masing antara pukul 8.30 malam hingga 9 malam.",
     "ms", []),
    # BBC: the killing keyword right before "the" types the soldiers as killed, not as fighters.
    ("Ivory Coast broke an 18-month ceasefire with rebels bombing their positions and killing the nine French "
     "soldiers.", "en", [("nine French soldiers", "killed", 9)]),
    # Utusan: "mengorbankan 10 mangsa" (claimed ten victims) is killed.
    ("Johari Harun yang terlibat nahas pesawat terhempas mengorbankan 10 mangsa di Elmina, Seksyen U16 di Shah "
     "Alam.", "ms", [("10 mangsa", "killed", 10)]),
])
def test_lives_saved_missed_tests_teams_and_times_are_not_counts(text, language, expected):
    assert counts(text, language) == expected
