"""Token features for the Indonesian CRF tagger, shared by training and tagging.

A token's own features and the features it lends its neighbours depend only on its text,
so they are computed once per distinct word (bounded cache); only gazetteer and position
features are built per occurrence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsetl.transforms.entities.lexicon import capital_shares, everyday_words, head_words, title_words, word_classes

_SHAPE_RUNS = re.compile(r"(.)\1+")
# Neighbour offsets whose word features a token sees (the +-2 window of the issue).
OFFSETS = (-2, -1, 1, 2)


def _shape(word: str) -> str:
    chars = []
    for c in word[:12]:
        if c.isupper():
            chars.append("X")
        elif c.islower():
            chars.append("x")
        elif c.isdigit():
            chars.append("d")
        else:
            chars.append(c)
    return "".join(chars)


def _casing(word: str) -> str:
    if word.isdigit():
        return "digit"
    if word.isupper() and any(c.isalpha() for c in word):
        return "upper"
    if word[:1].isupper():
        return "title" if word[1:] == word[1:].lower() else "mixed"
    if word.islower():
        return "lower"
    return "other"


@lru_cache(maxsize=1 << 17)
def word_features(word: str) -> tuple[str, ...]:
    """Return the features a token contributes about itself: form, shape, affixes, lexicons."""
    low = word.lower()
    shape = _shape(word)
    feats = [
        "w=" + low,
        "sh=" + shape,
        "ssh=" + _SHAPE_RUNS.sub(r"\1", shape),
        "c=" + _casing(word),
        "p2=" + low[:2],
        "p3=" + low[:3],
        "p4=" + low[:4],
        "s1=" + low[-1:],
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "len=" + str(min(len(word), 8)),
    ]
    if "-" in word:
        feats.append("hyphen")
    if "." in word and len(word) > 1:
        feats.append("dot")
    feats.extend(_lexicon_features(low, ""))
    return tuple(feats)


def _lexicon_features(low: str, prefix: str) -> list[str]:
    return lexicon_feature_names(lexicon_values(low), prefix)


def lexicon_values(low: str) -> tuple[bool, bool, str | None, str, str]:
    """Return what the lexicons say of a lower-cased word: title word? everyday word? its head
    class, word class and capital share (``?`` when unlisted)."""
    return (low in title_words("id"), low in everyday_words("id"), head_words("id").get(low),
            word_classes("id").get(low, "?"), capital_shares("id").get(low, "?"))


def lexicon_feature_names(values: tuple[bool, bool, str | None, str, str], prefix: str) -> list[str]:
    """Return the lexicon features, each led by ``prefix``, of a word's ``lexicon_values``."""
    title, everyday, head, word_class, share = values
    feats = []
    if title:
        feats.append(prefix + "title_word")
    if everyday:
        feats.append(prefix + "everyday")
    if head:
        feats.append(prefix + "head=" + head)
    feats.append(prefix + "wc=" + word_class)
    feats.append(prefix + "cs=" + share)
    return feats


@lru_cache(maxsize=1 << 17)
def neighbour_features(word: str, offset: int) -> tuple[str, ...]:
    """Return the features a token lends the token ``offset`` positions away from it."""
    low = word.lower()
    prefix = f"{offset:+d}"
    feats = [prefix + "w=" + low, prefix + "c=" + _casing(word)]
    if abs(offset) == 1:
        feats.append(prefix + "ssh=" + _SHAPE_RUNS.sub(r"\1", _shape(word)))
    feats.extend(_lexicon_features(low, prefix))
    return tuple(feats)


