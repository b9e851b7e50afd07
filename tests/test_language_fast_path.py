"""The function-word fast path: it answers only for clear Indonesian or English, and then as langdetect would."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsetl_dev.eval_language import LANGUAGES, pseudo_documents
from newsetl.transforms.language import detected_language
from newsetl.transforms.language.function_words import function_word_language

ROOT = Path(__file__).resolve().parents[1]
LANGID = ROOT.parent / "shared" / "data" / "langid"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

INDONESIAN = (
    "Kementerian Luar Negeri Rusia menyatakan bahwa pihaknya siap menjadi penengah dalam konflik yang "
    "terjadi di wilayah Nagorno-Karabakh. Menurut juru bicara kementerian itu, kedua negara harus segera "
    "menghentikan pertempuran yang telah menewaskan ratusan orang sejak hari Minggu lalu. Ia juga "
    "mengatakan bahwa Moskow akan terus berkomunikasi dengan Baku dan Yerevan untuk mencari jalan keluar."
)
ENGLISH = (
    "The foreign ministry said on Monday that it was ready to mediate in the conflict over the region, "
    "which has killed hundreds of people since the fighting began last week. A spokeswoman for the "
    "ministry told reporters that both sides should stop the shelling of towns and that Moscow would "
    "keep in contact with Baku and Yerevan until a ceasefire was agreed."
)


@pytest.mark.parametrize(("text", "code"), [(INDONESIAN, "id"), (ENGLISH, "en")])
def test_clear_indonesian_and_english_take_the_fast_path(text, code):
    guess = function_word_language(text)
    assert guess is not None and guess.code == code and 0.75 <= guess.confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Kementerian Luar Negeri Rusia siap menjadi penengah.",  # too few function words to be sure
        "Die Regierung hat am Montag neue Maßnahmen gegen die Inflation angekündigt, und der Minister "
        "sagte, dass die Preise für Energie und Lebensmittel in den nächsten Monaten weiter steigen werden.",
        "Le gouvernement a annoncé lundi de nouvelles mesures contre l'inflation, et le ministre a dit que "
        "les prix de l'énergie et de l'alimentation vont encore augmenter dans les mois qui viennent.",
        # Half Indonesian, half English: neither language's function words dominate.
        INDONESIAN[:200] + " " + ENGLISH[:200],
        "",
    ],
)
def test_short_foreign_or_mixed_text_goes_to_langdetect(text):
    assert function_word_language(text) is None


@pytest.mark.skipif(not (LANGID / "id.txt").exists(), reason=f"shared langid sentences not found at {LANGID}")
@pytest.mark.parametrize("code", LANGUAGES)
def test_fast_answers_equal_langdetect_on_langid_pseudo_documents(code):
    documents = pseudo_documents(LANGID, code, sentences=8, limit=25)
    fast = [d for d in documents if function_word_language(d) is not None]
    if code in ("id", "ms", "en"):
        assert len(fast) >= len(documents) // 2  # the path is actually taken for its languages
    else:
        assert fast == []
    for document in fast:
        assert detected_language(document).code == detected_language(document, fast_path=False).code


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_the_seeds_take_the_fast_path_and_stay_indonesian(seed):
    text = seed.read_text("utf-8")
    assert function_word_language(text).code == "id"
    assert detected_language(text).code == detected_language(text, fast_path=False).code == "id"
