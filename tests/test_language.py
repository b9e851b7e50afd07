"""Language of single texts: short-text und, id vs ms, determinism, bounded cost."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsetl.transforms.language import LANGUAGE_CODES, detected_language
from newsetl.transforms.language import detection
from langdetect.detector import Detector

from newsetl.transforms.language.engines import _FastDetector, _langdetect_factory, langdetect_codes, langdetect_probabilities
from newsetl.transforms.language.sampling import HEAD_CHARS, MIDDLE_CHARS, detection_sample
from newsetl.transforms.records import LanguageGuess


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "123 456", "!!!", "OK", "🙂🎉👍", "12/10/2020 09:30 WIB", "Rp 1.500.000", "-- (*) --", "\ud800"],
)
def test_texts_without_enough_letters_are_undetermined(text):
    assert detected_language(text) == LanguageGuess("und", 0.0)


@pytest.mark.parametrize("text", [None, 42, b"bytes"])
def test_non_text_is_undetermined_not_an_error(text):
    assert detected_language(text).code == "und"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi.", "id"),
        ("The ministry said the ceasefire had been violated several times overnight.", "en"),
        ("Die Regierung hat am Montag neue Maßnahmen gegen die Inflation angekündigt.", "de"),
        ("Le gouvernement a annoncé lundi de nouvelles mesures contre l'inflation.", "fr"),
        ("El gobierno anunció el lunes nuevas medidas contra la inflación.", "es"),
        ("De regering heeft maandag nieuwe maatregelen tegen de inflatie aangekondigd.", "nl"),
        ("Hükümet pazartesi günü enflasyona karşı yeni önlemler açıkladı.", "tr"),
        ("Правительство в понедельник объявило о новых мерах против инфляции.", "ru"),
        ("Уряд у понеділок оголосив про нові заходи проти інфляції.", "uk"),
        ("أعلنت الحكومة يوم الاثنين عن إجراءات جديدة لمكافحة التضخم.", "ar"),
        ("Inanunsyo ng gobyerno noong Lunes ang mga bagong hakbang laban sa implasyon.", "tl"),
        ("Chính phủ đã công bố các biện pháp mới chống lạm phát vào thứ Hai.", "vi"),
    ],
)
def test_news_sentences_get_their_language(text, code):
    guess = detected_language(text)
    assert guess.code == code
    assert 0.5 <= guess.confidence <= 1.0


# The same news item written the Malaysian and the Indonesian way.
ID_MS_PAIRS = [
    ("Kerajaan negeri akan membelanjakan RM50 juta bagi projek perumahan rakyat tahun depan, kata Menteri Besar.",
     "Pemerintah provinsi akan membelanjakan Rp50 miliar untuk proyek perumahan rakyat tahun depan, kata gubernur."),
    ("Polis menahan dua lelaki selepas kemalangan jalan raya di Lebuh Raya Utara-Selatan pada Isnin.",
     "Polisi menahan dua pria setelah kecelakaan lalu lintas di jalan tol Trans Jawa pada Senin."),
    ("Syarikat itu mencatatkan keuntungan sebanyak 12 peratus berbanding tahun lepas.",
     "Perusahaan itu mencatat keuntungan sebesar 12 persen dibandingkan tahun lalu."),
    ("Beliau berkata kerajaan sedar bahawa rakyat mahu harga barang keperluan diturunkan.",
     "Ia mengatakan pemerintah sadar bahwa masyarakat mau harga kebutuhan pokok diturunkan."),
    ("Pelancong asing dinasihatkan supaya mendapatkan maklumat terkini di laman web rasmi kementerian.",
     "Wisatawan asing diimbau untuk mendapatkan informasi terbaru di situs resmi kementerian."),
]


@pytest.mark.parametrize(("malay", "indonesian"), ID_MS_PAIRS)
def test_malaysian_and_indonesian_versions_are_told_apart(malay, indonesian):
    assert detected_language(malay).code == "ms"
    assert detected_language(indonesian).code == "id"


def test_an_indonesian_sentence_without_markers_stays_indonesian():
    guess = detected_language("Mereka berjalan kaki menuju rumah itu bersama anak-anak.")
    assert guess.code == "id"


def test_same_answer_twice_and_independent_of_call_order():
    texts = [malay for malay, _ in ID_MS_PAIRS] + ["Так ему и надо!", "No, creo que no.", "Op Europees gebied liep het minder."]
    detection._sample_language.cache_clear()
    forward = [detected_language(t) for t in texts]
    detection._sample_language.cache_clear()
    backward = [detected_language(t) for t in reversed(texts)][::-1]
    assert forward == backward == [detected_language(t) for t in texts]


def test_langdetect_stage_is_seeded_whatever_ran_before():
    text = "Op Europees gebied liep het minder."
    first = langdetect_probabilities(text, 3)
    for other in ("Hola a todos", "Вот чашечка.", "Selamat pagi semua"):
        langdetect_probabilities(other, 3)
    assert langdetect_probabilities(text, 3) == first


@pytest.mark.parametrize(
    "text",
    [
        "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi.",
        "NATO and the EU said:  'We   REJECT this' -- see http://example.com/x or mail a@b.org",
        "ABC DEF ghi  JKL mnoP Q", " a ", "A b C dE FG h", "ŞİŞLİ İstanbul'da", "Tiếng Việt có dấu",
        "Правительство объявило", "أعلنت الحكومة", "日本語のテキスト", "한국어 텍스트", "", "   ",
    ],
)
def test_fast_langdetect_walks_the_same_ngrams_as_langdetect(text):
    stock, fast = Detector(_langdetect_factory()), _FastDetector(_langdetect_factory())
    stock.append(text)
    fast.append(text)
    assert fast.text == stock.text
    assert fast._extract_ngrams() == stock._extract_ngrams()


def test_long_text_is_sampled_and_cheap():
    text = "Pemerintah akan menaikkan harga bahan bakar minyak bulan depan. " * 80_000  # ~5 MB
    assert len(detection_sample(text)) <= HEAD_CHARS + MIDDLE_CHARS + 1
    assert detected_language(text).code == "id"


def test_language_codes_are_langdetects_plus_malay_and_und():
    assert LANGUAGE_CODES == langdetect_codes() | {"ms", "und"}
    assert all(len(code) == 2 for code in LANGUAGE_CODES - {"und"})


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_stays_in_range(text):
    guess = detected_language(text)
    assert guess.code in LANGUAGE_CODES
    assert 0.0 <= guess.confidence <= 1.0