def sentence_features(words: list[str], gazetteer_tags: list[str]) -> list[list[str]]:
    """Return the CRF feature list of every token of one sentence.

    ``gazetteer_tags`` holds one tag per token such as ``B-country``, ``I-city`` or ``O``.
    """
    n = len(words)
    context = context_features(words, gazetteer_tags)
    rows = []
    for i, word in enumerate(words):
        feats = ["bias", *word_features(word), "gz=" + gazetteer_tags[i]]
        if i == 0:
            feats.append("BOS")
        elif i == 1:
            feats.append("second")
        if i == n - 1:
            feats.append("EOS")
        for offset in OFFSETS:
            j = i + offset
            if 0 <= j < n:
                feats.extend(neighbour_features(words[j], offset))
                if abs(offset) == 1:
                    feats.append(f"{offset:+d}gz=" + gazetteer_tags[j])
            elif abs(offset) == 1:
                feats.append(f"{offset:+d}pad")
        if i > 0:
            feats.append("b-=" + words[i - 1].lower() + "|" + word.lower())
        if i + 1 < n:
            feats.append("b+=" + word.lower() + "|" + words[i + 1].lower())
        feats.extend(context[i])
        rows.append(feats)
    return rows


def _head_class(word: str) -> str:
    low = word.lower()
    if low in title_words("id"):
        return "title"
    return head_words("id").get(low) or head_words("en").get(low) or "-"


def context_features(words: list[str], gazetteer_tags: list[str]) -> list[tuple[str, ...]]:
    """Return per-token features read from the sentence around a token, not from its own text.

    The run of capitalised words a token sits in (its place in it, its length, the class of the
    word opening and closing it: ``Kementerian ... Negeri`` is an ORG run, ``Gubernur ...`` a
    title run), brackets around it, the gazetteer two tokens away and the casing of its neighbours.
    """
    n = len(words)
    capital = [w[:1].isupper() and any(c.isalpha() for c in w) for w in words]
    casing = [_casing(w) for w in words]
    out: list[tuple[str, ...]] = []
    depth = 0
    runs = [None] * n
    i = 0
    while i < n:
        if capital[i]:
            j = i
            while j < n and capital[j]:
                j += 1
            for k in range(i, j):
                runs[k] = (i, j)
            i = j
        else:
            i += 1
    for i in range(n):
        feats = []
        if runs[i] is not None:
            first, last = runs[i]
            length = last - first
            pos = "S" if length == 1 else "B" if i == first else "E" if i == last - 1 else "I"
            feats.append("run=" + pos)
            feats.append("rl=" + str(min(length, 4)))
            if i > first:
                feats.append("rh=" + _head_class(words[first]))
            if i < last - 1:
                feats.append("rt=" + _head_class(words[last - 1]))
        if words[i] == ")":
            depth = max(0, depth - 1)
        if depth:
            feats.append("paren")
        if words[i] == "(":
            depth += 1
        if i >= 2:
            feats.append("-2gz=" + gazetteer_tags[i - 2])
        if i + 2 < n:
            feats.append("+2gz=" + gazetteer_tags[i + 2])
        left = casing[i - 1] if i else "pad"
        right = casing[i + 1] if i + 1 < n else "pad"
        feats.append("c3=" + left + "|" + casing[i] + "|" + right)
        out.append(tuple(feats))
    return out


def gazetteer_tags(n: int, matches) -> list[str]:
    """Return one BIO tag per token from gazetteer matches (``B-country``, ``I-media``, ``O``)."""
    tags = ["O"] * n
    for m in matches:
        tags[m.first] = "B-" + m.entry.kind
        for k in range(m.first + 1, m.last):
            tags[k] = "I-" + m.entry.kind
    return tags



