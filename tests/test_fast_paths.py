"""The speed shortcuts of issue 20 give exactly what the plain computations give.

Each shortcut is compared with the plain computation it replaced (kept here as the reference)
on the seed articles and on real sentences: the CRF features restricted to the model's
attributes, the tokenizer without its domain branch, the word-by-word title finder, and the
re-used temporal mention readings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsetl.transforms.entities import crf, features, roles
from newsetl.transforms.entities.gazetteer import gazetteer_matches
from newsetl.transforms.entities.tokens import sentences, tokens
from newsetl.transforms.temporal.readings import mentions_in

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
SEED_IDS = [p.name[:3] for p in SEEDS]

# The tokenizer as it was: one pattern, domain branch always on.
_FULL_TOKEN = re.compile(
    r"[^\W_][\w-]{0,62}(?:\.[^\W_][\w-]{0,62}){0,3}\.(?:com|co\.id|id|net|org|tv|news|info|co\.uk|ru|tr)(?!\w|\.\w)"
    r"|\w+(?:-(?!(?-i:[A-ZÀ-ÖØ-Þ]))\w+|['’](?!s\b)\w+)*"
    r"|[^\w\s]",
    re.IGNORECASE,
)


def _seed(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _language(text: str) -> str:
    return "en" if re.search(r"\b(?:the|and|of)\b", text) and not re.search(r"\b(?:yang|dan)\b", text) else "id"


@pytest.mark.parametrize("path", SEEDS, ids=SEED_IDS)
def test_model_features_are_the_known_part_of_the_full_features(path):
    tagger = crf._tagger()
    if tagger is None:
        pytest.skip("no CRF model packaged")
    known = frozenset(attribute for attribute, _ in tagger.info().state_features)
    builder = features.ModelFeatures(known)
    text = _seed(path)
    toks = tokens(text)
    tags = features.gazetteer_tags(len(toks), gazetteer_matches(toks, text, "id"))
    compared = 0
    for first, last in sentences(text, toks):
        words = [t.text for t in toks[first:last]]
        full = features.sentence_features(words, tags[first:last])
        expected = [[f.encode() for f in row if f in known] for row in full]
        assert [list(row) for row in builder.sentence_features(words, tags[first:last])] == expected, words
        compared += 1
    assert compared > 5


@pytest.mark.parametrize("path", SEEDS, ids=SEED_IDS)
def test_crf_tags_and_odds_match_the_full_features(path):
    tagger = crf._tagger()
    if tagger is None:
        pytest.skip("no CRF model packaged")
    text = _seed(path)
    toks = tokens(text)
    tags = features.gazetteer_tags(len(toks), gazetteer_matches(toks, text, "id"))
    for first, last in sentences(text, toks):
        words = [t.text for t in toks[first:last]]
        probes = list(range(len(words)))
        got_tags, got_odds = crf.tags_and_person_odds(words, tags[first:last], probes)
        full_tags = tagger.tag(features.sentence_features(words, tags[first:last]))
        full_odds = {i: (tagger.marginal("O", i), tagger.marginal("B-PERSON", i)) for i in probes if full_tags[i] == "O"}
        assert got_tags == full_tags
        # The numpy engine sums the same weights in another order (tests/test_crf_scores.py).
        assert got_odds.keys() == full_odds.keys()
        assert all(abs(a - b) <= 1e-9 for i in got_odds for a, b in zip(got_odds[i], full_odds[i]))


@pytest.mark.parametrize("text", [
    "Sosok.ID - Benua Biru Eropa kini tengah memanas, selain pertempuran antara Rusia dengan Ukraina.",
    "Dilansir dari Aljazeera.com, Azerbaijan menuding Armenia.dan Turki membantah.",
    "Kementerian Luar Negeri Armenia pada Senin (28/9/2020) menyebut Prabowo-Gibran dan Tae-yong.",
    "Armenia's defence ministry said the fighting in Nagorno-Karabakh went on; see www.bbc.co.uk for more.",
    *(_seed(p) for p in SEEDS),
], ids=lambda t: t[:24])
def test_tokens_match_the_single_pattern(text):
    assert [tuple(t) for t in tokens(text)] == [(m.start(), m.end(), m.group()) for m in _FULL_TOKEN.finditer(text)]


def _title_end_by_windows(toks, i, language):
    """``title_end`` as it was: every window from the longest down, folded whole."""
    if i >= len(toks) or not roles._opens_title(toks[i].text, language):
        return None
    for size in range(min(roles.MAX_TITLE_TOKENS, len(toks) - i), 0, -1):
        if roles._is_title(toks, i, i + size, roles.titles(language)):
            return i + size
    return None


@pytest.mark.parametrize("text,language", [
    ("Wakil Perdana Menteri Armenia, Tigran Avinyan, dan Menteri Luar Negeri Zohrab Mnatsakanyan hadir.", "id"),
    ("Tan Sri Muhyiddin Yassin bertemu Datuk Seri Anwar Ibrahim dan Kapolres Kampar AKBP Boby.", "id"),
    ("The Secretary of State and the deputy prime minister met the Armenian foreign minister.", "en"),
    *((_seed(p), _language(_seed(p))) for p in SEEDS),
], ids=lambda v: v[:24] if isinstance(v, str) and len(v) > 2 else v)
def test_title_end_matches_the_window_search(text, language):
    toks = tokens(text)
    found = [_title_end_by_windows(toks, i, language) for i in range(len(toks))]
    assert [roles.title_end(toks, i, language) for i in range(len(toks))] == found
    assert any(end is not None for end in found)


@pytest.mark.parametrize("path", SEEDS, ids=SEED_IDS)
def test_mention_readings_are_fresh_lists_of_the_same_mentions(path):
    text = _seed(path)
    first = mentions_in(text, "id")
    first.clear()  # a caller changing its list must not change the next caller's
    again = mentions_in(text, "id")
    assert again and again == mentions_in(text + " ", "id")


# Real sentences (Detik, Utusan, BBC) with cue verbs after quotes, openers, regulation numbers,
# angles, month ranges and anaphors, plus the letters re.IGNORECASE folds unlike str.lower.
_CUE_SENTENCES = [
    '"Kami akan tindak tegas," kata Kapolres Kampar AKBP Boby Putra. Katanya, pelaku sudah diamankan.',
    "Menurut Ketua Cabang Parti Keadilan Rakyat (PKR) itu, Jelas Ade, pihaknya menunggu.",
    "Hal itu diatur dalam UU Nomor 12 Tahun 2011 dan Perpres No. 5, pada 110 derajat 29 menit.",
    "Program berlangsung antara Januari sehingga Mac pada 2020. Pada saat itu, ketika itu pula mereka pulang.",
    '"We will not give up," said Mr Clarke.\nAccording to the Bishop of Durham, the Rt Rev Tom Wright, it was wrong.',
    "İstanbul'da KATA Budi, ſaid Mr X, kata\tAli ke rumah.\n  \tKatanya, x-Januari-Maret 2020.",
]


@pytest.mark.parametrize("text", _CUE_SENTENCES + [_seed(p) for p in SEEDS])
def test_matches_from_candidate_starts_equal_finditer(text):
    from newsetl.transforms.facts import antecedents
    from newsetl.transforms.regex_starts import digit_run_starts, matches_from, word_starts
    from newsetl.transforms.temporal import blockers, discourse

    cases = [
        (antecedents._inverted_cue(), word_starts(text, antecedents._cue_first_words("after_quote_verbs"), spaced=True)),
        (antecedents._reporting_opener(), word_starts(text, antecedents._cue_first_words("reporting_openers"), spaced=True)),
        (antecedents._according_to(), word_starts(text, antecedents._cue_first_words("according_to"))),
    ]
    for language in ("id", "ms"):
        signs = word_starts(text, blockers._sign_first_words(language), edge="_-")
        cases.append((blockers._blocking_pattern(language), None if signs is None else signs | digit_run_starts(text)))
        month_range, anaphor, _ = discourse._patterns(language)
        months, anaphors = discourse._first_words(language)
        cases += [(month_range, word_starts(text, months, edge="_")), (anaphor, word_starts(text, anaphors, edge="_"))]
    for pattern, starts in cases:
        assert [m.span() for m in matches_from(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
