"""The numpy CRF engine (``crf_scores``) gives crfsuite's tags and marginals on real Detik sentences.

crfsuite is the reference: its tags on the full ``features.sentence_features`` rows, and its
marginal of every label at every token. The whole-corpus comparison is
``python -m newsetl_dev.check_crf_engine``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from newsetl.transforms.entities import crf, features
from newsetl.transforms.entities.crf_scores import marginals, model_weights
from newsetl.transforms.entities.gazetteer import gazetteer_matches
from newsetl.transforms.entities.tokens import sentences, tokens

DETIK = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "detik.csv"

# Sentences from ../shared/data/news/detik.csv.
DETIK_SENTENCES = [
    'Tapi kenyataannya sulit dihubungi, bahkan beberapa kali tidak hadir dalam rapat koordinasi," ungkapnya.',
    "Saat dilakukan inspeksi, tim Dinkes masih menemukan banyak catatan penting, mulai dari bangunan dapur yang "
    "belum standar, alat masak non-higienis, hingga instalasi pengolahan air limbah (IPAL) yang belum tersedia.",
    "Simak juga Video Purbaya ke Bank BUMN yang Terima Rp 200 T: Beli Dolar AS Saya Sikat",
    "Karenanya, ia menekankan sinergi antar pihak untuk mengoptimalkan peran Danantara mendorong pertumbuhan ekonomi.",
    "Ia menambahkan bahwa Pertamina berkomitmen untuk mempererat kolaborasi perusahaan energi antarnegara ASEAN "
    "untuk memastikan pasokan energi di kawasan Asia Tenggara tetap aman.",
    "Program lain yang direspons baik yakni Sekolah Rakyat (3,13), Sekolah Unggul Garuda (3,00), Koperasi Merah "
    "Putih (2,77), dan Program Tiga Juta Rumah untuk Masyarakat Berpenghasilan Rendah (2,69).",
]


@pytest.fixture(scope="module")
def tagger():
    tagger = crf._tagger()
    if tagger is None or crf._local.tables is None:
        pytest.skip("no CRF model packaged, or not readable by the numpy engine")
    return tagger


def _tagged(text: str) -> list[tuple[list[str], list[str]]]:
    toks = tokens(text)
    tags = features.gazetteer_tags(len(toks), gazetteer_matches(toks, text, "id"))
    texts = [t.text for t in toks]
    return [(texts[a:b], tags[a:b]) for a, b in sentences(text, toks)]


def _crfsuite(tagger, words, tags):
    expected = tagger.tag(features.sentence_features(words, tags))
    return expected, [[tagger.marginal(label, t) for label in crf._local.labels] for t in range(len(words))]


def _assert_agree(tagger, group):
    got = crf._numpy_tags_and_odds([(w, t, list(range(len(w)))) for w, t in group], with_odds=True)
    order = sorted(range(len(group)), key=lambda k: -len(group[k][0]))
    probabilities = marginals(crf._local.tables.state_scores([group[k] for k in order]),
                              [len(group[k][0]) for k in order], crf._local.transitions)
    o, person = crf._local.labels.index("O"), crf._local.labels.index("B-PERSON")
    for row, k in enumerate(order):
        words, tags = group[k]
        expected_tags, expected_marginals = _crfsuite(tagger, words, tags)
        assert got[k][0] == expected_tags, words
        assert probabilities[row, :len(words)] == pytest.approx(np.array(expected_marginals), abs=1e-9), words
        expected_odds = {i: (m[o], m[person]) for i, m in enumerate(expected_marginals) if expected_tags[i] == "O"}
        assert _same_odds(got[k][1], expected_odds)


def _same_odds(odds, expected, tolerance=1e-9) -> bool:
    return odds.keys() == expected.keys() and all(
        abs(a - b) <= tolerance for i in odds for a, b in zip(odds[i], expected[i]))


@pytest.mark.parametrize("text", DETIK_SENTENCES, ids=lambda t: t[:30])
def test_numpy_engine_gives_crfsuites_tags_and_marginals(tagger, text):
    _assert_agree(tagger, _tagged(text))


def test_sentences_side_by_side_give_what_each_gives_alone(tagger):
    group = [s for text in DETIK_SENTENCES for s in _tagged(text)]
    assert len({len(w) for w, _ in group}) > 3  # padding of unequal lengths is exercised
    _assert_agree(tagger, group)
    together = crf.sentences_tags_and_person_odds([(w, t, list(range(len(w)))) for w, t in group])
    alone = [crf.tags_and_person_odds(w, t, list(range(len(w)))) for w, t in group]
    assert [tags for tags, _ in together] == [tags for tags, _ in alone]
    assert all(_same_odds(odds, single, 1e-12) for (_, odds), (_, single) in zip(together, alone))


@pytest.mark.skipif(not DETIK.is_file(), reason="../shared/data/news/detik.csv not available")
@pytest.mark.parametrize("row", range(0, 500, 50))
def test_numpy_engine_agrees_on_whole_detik_articles(tagger, row):
    with DETIK.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    _assert_agree(tagger, [s for s in _tagged(rows[row]["isi_berita"]) if s[0]])


def test_weights_are_the_model_files_doubles(tagger):
    from importlib import resources

    weights = model_weights(resources.files("newsetl.transforms.entities").joinpath(crf.MODEL_FILE).read_bytes())
    info = tagger.info()
    assert list(weights.labels) == tagger.labels()
    column = {label: i for i, label in enumerate(weights.labels)}
    row = {name: i for i, name in enumerate(weights.attributes)}
    # The text dump rounds to 6 decimals; the binary holds the doubles it was rounded from.
    for (attribute, label), weight in info.state_features.items():
        assert round(weights.state[row[attribute], column[label]], 6) == pytest.approx(weight, abs=1e-12)
    assert int((weights.state != 0).sum()) == len(info.state_features)
    for (first, second), weight in info.transitions.items():
        assert round(weights.transitions[column[first], column[second]], 6) == pytest.approx(weight, abs=1e-12)


def test_an_unreadable_model_falls_back_to_crfsuite(tagger):
    with pytest.warns(UserWarning, match="crfsuite"):
        assert crf._score_tables(b"not a model", tagger, crf._local.features) is None
    words, tags = _tagged(DETIK_SENTENCES[4])[0]
    kept = crf._local.tables
    try:
        crf._local.tables = None
        fallback = crf.tags_and_person_odds(words, tags, list(range(len(words))))
    finally:
        crf._local.tables = kept
    assert fallback == crf._crfsuite_tags_and_odds(words, tags, list(range(len(words))))
    tags_now, odds_now = crf.tags_and_person_odds(words, tags, list(range(len(words))))
    assert tags_now == fallback[0] and _same_odds(odds_now, fallback[1])


def test_threads_tag_with_their_own_tables(tagger):
    from concurrent.futures import ThreadPoolExecutor

    group = [(w, t, list(range(len(w)))) for text in DETIK_SENTENCES for w, t in _tagged(text)]
    expected = crf.sentences_tags_and_person_odds(group)

    def tagged_in_thread(_):
        results = [crf.sentences_tags_and_person_odds(group) for _ in range(5)]
        return results, crf._local.tables is not None

    with ThreadPoolExecutor(4) as pool:
        for results, numpy_engine in pool.map(tagged_in_thread, range(8)):
            assert numpy_engine
            for got in results:
                assert [tags for tags, _ in got] == [tags for tags, _ in expected]
                assert all(_same_odds(a, b, 1e-12) for (_, a), (_, b) in zip(got, expected))
