"""Malaysian Malay (ms) versus Indonesian (id): the second stage after langdetect says ``id``.

langdetect has no Malay profile, and lingua restricted to the two does worse than words:
on ../shared/data/langid it called 17% of id.txt Malay, and every weighting of it together
with the word evidence below lowered accuracy, so the decision rests on vocabulary and
spelling (transforms/data/lang_malay_indonesian_markers.tsv).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

from newsetl.transforms.records import LanguageGuess

# Net Malaysian evidence needed to say ``ms``: a single weak marker (weight 0.5, such as
# "beliau" or "daripada", both also Indonesian) is not enough. On id.txt plus the 111
# hand-checked Malay lines of ms.txt, a margin of 0.5 gave id 99.6% / ms 90%, 0 gave
# id 98.3% / ms 93% and 1 gave id 99.8% / ms 83% (malaysian_evidence alone, per sentence).
MALAY_MARGIN = 0.5
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")  # enclitics: bahagianku, kiralah


@lru_cache(maxsize=1)
def _markers() -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    """Return word markers, word-ending markers and two-word markers (positive = Malaysian),
    plus the set of words that start a two-word marker."""
    words: dict[str, float] = {}
    endings: dict[str, float] = {}
    text = resources.files("newsetl.transforms.data").joinpath("lang_malay_indonesian_markers.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        marker, language, weight = line.split("\t")
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


def malaysian_evidence(text: str) -> float:
    """Return the summed marker weights in ``text``: > 0 leans Malaysian Malay, < 0 Indonesian."""
    markers, _, firsts = _markers()
    score = 0.0
    previous = ""
    for token in _WORD.findall(text.lower()):
        word, weight = _word_weight(token)
        if previous in firsts:
            weight += markers.get(f"{previous} {word}", 0.0)
        score += weight
        previous = word
    return score


def malay_or_indonesian(text: str, confidence: float) -> LanguageGuess:
    """Return ``ms`` or ``id`` for Malay-family ``text`` that was detected with ``confidence``.

    The confidence is scaled by how far the evidence is from the margin: x0.5 at the margin,
    x0.82 with no evidence either way (Indonesian is the default), x0.99 two units away.
    """
    distance = malaysian_evidence(text) - MALAY_MARGIN
    certainty = 1.0 - 0.5 * math.exp(-2.0 * abs(distance))
    return LanguageGuess("ms" if distance > 0 else "id", round(confidence * certainty, 4))
