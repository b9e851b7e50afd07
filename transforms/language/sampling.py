"""Bounded text samples for language detection, and letter counts.

langdetect's cost grows with the text it is given (it walks every character in
Python), so long texts are reduced to a head and a middle slice before detection.
"""

from __future__ import annotations

# The head shows the lead paragraph, the middle slice guards against a foreign-language
# header or boilerplate block; together ~400 characters. On pseudo-documents built from
# ../shared/data/langid (5 consecutive sentences), accuracy was flat from a 200-character
# sample upwards while langdetect's cost kept growing (flows/eval_language.py --sample-sizes).
HEAD_CHARS = 300
MIDDLE_CHARS = 100


def letter_count(text: str) -> int:
    """Return how many alphabetic characters (any script) ``text`` contains."""
    return sum(1 for ch in text if ch.isalpha())


def _cut_at_space(text: str) -> str:
    """Drop a trailing partial word so the sample never ends mid-word."""
    cut = text.rfind(" ")
    return text[:cut] if cut > len(text) // 2 else text


def detection_sample(text: str) -> str:
    """Return at most ~HEAD_CHARS + MIDDLE_CHARS characters of ``text`` to detect its language on.

    Short texts are returned whole; long ones as their head plus a slice from the middle,
    both cut at word boundaries. Lone surrogates (possible in Python strings, never in
    decoded documents) are replaced, because lingua cannot encode them.
    """
    if len(text) > HEAD_CHARS + MIDDLE_CHARS:
        middle = len(text) // 2
        text = _cut_at_space(text[:HEAD_CHARS]) + "\n" + _cut_at_space(text[middle : middle + MIDDLE_CHARS])
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text
