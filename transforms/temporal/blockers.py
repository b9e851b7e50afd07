"""Left-context blockers: number phrases that look temporal but are not (regulation numbers, angles).

``UU Nomor 12 Tahun 2011`` holds neither a duration (``12 Tahun``) nor a year expression
(``Tahun 2011``): the number after ``Nomor`` is an identifier and the year is part of the
law's name. ``110 derajat 29 menit`` is an angle, not a duration. The decision is taken
from the words to the left of the number (lexicon ``identifier_signs``, ``angle_words``).
"""

from __future__ import annotations

import re
from functools import cache

from newsetl.transforms.regex_starts import digit_run_starts, matches_from, word_starts
from newsetl.transforms.temporal.lexicon import lexicon


def _words(phrases) -> str:
    """Return a regex alternation of phrases, longest first, any whitespace inside."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


@cache
def _blocking_pattern(language: str) -> re.Pattern | None:
    """Return the regex of non-temporal number phrases for a lexicon language, or None if it has none."""
    lex = lexicon(language)
    signs, angles = lex.get("identifier_signs", []), lex.get("angle_words", [])
    parts = []
    if signs:
        year_words = _words(lex["grammar_words"]["YEAR_WORD"])
        # sign, optional colon, an identifier with a digit (12, 1/PUU-XX/2022, MD-027), then the year it carries
        parts.append(rf"(?<![\w-])(?:{_words(signs)})(?![\w-])\.?\s*:?\s*[\w./-]*\d[\w./-]*"
                     rf"(?:\s*,?\s+(?:{year_words})\s+\d{{4}}(?!\d))?")
    if angles:
        units = _words(u for u, code in lex["units"].items() if code in ("MIN", "S"))
        parts.append(rf"\d+(?:[.,]\d+)?\s*(?:{_words(angles)})(?![\w-])(?:\s*\d+(?:[.,]\d+)?\s*(?:{units})(?![\w-]))+")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


@cache
def _sign_first_words(language: str) -> frozenset[str]:
    """Return the lower-case first words of the identifier signs of ``language``."""
    return frozenset(p.split()[0].lower() for p in lexicon(language).get("identifier_signs", []) if p.split())


def blocked_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of ``text`` that no temporal expression may overlap."""
    pattern = _blocking_pattern(language)
    if pattern is None:
        return []
    # A blocked phrase begins with an identifier sign (after no word character) or a number.
    signs = word_starts(text, _sign_first_words(language), edge="_-")
    starts = None if signs is None else signs | digit_run_starts(text)
    return [m.span() for m in matches_from(pattern, text, starts)]


@cache
def _age_pattern(language: str) -> re.Pattern | None:
    """Return the regex of an age word and up to three words right before a number, or None."""
    lex = lexicon(language)
    ages = lex.get("age_words", [])
    if not ages:
        return None
    openers = _words(lex.get("duration_openers", []) or ["\x00"])
    # berusia 41 | berusia antara 16 hingga | aged between five and; "usia muda selama" opens a real duration
    return re.compile(rf"(?<![\w-])(?:{_words(ages)})(?:\s+(?!(?:{openers})(?![\w-]))[\w-]+){{0,3}}\s+\Z",
                      re.IGNORECASE)


def is_age(text: str, start: int, language: str) -> bool:
    """Return whether the amount starting at ``start`` is an age (``berusia 41 tahun``, ``aged 84 years``)."""
    pattern = _age_pattern(language)
    return bool(pattern and pattern.search(text, max(0, start - 40), start))
