"""Numerals in Indonesian and English text: ``2.000``, ``1,5 juta``, ``tiga puluh sembilan``.

``numeral_spans`` finds numerals with their offsets; ``parsed_number`` reads one.
Vague amounts follow ACLED's conservative convention (``puluhan`` -> 10,
``ratusan`` -> 100) and are flagged ``is_approximate``.
"""

from __future__ import annotations

import re

from transforms.records import ParsedNumber

UNITS = {
    # Indonesian
    "nol": 0, "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
    # English
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# Multipliers that scale what precedes them ("tiga puluh", "dua ribu", "five hundred").
SMALL_SCALES = {"belas": 10, "puluh": 10, "ratus": 100, "hundred": 100}
LARGE_SCALES = {
    "ribu": 1_000, "juta": 1_000_000, "miliar": 1_000_000_000, "milyar": 1_000_000_000,
    "triliun": 1_000_000_000_000, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000,
}
# Single-word forms with the "se-" prefix: seratus = 100, seribu = 1000.
SE_FORMS = {"sebelas": 11, "sepuluh": 10, "seratus": 100, "seribu": 1_000, "sejuta": 1_000_000}
# ACLED-style conservative values for vague amounts.
VAGUE = {
    "belasan": 10, "puluhan": 10, "ratusan": 100, "ribuan": 1_000, "jutaan": 1_000_000,
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    "several": 3, "beberapa": 3,
}

_WORDS = sorted(
    set(UNITS) | set(SMALL_SCALES) | set(LARGE_SCALES) | set(SE_FORMS) | set(VAGUE),
    key=len,
    reverse=True,
)
_WORD_ALT = "|".join(w for w in _WORDS if w not in {"a", "an", "se", "several", "beberapa"})
# Digits with optional grouping/decimal separators, e.g. 2.000 / 1,5 / 2,000.50
_DIGITS = r"\d+(?:[.,]\d+)*"
NUMERAL_PATTERN = re.compile(
    rf"(?<![\w\-/.,])(?:{_DIGITS}|(?:{_WORD_ALT}))"
    rf"(?:[ \t]+(?:{_WORD_ALT}))*(?![\w\-/])",
    re.IGNORECASE,
)


def _digits_value(token: str, language: str) -> float | None:
    """Return the value of a digit string, honouring the language's separators."""
    thousands, decimal = (",", ".") if language == "en" else (".", ",")
    groups = token.split(thousands)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and decimal not in groups[0]:
        token = "".join(groups)
    elif len(groups) > 1:
        # "1.5" in Indonesian text written English-style: read the dot as decimal.
        if len(groups) == 2 and decimal not in token:
            token = groups[0] + "." + groups[1]
        else:
            return None
    if decimal in token:
        whole, _, frac = token.partition(decimal)
        if "," in frac or "." in frac:
            return None
        token = f"{whole}.{frac}"
    try:
        return float(token)
    except ValueError:
        return None


def parsed_number(text: str, language: str = "id") -> ParsedNumber | None:
    """Return the value of one numeral phrase, or None if it is not a numeral.

    >>> parsed_number("2.000").value
    2000.0
    >>> parsed_number("tiga puluh sembilan").value
    39.0
    """
    tokens = text.lower().split()
    if not tokens:
        return None
    total = 0.0  # completed large-scale groups (e.g. the "dua juta" in "dua juta lima ratus")
    current = 0.0
    approximate = False
    seen_any = False
    for token in tokens:
        if re.fullmatch(_DIGITS, token):
            value = _digits_value(token, language)
            if value is None:
                return None
            current += value
        elif token in VAGUE:
            approximate = True
            current = (current or 1) * VAGUE[token] if current else VAGUE[token]
        elif token in SE_FORMS:
            value = SE_FORMS[token]
            if value >= 1_000:
                total += (current or 1) * value if current else value
                current = 0
            else:
                current += value
        elif token in UNITS:
            current += UNITS[token]
        elif token in SMALL_SCALES:
            if token == "belas":
                current = (current or 1) + 10
            else:
                current = (current or 1) * SMALL_SCALES[token]
        elif token in LARGE_SCALES:
            total += (current or 1) * LARGE_SCALES[token]
            current = 0
        else:
            return None
        seen_any = True
    if not seen_any:
        return None
    return ParsedNumber(value=total + current, is_approximate=approximate)


def numeral_spans(text: str, language: str = "id") -> list[tuple[int, int, ParsedNumber]]:
    """Return ``(start, end, number)`` for every numeral phrase in ``text``."""
    spans = []
    for match in NUMERAL_PATTERN.finditer(text):
        number = parsed_number(match.group(0), language)
        if number is not None:
            spans.append((match.start(), match.end(), number))
    return spans
