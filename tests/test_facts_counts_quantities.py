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
