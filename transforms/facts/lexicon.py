"""Cue-word data for the fact extractors and the text helpers that match it.

The cue lists (``speech_cues.json``, ``citation_cues.json``, ``counts.json``, ``media.tsv``, ...)
are read through ``newsetl.transforms.lexicons`` (the one loader, cached: a long-running worker
reads each file once, not per article).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from newsetl.transforms.lexicons import document, records, territory_names


def data_file(name: str) -> Any:
    """Return the parsed JSON cue file ``transforms/facts/<name>`` (shared: do not modify it)."""
    return document(f"facts/{name}")


@cache
def known_media() -> dict[tuple[str, ...], str]:
    """Return known media names keyed by their case-folded word tuple (``("the", "new", "arab")``)."""
    return {tuple(row["name"].casefold().split()): row["name"] for row in records("facts/media.tsv") if row["name"]}


@cache
def country_names() -> frozenset[str]:
    """Return case-folded country names in Indonesian and English (``rusia``, ``amerika serikat``)."""
    names = {name.casefold() for name, _code in territory_names()}  # CLDR, shared with the entity gazetteer
    names.update(data_file("names.json")["extra_countries"])  # short forms and disputed regions
    return frozenset(names)


@cache
def country_tokens() -> frozenset[str]:
    """Return every word that occurs in a country name (``amerika``, ``serikat``, ``rusia``)."""
    return frozenset(word for name in country_names() for word in name.split())


def alternation(phrases: Iterable[str]) -> str:
    """Return a regex alternation of ``phrases``, longest first, any whitespace between words."""
    unique = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in unique)


def normalised(phrase: str) -> str:
    """Return ``phrase`` lower-cased with runs of whitespace collapsed to one space."""
    return " ".join(phrase.lower().split())


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """Return ``text`` lower-cased with its length kept, so offsets stay valid.

    Matching lower-cased text without ``re.IGNORECASE`` is several times faster;
    the few characters whose lower case is longer (``İ``) are kept as they are.
    Cached for the handful of texts being analysed at once.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# Everything but letters, digits and hyphens becomes a blank when listing a text's words.
_NOT_WORD = {c: " " for c in range(0x2000, 0x2070)}
_NOT_WORD.update({ord(c): " " for c in "!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~«»‘’“”„\u00a0"})


@lru_cache(maxsize=8)
def vocabulary(text: str) -> frozenset[str]:
    """Return the set of lower-case words in ``text`` (hyphenated words also split into parts).

    Finders look only for cue words the text actually contains, which skips most
    of their ``str.find`` scans.
    """
    words = set(lowered(text).translate(_NOT_WORD).split())
    for word in [w for w in words if "-" in w]:
        words.update(part for part in word.split("-") if part)
    return frozenset(words)


def _is_word_char(char: str) -> bool:
    """Return whether ``char`` can be part of a word (so a cue cannot start after it)."""
    return char.isalnum() or char in "-_"


class PhraseFinder:
    """Finds whole-word occurrences of cue phrases in lower-cased text.

    Python's regex engine tries a large alternation at every offset; finding the
    phrases' literal first words with ``str.find`` and matching the full pattern
    only there is an order of magnitude faster on article-sized text.
    """

    def __init__(self, phrases: Iterable[str], tail: str = r"(?![\w-])", pattern: str | None = None) -> None:
        """Find ``phrases`` followed by ``tail``; or, if given, ``pattern`` wherever one of them starts."""
        phrases = [p for p in phrases if p.strip()]
        self._first_words = sorted({p.lower().split()[0] for p in phrases})
        self.pattern = re.compile(pattern or rf"(?P<phrase>{alternation(phrases)}){tail}")

    def matches(
        self, low: str, start: int = 0, end: int | None = None, extra_starts: Iterable[int] = (),
        words: frozenset[str] | None = None,
    ) -> list[re.Match[str]]:
        """Return non-overlapping matches in ``low[start:end]`` (``low`` from ``lowered``), in order.

        ``extra_starts``: further offsets to try the pattern at; ``words``: the
        text's ``vocabulary``, to skip first words it does not contain.
        """
        end = len(low) if end is None else min(end, len(low))
        starts = set(extra_starts)
        first_words = self._first_words if words is None else [w for w in self._first_words if w in words]
        for word in first_words:
            index = low.find(word, start, end)
            while index != -1:
                if index == 0 or not _is_word_char(low[index - 1]):
                    starts.add(index)
                index = low.find(word, index + 1, end)
        found: list[re.Match[str]] = []
        reached = -1
        for index in sorted(starts):
            if index < reached:
                continue
            match = self.pattern.match(low, index, end)
            if match:
                found.append(match)
                reached = match.end()
        return found

    def last_before(self, low: str, start: int, end: int) -> re.Match[str] | None:
        """Return the last match inside ``low[start:end]``, or None."""
        found = self.matches(low, start, end)
        return found[-1] if found else None
