"""The keyed CRF score path (``crf_keys``, ``ScoreTables.state_scores``) equals the string path on real sentences.

``ScoreTables.string_state_scores`` looks every feature up by its string, as
``features.context_features`` and the bigram features spell it; the fast path must give the
same scores to the last bit, so that the tags and odds (and so all output) stay the same.
"""

from __future__ import annotations

import csv
from importlib import resources

import numpy as np
import pytest

from newsetl.transforms.entities import crf, features
from newsetl.transforms.entities.crf_keys import BigramRows, bigram_pairs, context_key_features, context_keys
from newsetl.transforms.entities.crf_scores import ScoreTables, model_weights
from tests.test_crf_scores import DETIK, DETIK_SENTENCES, _tagged

# Sentences from ../shared/data/news/detik.csv and utusan.csv with brackets, long capitalised
# runs, gazetteer names two tokens away and a sentence of one token.
EDGE_SENTENCES = [
    "Kepala Dinas Kesehatan (Dinkes) Kabupaten Bogor, Fusia Meidiawaty, mengatakan hal itu.",
    "Menteri Luar Negeri Malaysia Datuk Seri Mohamad Hasan (kiri) bertemu rakan sejawatnya dari Indonesia.",
    "Jakarta",
    "((Baca juga: Harga Emas Antam Hari Ini))",
]


@pytest.fixture(scope="module")
def tables():
    if crf._tagger() is None or crf._local.tables is None:
        pytest.skip("no CRF model packaged, or not readable by the numpy engine")
    return crf._local.tables


def _detik_groups(step: int = 25):
    if not DETIK.is_file():
        return []
    with DETIK.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [[s for s in _tagged(rows[k]["isi_berita"]) if s[0]] for k in range(0, len(rows), step)]


@pytest.mark.parametrize("text", DETIK_SENTENCES + EDGE_SENTENCES, ids=lambda t: t[:30])
def test_context_keys_spell_the_context_features(text):
    for words, tags in _tagged(text):
        assert [context_key_features(k) for k in context_keys(words, tags)] == features.context_features(words, tags)


def test_context_keys_spell_the_context_features_of_detik_articles():
    groups = _detik_groups()
    if not groups:
        pytest.skip("../shared/data/news/detik.csv not available")
    for words, tags in (s for group in groups for s in group):
        assert [context_key_features(k) for k in context_keys(words, tags)] == features.context_features(words, tags)


def _longest_first(group):
    return sorted(group, key=lambda s: -len(s[0]))


@pytest.mark.parametrize("text", DETIK_SENTENCES + EDGE_SENTENCES, ids=lambda t: t[:30])
def test_keyed_scores_equal_string_scores(tables, text):
    group = _longest_first(_tagged(text))
    assert np.array_equal(tables.state_scores(group), tables.string_state_scores(group))


def test_keyed_scores_equal_string_scores_on_detik_articles(tables):
    groups = _detik_groups()
    if not groups:
        pytest.skip("../shared/data/news/detik.csv not available")
    for group in groups:
        group = _longest_first(group)
        assert np.array_equal(tables.state_scores(group), tables.string_state_scores(group))


def test_keyed_scores_survive_a_cache_reset(tables):
    group = _longest_first([s for text in DETIK_SENTENCES for s in _tagged(text)])
    before = tables.state_scores(group)
    tables._reset_dynamic()
    assert np.array_equal(tables.state_scores(group), before)
    assert np.array_equal(tables.string_state_scores(group), before)


def test_bigram_pairs_find_a_pair_exactly_when_its_joined_string_is_a_name():
    rows = {"b-=kata|dia": 1, "b+=kata|dia": 2, "b-=|||x": 3, "b+=a|b|c": 4}
    pairs = bigram_pairs(rows)
    assert pairs[("kata", "dia")] == (1, 2)
    assert pairs[("|", "|x")] == (3, None) and pairs[("", "||x")] == (3, None) and pairs[("||", "x")] == (3, None)
    assert pairs[("a", "b|c")] == (None, 4) and pairs[("a|b", "c")] == (None, 4)
    assert all(("b-=" + a + "|" + b in rows) == (m is not None) for (a, b), (m, _) in pairs.items())


