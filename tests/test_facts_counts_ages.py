"""Ages are never counts of people: an age word in the 25 characters before a number (real news)."""

import pytest

from newsetl.transforms.facts import event_counts


def counts(text, language):
    return [(c.text, c.count_type, c.value) for c in event_counts(text, language)]


@pytest.mark.parametrize("text, language, expected", [
    ("Veteran star Ossie Davis, a well-known civil rights activist, died in Miami at the age of 87 on "
     "4 February 2005.", "en", []),
    ("US actor Ossie Davis has been found dead at the age of 87.", "en", []),
    ("In referring to Marlon Brando's death on 1 July at the age of 80, the jury concluded", "en", []),
    ("Perintah reman dikeluarkan Majistret Nabilah Nizam terhadap suspek berusia 41 tahun itu.", "id", []),
    ("selepas menahan tiga lelaki berusia 30 hingga 43 tahun dalam tiga serbuan berasingan", "id", []),
    # The age is a separate phrase: the count before it stays.
    ('"Saya menyesalkan kematian seorang warga berusia 32 tahun, Eduardo Ruiz Sanz," katanya.', "id",
     [("kematian seorang", "killed", 1)]),
    # An age word in an earlier sentence does not block the count of the next one.
    ("Korban berusia 45. Dalam serangan itu 12 orang tewas.", "id", [("12 orang", "killed", 12)]),
])
def test_ages_are_not_counts(text, language, expected):
    assert counts(text, language) == expected


@pytest.mark.parametrize("text, expected", [
    ("SEREMBAN: Dua lelaki maut selepas motosikal dinaiki mereka melanggar belakang sebuah lori",
     [("Dua lelaki", "killed", 2)]),
    ("Ia membabitkan keseluruhan 94 mangsa dengan sejumlah 21 orang daripadanya disahkan terkorban",
     [("94 mangsa", "other", 94), ("21 orang", "killed", 21)]),
    # "enam individu termasuk tiga kanak-kanak cedera": six wounded, three of them children (the subset is no count).
    ("Seorang bayi lelaki berusia 14 hari maut manakala enam individu termasuk tiga kanak-kanak cedera",
     [("Seorang bayi lelaki berusia 14 hari maut", "killed", 1), ("enam individu", "wounded", 6)]),
    # Malay menewaskan with no person after it is "defeated": no one died.
    ("Dia menewaskan tiga calon lain dalam pemilihan itu.", []),
    ("Serangan pada 27 September 2020 menewaskan 12 orang.", [("12 orang", "killed", 12)]),
    # Percentages (peratus) and ringgit amounts are not people.
    ("Seramai 10,328 orang, kira-kira 40 peratus daripada mereka ditempatkan di pusat pemindahan.", []),
    ("kerugian RM 5 juta dan 3 orang maut", [("3 orang", "killed", 3)]),
])
def test_malay_counts(text, expected):
    assert counts(text, "id") == expected
