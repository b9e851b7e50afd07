"""``tokens.TokenTexts``: the passes' opening positions, found per distinct text, are those of a scan of every token."""

from __future__ import annotations

import csv

import pytest

from newsetl.transforms.entities import gazetteer, headed, ministries, roles
from newsetl.transforms.entities.lexicon import folded
from newsetl.transforms.entities.tokens import TextMemo, TokenTexts, tokens
from tests.test_crf_scores import DETIK, DETIK_SENTENCES

# The opening tests of the passes that take the index (gazetteer, ministries, headed names, titles).
OPENERS = {
    "gazetteer": lambda w: gazetteer._may_open(w, "id"),
    "ministries": lambda w: folded(w) in ministries._heads(),
    "headed": lambda w: w[:1].isupper() and w.lower() in headed.HEADS,
    "titles": lambda w: roles._opens_title(w, "id"),
}


def _texts():
    texts = list(DETIK_SENTENCES)
    if DETIK.is_file():
        with DETIK.open(encoding="utf-8", newline="") as handle:
            texts += [row["isi_berita"] for k, row in enumerate(csv.DictReader(handle)) if k % 40 == 0]
    return texts


@pytest.mark.parametrize("name", OPENERS)
def test_positions_are_those_of_a_token_scan(name):
    keep = OPENERS[name]
    found = 0
    for text in _texts():
        toks = tokens(text)
        expected = [k for k, t in enumerate(toks) if keep(t.text)]
        assert TokenTexts(toks).positions(keep) == expected
        found += len(expected)
    assert found  # the openers occur: the comparison is not between empty lists


@pytest.mark.parametrize("size", [1 << 17, 50])
@pytest.mark.parametrize("name", OPENERS)
def test_memo_positions_are_those_of_a_token_scan(name, size):
    """Remembered across documents, and still right when the memo fills up (size 50) and is replaced."""
    keep = OPENERS[name]
    memo = TextMemo(keep, size)
    for text in _texts():
        toks = tokens(text)
        assert memo.positions(TokenTexts(toks)) == [k for k, t in enumerate(toks) if keep(t.text)]


def test_texts_and_distinct_texts():
    toks = tokens("Kata Prabowo, Prabowo akan datang.")
    index = TokenTexts(toks)
    assert index.texts == ["Kata", "Prabowo", ",", "Prabowo", "akan", "datang", "."]
    assert list(index.distinct()) == ["Kata", "Prabowo", ",", "akan", "datang", "."]
    assert index.positions(lambda w: w == "Prabowo") == [1, 3]
    assert index.positions(lambda w: w in ("Kata", ",", ".")) == [0, 2, 6]
