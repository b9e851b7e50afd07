"""Malaysian Malay (ms) versus Indonesian (id): the second stage after langdetect says ``id``.

langdetect has no Malay profile, and lingua restricted to the two does worse than words:
on ../shared/data/langid it called 17% of id.txt Malay. The decision adds two kinds of
word evidence: the hand-made markers (transforms/data/lang_malay_indonesian_markers.tsv,
high precision, but silent on most Malaysian prose) and a naive Bayes table trained on
the TRAIN halves of langid id/ms and Detik/Utusan (lang_id_ms_nb.tsv, rebuilt by
``python -m newsetl_dev.train_language``). On the held-out halves (sentences;
``python -m newsetl_dev.eval_language``), langid id / clean ms, then Detik / Utusan
sentences: markers alone 1.000 / 0.915, 0.992 / 0.746; markers + naive Bayes / NB_SCALE
(10) 0.992 / 0.957, 0.994 / 0.884 (NB_SCALE 2: 0.919 / 0.957, 0.983 / 0.944; 8: 0.972 /
0.957, 0.994 / 0.900; 16: 0.998 / 0.957, 0.994 / 0.862: the web and literary sentences of
id.txt are where naive Bayes, trained mostly on news, errs). NB_SCALE was chosen on these
held-out figures, so they flatter it slightly. With
capitalised words (names) as features it was 0.986 / 0.957, 0.995 / 0.916, but names are
topic: a synthetic Indonesian article on Azerbaijan came out Malaysian (Utusan reports
more foreign news than Detik), so the table leaves them out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from newsetl.transforms.lexicons import rows
from newsetl.transforms.records import LanguageGuess

# Net Malaysian evidence needed to say ``ms``: a single weak marker (weight 0.5, such as
# "beliau" or "daripada", both also Indonesian) is not enough. On id.txt plus the 111
# hand-checked Malay lines of ms.txt, a margin of 0.5 gave id 99.6% / ms 90%, 0 gave
# id 98.3% / ms 93% and 1 gave id 99.8% / ms 83% (malaysian_evidence alone, per sentence).
MALAY_MARGIN = 0.5
# The naive Bayes log-odds are divided by this before being added to the marker evidence.
NB_SCALE = 10.0
# Weight of a character 4-gram relative to a whole word (they overlap, so they are not independent).
NB_CHAR_WEIGHT = 0.2
_NB_WORD = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")  # enclitics: bahagianku, kiralah


@lru_cache(maxsize=1)
def _markers() -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    """Return word markers, word-ending markers and two-word markers (positive = Malaysian),
    plus the set of words that start a two-word marker."""
    words: dict[str, float] = {}
    endings: dict[str, float] = {}
    for marker, language, weight in rows("data/lang_malay_indonesian_markers.tsv"):
        signed = float(weight) if language == "ms" else -float(weight)
        if marker.startswith("-"):
            endings[marker[1:]] = signed
        else:
            words[marker] = signed
    firsts = frozenset(marker.split(" ")[0] for marker in words if " " in marker)
    return words, endings, firsts


@lru_cache(maxsize=65536)
def _word_weight(word: str) -> tuple[str, float]:
    """Return the marker form of ``word`` (without reduplication or clitic, if only that is a
    marker) and its weight; cached because news vocabulary repeats endlessly."""
    markers, endings, _ = _markers()
    if word in markers:
        return word, markers[word]
    head, _, tail = word.partition("-")
    if head == tail and head in markers:  # parti-parti -> parti
        return head, markers[head]
    if word.endswith(_CLITICS):  # bahagianku -> bahagian
        for clitic in _CLITICS:
            stem = word[: -len(clitic)]
            if word.endswith(clitic) and len(stem) >= 4 and stem in markers:
                return stem, markers[stem]
    for ending, weight in endings.items():
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word, weight
    return word, 0.0


@lru_cache(maxsize=1)
def _nb_table() -> dict[str, float]:
    """Return the naive Bayes weights keyed by kind + feature ('w' word, 'c' character 4-gram)."""
    return {kind + feature: float(weight) for kind, feature, weight in rows("data/lang_id_ms_nb.tsv")}


@lru_cache(maxsize=65536)
def _nb_word_weight(word: str) -> float:
    """Return the naive Bayes log-odds (positive = Malaysian) of one lower-cased word."""
    table = _nb_table()
    padded = f" {word} "
    grams = sum(table.get("c" + padded[i : i + 4], 0.0) for i in range(len(padded) - 3))
    return table.get("w" + word, 0.0) + NB_CHAR_WEIGHT * grams


def naive_bayes_evidence(text: str) -> float:
    """Return the naive Bayes log-odds of ``text``: > 0 leans Malaysian Malay, < 0 Indonesian.

    Capitalised words are left out, as in training (names tell the topic, not the language)."""
    return sum(_nb_word_weight(word.lower()) for word in _NB_WORD.findall(text) if word[0].islower())


def _summed_evidence(tokens: Iterable[str], weighed: Callable[[str], tuple[str, float]]) -> float:
    """Return the summed weights of ``tokens`` (``weighed`` gives a token's marker form and weight), with
    each two-word marker's weight added to its second word."""
    markers, _, firsts = _markers()
    score = 0.0
    previous = ""
    for token in tokens:
        word, weight = weighed(token)
        if previous in firsts:
            weight += markers.get(f"{previous} {word}", 0.0)
        score += weight
        previous = word
    return score


def malaysian_evidence(text: str) -> float:
    """Return the summed marker weights in ``text``: > 0 leans Malaysian Malay, < 0 Indonesian."""
    return _summed_evidence(_WORD.findall(text.lower()), _word_weight)


@lru_cache(maxsize=65536)
def _token_evidence(token: str) -> tuple[str, float]:
    """Return the marker form of one ``_WORD`` token (any case) and its marker weight plus the
    naive Bayes log-odds of its lower-case hyphen-separated parts over NB_SCALE."""
    word, weight = _word_weight(token.lower())
    parts = [part.lower() for part in token.split("-") if part[:1].islower()]
    return word, weight + sum(map(_nb_word_weight, parts)) / NB_SCALE


def combined_evidence(text: str) -> float:
    """Return ``malaysian_evidence(text) + naive_bayes_evidence(text) / NB_SCALE`` in one pass."""
    return _summed_evidence(_WORD.findall(text), _token_evidence)


def malay_or_indonesian(text: str, confidence: float) -> LanguageGuess:
    """Return ``ms`` or ``id`` for Malay-family ``text`` that was detected with ``confidence``.

    The evidence is the markers' distance from MALAY_MARGIN plus the naive Bayes log-odds
    over NB_SCALE. The confidence is scaled by how far it is from zero: x0.5 at zero,
    x0.99 two units away.
    """
    distance = combined_evidence(text) - MALAY_MARGIN
    certainty = 1.0 - 0.5 * math.exp(-2.0 * abs(distance))
    return LanguageGuess("ms" if distance > 0 else "id", round(confidence * certainty, 4))
