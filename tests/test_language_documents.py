"""Languages of paragraphs and documents: seeds, mixed articles, shares, cheap paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsetl.transforms.language import detected_language, detected_languages, document_language
from newsetl.transforms.language import paragraphs as paragraph_module
from newsetl.transforms.records import LanguageGuess
from newsetl.transforms.structure import document_structure
from newsetl_dev.synthetic_corpus import synthetic_articles

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
ENGLISH_QUOTE_BLOCK = [
    "In a statement released on Monday, the foreign ministry said it was deeply concerned by the "
    "escalation of hostilities and called on both sides to return to the negotiating table.",
    "\"We urge all parties to respect the ceasefire agreement and to protect civilians, hospitals and "
    "schools in the conflict zone,\" the statement said.",
    "The ministry added that it would continue to work with international partners to find a lasting "
    "political solution to the conflict.",
]


def seed_paragraphs(path: Path) -> list[str]:
    return [p.text for p in document_structure(path.read_text("utf-8")).paragraphs]


def test_there_are_five_seeds():
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_articles_are_indonesian(path):
    texts = seed_paragraphs(path)
    guesses = detected_languages(texts)
    language, shares = document_language(texts, guesses)
    assert language.code == "id" and language.confidence > 0.8
    assert shares == {"id": 1.0}
    assert detected_language(path.read_text("utf-8")).code == "id"


def test_english_quote_block_inside_indonesian_article():
    texts = seed_paragraphs(SEEDS[0])
    texts = texts[:6] + ENGLISH_QUOTE_BLOCK + texts[6:]
    guesses = detected_languages(texts)
    assert [g.code for g in guesses[6:9]] == ["en", "en", "en"]
    language, shares = document_language(texts, guesses)
    assert language.code == "id"
    assert 0.1 < shares["en"] < 0.5 and shares["id"] > 0.5
    assert abs(sum(shares.values()) - 1.0) < 1e-3


def test_malaysian_article_is_ms():
    texts = [
        "KUALA LUMPUR: Kerajaan akan memperkenalkan beberapa langkah baharu bagi membantu peniaga kecil "
        "yang terjejas akibat kenaikan kos operasi, kata Menteri Kewangan hari ini.",
        "Beliau berkata, bantuan itu termasuk pengecualian cukai dan pinjaman tanpa faedah bagi tempoh enam bulan.",
        "Menurutnya, lebih 200,000 syarikat dijangka mendapat manfaat daripada pakej tersebut.",
    ]
    language, shares = document_language(texts, detected_languages(texts))
    assert language.code == "ms"
    assert shares == {"ms": 1.0}


def test_paragraphs_without_letters_are_und_and_short_ones_follow_the_article():
    texts = seed_paragraphs(SEEDS[1]) + ["(*)", "12/10/2020", "Baca Juga"]
    guesses = detected_languages(texts)
    assert guesses[-3:-1] == [LanguageGuess("und", 0.0)] * 2
    assert guesses[-1].code == "id"


def test_batch_of_no_paragraphs_and_of_junk():
    assert detected_languages([]) == []
    assert detected_languages(["", "!!!", "123"]) == [LanguageGuess("und", 0.0)] * 3


def test_foreign_script_heading_is_detected_not_inherited():
    texts = seed_paragraphs(SEEDS[2]) + ["Правительство объявило о новых мерах"]
    assert detected_languages(texts)[-1].code == "ru"


def test_all_und_document_falls_back_to_the_concatenated_text():
    texts = ["Pemerintah", "akan menaikkan", "harga BBM", "bulan depan"]
    language, shares = document_language(texts, [LanguageGuess("und", 0.0)] * len(texts))
    assert language.code == "id" and shares == {"id": 1.0}
    assert document_language(["OK", "123"], [LanguageGuess("und", 0.0)] * 2) == (LanguageGuess("und", 0.0), {})


def test_document_language_is_majority_by_characters_and_order_free():
    texts = ["a" * 300, "b" * 100, "c" * 100, "d" * 50]
    guesses = [LanguageGuess("en", 0.9), LanguageGuess("id", 1.0), LanguageGuess("id", 0.8), LanguageGuess("und", 0.0)]
    language, shares = document_language(texts, guesses)
    assert language == LanguageGuess("en", round(0.6 * 0.9, 4))
    assert shares == {"en": 0.6, "id": 0.4}
    assert document_language(texts[::-1], guesses[::-1]) == (language, shares)
    tie = document_language(["x" * 10, "y" * 10], [LanguageGuess("id", 1.0), LanguageGuess("en", 1.0)])
    assert tie[0].code == "en"  # ties go to the alphabetically first code


def test_articles_need_few_full_detections(monkeypatch):
    """Speed guard without timing: one detection per article plus rare paragraph fallbacks."""
    seeds = [p.read_text("utf-8") for p in SEEDS]
    articles = [a["text"] for a in synthetic_articles(seeds, 60, seed=3)]
    calls = []
    real = paragraph_module.detected_language
    monkeypatch.setattr(paragraph_module, "detected_language", lambda t: calls.append(t) or real(t))
    for text in articles:
        texts = [p.text for p in document_structure(text).paragraphs]
        assert document_language(texts, detected_languages(texts))[0].code == "id"
    assert len(calls) / len(articles) < 1.5