def test_bigram_rows_are_the_string_lookups():
    rows = {"b-=kata|dia": 1, "b+=kata|dia": 2, "b-=|||x": 3, "b+=dia|kata": 4, "b-=dia|kata": 5}
    bigrams = BigramRows(rows, zero=0)
    # Two sentences: "kata dia kata ||x" and "| |x dia"; "baru" is in no bigram.
    sentences = [["kata", "dia", "kata", "baru", "||"], ["|", "|x", "dia"]]
    words = [w for s in sentences for w in s]
    last = np.array([k == len(s) - 1 for s in sentences for k in range(len(s))])
    before, after = bigrams.rows(np.array([bigrams.word_ids.get(w, -1) for w in words]), last)
    expected_before = [rows.get("b-=" + s[k - 1] + "|" + s[k], 0) if k else 0 for s in sentences for k in range(len(s))]
    expected_after = [rows.get("b+=" + s[k] + "|" + s[k + 1], 0) if k + 1 < len(s) else 0
                      for s in sentences for k in range(len(s))]
    assert before.tolist() == expected_before == [0, 1, 5, 0, 0, 0, 3, 0]
    assert after.tolist() == expected_after == [2, 4, 0, 0, 0, 0, 0, 0]


def _known_rows(tables, names) -> list[int]:
    rows = {name.decode(): i for name, i in tables._attribute_rows.items()}
    return [rows[name] for name in names if name in tables._features._known]


def _expected_word_rows(tables, word):
    return ([*_known_rows(tables, ("bias", *features.word_features(word)))],
            *(_known_rows(tables, features.neighbour_features(word, offset)) for offset in features.OFFSETS))


@pytest.mark.parametrize("text", DETIK_SENTENCES + EDGE_SENTENCES, ids=lambda t: t[:30])
def test_word_rows_are_the_rows_of_the_word_and_neighbour_features(tables, text):
    for words, _ in _tagged(text):
        for word in words:
            assert tables._word_lookup.rows(word) == _expected_word_rows(tables, word), word


def test_word_rows_of_detik_articles(tables):
    groups = _detik_groups(step=50)
    if not groups:
        pytest.skip("../shared/data/news/detik.csv not available")
    words = {w for group in groups for sentence, _ in group for w in sentence}
    words |= {"=", "a.b", "A.", "Joko-Widodo", "COVID-19", "x" * 20, "ÉCOLE", "1.000"}
    assert len(words) > 1500
    for word in words:
        assert tables._word_lookup.rows(word) == _expected_word_rows(tables, word), word


def _fresh_tables(tables):
    """Return new, empty score tables for the packaged model (no token seen yet)."""
    data = resources.files(crf.__package__).joinpath(crf.MODEL_FILE).read_bytes()
    return ScoreTables(model_weights(data), tables._features)


def test_new_tokens_added_at_once_get_the_one_by_one_vectors(tables):
    """``_add_tokens`` sums a call's new tokens together; each part's vector must be the one
    ``_vector`` gives from ``_token``'s attribute runs, to the last bit."""
    groups = _detik_groups(step=100) or [[s for text in DETIK_SENTENCES for s in _tagged(text)]]
    fresh = _fresh_tables(tables)
    keys = list(dict.fromkeys((w, t) for group in groups for words, tags in group for w, t in zip(words, tags)))
    fresh._add_tokens(keys)
    reference = _fresh_tables(tables)
    multi = 0
    for key in keys:
        parts = fresh._token_parts[fresh._token_ids[key]]
        own, before1, after1, before2, after2, low = reference._features._token(*key)
        for row, attributes in zip(parts[:5].tolist(), (own, before1, after1, before2, after2)):
            assert np.array_equal(fresh._table[row], reference._table[reference._vector(attributes)]), key
            multi += len(attributes) > 1
        assert parts[5] == reference._bigrams.word_ids.get(low, -1)
    assert multi > 1000


def test_keyed_scores_of_fresh_tables_equal_string_scores(tables):
    """Every token new to both tables: the keyed path adds them all at once, the string path one by one."""
    group = _longest_first([s for text in DETIK_SENTENCES + EDGE_SENTENCES for s in _tagged(text)])
    assert np.array_equal(_fresh_tables(tables).state_scores(group), _fresh_tables(tables).string_state_scores(group))
