"""The Indonesian/Malaysian naive Bayes table: size, reproducibility, real sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsetl.transforms.language import detected_language, detected_languages
from newsetl.transforms.language.malay import combined_evidence, malaysian_evidence, naive_bayes_evidence, NB_SCALE

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "transforms" / "data" / "lang_id_ms_nb.tsv"
SHARED = ROOT.parent / "shared" / "data"

# Sentences shortened from Utusan articles, with no marker word at all; before the table
# they came out ``id``.
MALAYSIAN_WITHOUT_MARKERS = [
    "Suspek tiba di Kompleks Mahkamah Ayer Keroh kira-kira pukul 9 pagi tadi dengan memakai baju lokap.",
    "Peniaga ikan berkata, harga ikan agak stabil, cuma terdapat sedikit kenaikan bagi sotong bersaiz sederhana.",
]
# Sentences shortened from Detik articles that must stay Indonesian.
INDONESIAN = [
    "Badan Pusat Statistik (BPS) mencatat inflasi Juli sebesar 0,30% secara bulanan disumbang harga beras.",
    "Kementerian Keuangan mengusulkan pagu anggaran untuk operasional dan pelaksanaan program instansi pada 2026 nanti.",
]


def test_table_is_small():
    assert TABLE.stat().st_size < 200_000


@pytest.mark.parametrize("sentence", MALAYSIAN_WITHOUT_MARKERS)
def test_malaysian_prose_without_markers_is_ms(sentence):
    assert malaysian_evidence(sentence) <= 0.5  # the markers alone would say id
    assert detected_language(sentence).code == "ms"


@pytest.mark.parametrize("sentence", INDONESIAN)
def test_indonesian_news_stays_id(sentence):
    assert detected_language(sentence).code == "id"


@pytest.mark.parametrize("sentence", MALAYSIAN_WITHOUT_MARKERS + INDONESIAN)
def test_one_pass_evidence_equals_its_parts(sentence):
    expected = malaysian_evidence(sentence) + naive_bayes_evidence(sentence) / NB_SCALE
    assert combined_evidence(sentence) == pytest.approx(expected)


def test_names_do_not_count():
    # "Azerbaijan" is frequent in Utusan's foreign news; a name says nothing about the language.
    assert naive_bayes_evidence("Azerbaijan Armenia Rusia Turki") == 0.0


def test_english_paragraph_in_indonesian_news_is_still_detected():
    texts = INDONESIAN + ['"We will keep rates on hold until inflation is back at the target," the chair of the bank said.']
    assert [g.code for g in detected_languages(texts)] == ["id", "id", "en"]


@pytest.mark.skipif(not (SHARED / "langid" / "id.txt").exists(), reason="../shared not found")
def test_training_is_reproducible(tmp_path):
    from newsetl_dev.train_language import main

    out = tmp_path / "table.tsv"
    main(["--out", str(out)])
    assert out.read_bytes() == TABLE.read_bytes()
