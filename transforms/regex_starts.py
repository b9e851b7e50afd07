"""``finditer`` of a pattern tried only where a match can begin: the same matches, found cheaply.

Python's regex engine tries a pattern at every offset of the text; a pattern that must begin with
one of a few literal words (after optional spaces or tabs) or with a digit can only match at a
handful of offsets. ``matches_from`` tries it there alone, left to right, with ``finditer``'s
non-overlapping rule, so it returns exactly the matches ``finditer`` would (``Pattern.match`` at
an offset sees the whole string: look-behinds and ``^`` read the text before it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# The non-ASCII letters that re.IGNORECASE matches to ASCII letters (re docs: İ ı ſ K). A text with
# one of them is matched the slow way: str.lower() does not map them onto the letter the regex accepts.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")
_DIGIT_RUNS = re.compile(r"\d+")


@lru_cache(maxsize=64)
def _plain(words: frozenset[str]) -> bool:
    """Return whether every word is lower-case ASCII (str.lower then finds what re.IGNORECASE matches)."""
    return all(w.isascii() and w == w.lower() for w in words)


def word_starts(text: str, words: frozenset[str], spaced: bool = False,
                edge: str | None = None) -> set[int] | None:
    """Return every offset where one of the lower-case ASCII ``words`` (a frozenset) begins in ``text``, any case.

    With ``spaced``, also every offset in the run of spaces and tabs right before such a word (a
    pattern opening with ``[ \\t]*``). With ``edge``, only offsets not right after a letter, a digit
    or one of the characters of ``edge``: ``"_"`` for a pattern opening with ``(?<!\\w)``, ``"_-"``
    for ``(?<![\\w-])``. None when ``text`` holds a letter that ``re.IGNORECASE``
    folds differently from ``str.lower`` (the caller then uses ``finditer``).
    """
    if _ODD_CASE.search(text) or not _plain(words):
        return None
    low = text.lower()
    if len(low) != len(text):  # unreachable without the odd letters above; kept as a guard
        return None
    starts: set[int] = set()
    for word in words:
        index = low.find(word)
        while index != -1:
            if edge is None or index == 0 or not (text[index - 1].isalnum() or text[index - 1] in edge):
                starts.add(index)
            if spaced:
                before = index
                while before > 0 and text[before - 1] in " \t":
                    before -= 1
                    starts.add(before)
            index = low.find(word, index + 1)
    return starts


def digit_run_starts(text: str) -> set[int]:
    """Return the offsets where a run of digits (``\\d``) begins.

    A pattern opening with ``\\d+`` that matches inside a run also matches at the run's start.
    """
    return {m.start() for m in _DIGIT_RUNS.finditer(text)}


def matches_from(pattern: re.Pattern[str], text: str, starts: Iterable[int] | None) -> list[re.Match[str]]:
    """Return ``list(pattern.finditer(text))``, trying the pattern only at ``starts``.

    ``starts`` must hold every offset where a match of ``pattern`` can begin, and the pattern must
    not match the empty string; None means unknown (then ``finditer`` runs).
    """
    if starts is None:
        return list(pattern.finditer(text))
    found: list[re.Match[str]] = []
    reached = 0
    for start in sorted(starts):
        if start < reached:
            continue
        match = pattern.match(text, start)
        if match:
            found.append(match)
            reached = match.end()
    return found
