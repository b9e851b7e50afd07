"""Hashable keys standing for a token's CRF context features and its bigrams, for the score tables.

``features.context_features`` spells out strings (``run=B``, ``c3=title|lower|pad``) per token,
and the bigram features are strings joined per token pair; ``crf_scores.ScoreTables`` only needs
the weight row those strings select. A key made of the parts the strings are built from selects
the same row, costs a tuple instead of a dozen string joins, and repeats across sentences, so the
strings are built once per distinct key (``context_key_features``, equal to what
``context_features`` returns: tests/test_crf_keys.py checks it on real sentences).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from newsetl.transforms.entities.features import _casing, _head_class


@lru_cache(maxsize=1 << 17)
def _case(word: str) -> tuple[bool, str]:
    """Return whether ``word`` opens with a capital (and holds a letter), and its casing class."""
    return word[:1].isupper() and any(c.isalpha() for c in word), _casing(word)


@lru_cache(maxsize=1 << 17)
def _head(word: str) -> str:
    return _head_class(word)


def _runs(words: list[str], capital: list[bool]) -> list[tuple | None]:
    """Return per token its capitalised run's ``(place, length up to 4, opening class, closing class)``,
    the classes None where ``context_features`` names none (a token sees the run's other ends only)."""
    n = len(words)
    runs: list[tuple | None] = [None] * n
    i = 0
    while i < n:
        if not capital[i]:
            i += 1
            continue
        j = i
        while j < n and capital[j]:
            j += 1
        if j - i == 1:
            runs[i] = ("S", 1, None, None)
        else:
            length, first, last = min(j - i, 4), _head(words[i]), _head(words[j - 1])
            runs[i] = ("B", length, None, last)
            for k in range(i + 1, j - 1):
                runs[k] = ("I", length, first, last)
            runs[j - 1] = ("E", length, first, None)
        i = j
    return runs


def context_keys(words: list[str], gazetteer_tags: list[str]) -> list[tuple]:
    """Return per token a key of its ``context_features``: run, inside brackets, gazetteer tags two
    tokens away (None off the sentence), and the casing of the token and its neighbours."""
    n = len(words)
    cases = [_case(w) for w in words]
    runs = _runs(words, [c[0] for c in cases])
    casing = ["pad", *(c[1] for c in cases), "pad"]
    tags = [None, None, *gazetteer_tags, None, None]
    keys = []
    depth = 0
    for i, word in enumerate(words):
        if word == ")":
            depth = max(0, depth - 1)
        keys.append((runs[i], depth > 0, tags[i], tags[i + 4], casing[i], casing[i + 1], casing[i + 2]))
        if word == "(":
            depth += 1
    return keys


def context_key_features(key: tuple) -> tuple[str, ...]:
    """Return the ``context_features`` of a token from its ``context_keys`` key."""
    run, paren, two_before, two_after, left, own, right = key
    feats = []
    if run is not None:
        place, length, first, last = run
        feats += ["run=" + place, "rl=" + str(length)]
        if first is not None:
            feats.append("rh=" + first)
        if last is not None:
            feats.append("rt=" + last)
    if paren:
        feats.append("paren")
    if two_before is not None:
        feats.append("-2gz=" + two_before)
    if two_after is not None:
        feats.append("+2gz=" + two_after)
    feats.append("c3=" + left + "|" + own + "|" + right)
    return tuple(feats)


def bigram_pairs(rows: dict[str, int]) -> dict[tuple[str, str], tuple[int | None, int | None]]:
    """Return ``(word before, word after) -> (row of b-=, row of b+=)`` from the bigram attribute rows.

    A name is ``b-=`` + before + ``|`` + after; one holding more ``|`` (a ``|`` token) is entered
    under each way of splitting it, so a pair is found exactly when its joined string is a name.
    """
    pairs: dict[tuple[str, str], list] = {}
    for name, row in rows.items():
        slot = 0 if name.startswith("b-=") else 1
        body = name[3:]
        at = body.find("|")
        while at >= 0:
            pairs.setdefault((body[:at], body[at + 1:]), [None, None])[slot] = row
            at = body.find("|", at + 1)
    return {pair: tuple(both) for pair, both in pairs.items()}


class BigramRows:
    """The table rows of the ``b-=`` and ``b+=`` features of consecutive tokens, looked up in numpy.

    Each word of a bigram name gets an id; a pair of ids is one integer, and the known pairs are
    kept sorted with their two rows, so a document's pairs are found with one ``searchsorted``.
    """

    def __init__(self, rows: dict[str, int], zero: int):
        pairs = bigram_pairs(rows)
        self.word_ids: dict[str, int] = {}
        for pair in pairs:
            for word in pair:
                self.word_ids.setdefault(word, len(self.word_ids))
        self._size = size = max(len(self.word_ids), 1)
        ids = self.word_ids
        keyed = sorted((ids[a] * size + ids[b], zero if m is None else m, zero if p is None else p)
                       for (a, b), (m, p) in pairs.items())
        # A sentinel above every key, so a search never runs off the end.
        keyed.append((size * size, zero, zero))
        self._keys, self._before, self._after = (np.array(column, dtype=np.int64) for column in zip(*keyed))
        self._zero = zero

    def rows(self, words: np.ndarray, last: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return per token the row of its ``b-=`` (with the token before) and ``b+=`` (with the token
        after) feature, given its word id (``word_ids``, -1 for none) and whether it ends its sentence."""
        left, right = words[:-1], words[1:]
        keys = left * self._size + right
        at = np.searchsorted(self._keys, keys)
        found = (self._keys[at] == keys) & (left >= 0) & (right >= 0) & ~last[:-1]
        zero = np.full(1, self._zero, dtype=np.int64)
        before = np.concatenate([zero, np.where(found, self._before[at], self._zero)])
        after = np.concatenate([np.where(found, self._after[at], self._zero), zero])
        return before, after
