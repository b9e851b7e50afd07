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

from transforms.records import LanguageGuess

# Net Malaysian evidence needed to say ``ms``: a single weak marker (weight 0.5, such as
# "beliau" or "daripada", both also Indonesian) is not enough. On id.txt plus the 111
# hand-checked Malay lines of ms.txt, a margin of 0.5 gave id 99.6% / ms 90%, 0 gave
# id 98.3% / ms 93% and 1 gave id 99.8% / ms 83% (flows/eval_language.py).
MALAY_MARGIN = 0.5
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")


@lru_cache(maxsize=1)
def _markers() -> tuple[dict[str, float], tuple[tuple[str, float], ...]]:
    """Return word and two-word markers (positive = Malaysian) and word-ending markers."""
    words: dict[str, float] = {}
    endings: list[tuple[str, float]] = []
    text = resources.files("transforms.data").joinpath("lang_malay_indonesian_markers.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        marker, language, weight = line.split("\t")
        signed = float(weight) if language == "ms" else -float(weight)
        if marker.startswith("-"):
            endings.append((marker[1:], signed))
        else:
            words[marker] = signed
    return words, tuple(endings)


def _base_form(word: str, markers: dict[str, float]) -> str:
    """Return ``word`` or, if only that is a marker, its form without reduplication or clitic."""
    if word in markers:
        return word
    head, _, tail = word.partition("-")
    if head == tail:  # parti-parti -> parti
        word = head
    for clitic in _CLITICS:  # bahagianku -> bahagian
        if word.endswith(clitic) and len(word) - len(clitic) >= 4 and word[: -len(clitic)] in markers:
            return word[: -len(clitic)]
    return word


def malaysian_evidence(text: str) -> float:
    """Return the summed marker weights in ``text``: > 0 leans Malaysian Malay, < 0 Indonesian."""
    markers, endings = _markers()
    words = [_base_form(word, markers) for word in _WORD.findall(text.lower())]
    score = 0.0
    previous = ""
    for word in words:
        weight = markers.get(word)
        if weight is None:
            weight = next((w for end, w in endings if len(word) > len(end) + 2 and word.endswith(end)), 0.0)
        score += weight + markers.get(f"{previous} {word}", 0.0)
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
