"""Names on real news: date words are not names, company suffixes make ORGs, hyphenated
surnames stay whole. Sentences from ../shared/data/news (BBC, Detik, Utusan)."""

import pytest

from newsetl.transforms.entities import entity_mentions


def _spans(text, language):
    return {(m.text, m.entity_type) for m in entity_mentions(text, language)}


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("It has filed 100 lawsuits against operators of BitTorrent server sites since December.", "en", "December"),
        ("A firm decision on whether the trial takes place is expected in January.", "en", "January"),
        ("Steel prices rose by 8% globally in January alone and by 24% in China.", "en", "January"),
        ("Wembley Stadium is to due to be completed in January and will officially open for the 2006 FA Cup Final.",
         "en", "January"),
        ("Pameran itu akan dibuka pada Juli mendatang di Jakarta.", "id", "Juli"),
        ("Kolam di kawasan takungan air berhampiran lokasi mayat Zayn Rayyan ditemukan pada 6 Disember lalu.",
         "ms", "Disember"),
        ("Kenyataan itu dikeluarkan oleh polis pada Khamis.", "ms", "Khamis"),
    ],
)
def test_month_and_weekday_names_are_never_person_or_place_alone(text, language, word):
    assert not any(m.text == word for m in entity_mentions(text, language))


def test_theresa_may_is_still_a_name_word():
    # "May" is left out of the calendar words: it is a surname too.
    from newsetl.transforms.entities.lexicon import calendar_words

    assert "may" not in calendar_words()
    assert {"december", "disember", "desember", "senin", "isnin", "monday"} <= calendar_words()


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Mitsubishi Motors has forecast a net loss of 472bn yen in its current financial year to March 2005.",
         "Mitsubishi Motors"),
        ("Falling sales have left Mitsubishi Motors with underused capacity, and the production deal with "
         "Peugeot gives it a chance to utilise some of it.", "Mitsubishi Motors"),
        ("Revolution Studios spokesman Sean Dudas said.", "Revolution Studios"),
        ("Shares in British Airways fell sharply after the strike was announced.", "British Airways"),
    ],
)
def test_company_suffix_makes_an_org(text, org):
    assert (org, "ORG") in _spans(text, "en")
    assert (org, "PERSON") not in _spans(text, "en")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Robert Kilroy-Silk could have a lot to offer.", "Robert Kilroy-Silk"),
        ("Its leader, Roger Knapman, has said he is glad to see the back of Mr Kilroy-Silk.", "Kilroy-Silk"),
        ("Veritas is the beginning of the end for Kilroy-Silk.", "Kilroy-Silk"),
    ],
)
def test_english_hyphenated_surname_stays_whole(text, name):
    people = [m.text for m in entity_mentions(text, "en") if m.entity_type == "PERSON"]
    assert name in people
    assert "Silk" not in people and "Kilroy" not in people


def test_indonesian_joint_mention_still_splits():
    text = "Pasangan Prabowo-Gibran unggul dalam hitung cepat sejumlah lembaga survei."
    people = [m.text for m in entity_mentions(text, "id") if m.entity_type == "PERSON"]
    assert "Prabowo" in people and "Gibran" in people