class ModelFeatures:
    """Builds ``sentence_features`` restricted to the attributes a trained model has weights for.

    crfsuite skips an item's attributes that its model does not know, so the tags and marginals
    are exactly those of the full features (same attributes in the same order, so the same sums).
    Fewer strings are built, each token's row is a concatenation of cached per-word and per-tag
    parts, and the attributes are UTF-8 bytes already, which the tagger takes without encoding.
    """

    _MAX_CACHED_WORDS = 1 << 17

    def __init__(self, known: frozenset[str]):
        self._known = known
        self._bytes = {name: name.encode("utf-8") for name in known}
        self._words: dict[str, tuple] = {}
        self._tags: dict[str, tuple] = {}
        self._tokens: dict[tuple[str, str], tuple] = {}
        bos, second, eos, before, after = (self._kept(("BOS",)), self._kept(("second",)), self._kept(("EOS",)),
                                           self._kept(("-1pad",)), self._kept(("+1pad",)))
        self._bos, self._second, self._eos, self._pad_before, self._pad_after = bos, second, eos, before, after

    def _kept(self, feats) -> tuple[bytes, ...]:
        known = self._bytes
        return tuple(known[f] for f in feats if f in known)

    def _word(self, word: str) -> tuple:
        """Return a word's cached parts: own features, those lent at -2, -1, +1, +2, lower-cased form."""
        parts = self._words.get(word)
        if parts is None:
            if len(self._words) >= self._MAX_CACHED_WORDS:
                self._words.clear()
            parts = self._words[word] = (
                self._kept(("bias", *word_features(word))),
                *(self._kept(neighbour_features(word, offset)) for offset in OFFSETS),
                word.lower(),
            )
        return parts

    def _tag(self, tag: str) -> tuple:
        """Return the known ones of ``gz=TAG``, ``-1gz=TAG`` and ``+1gz=TAG``, one tuple each."""
        parts = self._tags.get(tag)
        if parts is None:
            parts = self._tags[tag] = tuple(self._kept((prefix + tag,)) for prefix in ("gz=", "-1gz=", "+1gz="))
        return parts

    def _token(self, word: str, tag: str) -> tuple:
        """Return a token's cached parts, each a run of its row: own + ``gz``, lent at -1 + ``-1gz``,
        lent at +1 + ``+1gz``, lent at -2, lent at +2, and the lower-cased word."""
        key = (word, tag)
        parts = self._tokens.get(key)
        if parts is None:
            if len(self._tokens) >= self._MAX_CACHED_WORDS:
                self._tokens.clear()
            own, before2, before1, after1, after2, low = self._word(word)
            gz, gz_before, gz_after = self._tag(tag)
            parts = self._tokens[key] = (own + gz, before1 + gz_before, after1 + gz_after, before2, after2, low)
        return parts

    def sentence_features(self, words: list[str], gazetteer_tags: list[str]) -> list[tuple[bytes, ...]]:
        """Return what ``sentence_features(words, gazetteer_tags)`` returns, as bytes, less the attributes the model lacks.

        A row is: own + ``gz``, [BOS | second], [EOS], lent by -2, lent by -1 + ``-1gz`` (or
        ``-1pad``), lent by +1 + ``+1gz`` (or ``+1pad``), lent by +2, the two bigrams.
        """
        known = self._bytes
        n = len(words)
        parts = [self._token(w, t) for w, t in zip(words, gazetteer_tags)]
        context = context_features(words, gazetteer_tags)
        rows = []
        for i in range(n):
            own, _, _, _, _, low = parts[i]
            row = own
            if i == 0:
                row += self._bos
            elif i == 1:
                row += self._second
            if i == n - 1:
                row += self._eos
            if i >= 2:
                row += parts[i - 2][3]
            row += parts[i - 1][1] if i >= 1 else self._pad_before
            if i + 1 < n:
                row += parts[i + 1][2]
                if i + 2 < n:
                    row += parts[i + 2][4]
            else:
                row += self._pad_after
            if i > 0:
                bigram = known.get("b-=" + parts[i - 1][5] + "|" + low)
                if bigram is not None:
                    row += (bigram,)
            if i + 1 < n:
                bigram = known.get("b+=" + low + "|" + parts[i + 1][5])
                if bigram is not None:
                    row += (bigram,)
            row += tuple(known[f] for f in context[i] if f in known)
            rows.append(row)
        return rows
