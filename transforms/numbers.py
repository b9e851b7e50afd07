"""Numerals in Indonesian and English text: ``2.000``, ``1,5 juta``, ``tiga puluh sembilan``.

``numeral_spans`` finds numerals with their offsets; ``parsed_number`` reads one.
Vague amounts follow ACLED's conservative convention (``puluhan`` -> 10,
``ratusan`` -> 100) and are flagged ``is_approximate``; so are colloquial
ranges such as ``dua tiga`` (two or three), read as their lower bound.
"""

from __future__ import annotations

import re

from newsetl.transforms.records import ParsedNumber

UNITS = {
    # Indonesian
    "nol": 0, "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "setengah": 0.5, "lusin": 12,
    # English
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
# Multipliers of what precedes them within a group below a thousand.
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

# Words that may not start a numeral phrase found in running text ("a", "se" are too
# ambiguous; "beberapa"/"several" are not counts).
_NOT_LEADING = {"a", "an", "se", "several", "beberapa"}
NUMERAL_WORDS = "|".join(
    sorted(
        (set(UNITS) | set(SMALL_SCALES) | set(LARGE_SCALES) | set(SE_FORMS) | set(VAGUE)) - _NOT_LEADING,
        key=len,
        reverse=True,
    )
)
# Digits with optional grouping/decimal separators, e.g. 2.000 / 1,5 / 2,000.50
DIGITS = r"\d+(?:[.,]\d+)*"
NUMERAL_PATTERN = re.compile(
    rf"(?<![\w\-/.,])(?:{DIGITS}|(?:{NUMERAL_WORDS}))"
    rf"(?:[ \t]+(?:{NUMERAL_WORDS}))*(?![\w\-/]|[.,]\d)",
    re.IGNORECASE,
)


def _grouping(thousands: str, decimal: str) -> re.Pattern[str]:
    """Return the pattern of a number grouped in thousands: ``2.000``, ``1.234.567,5``."""
    t, d = re.escape(thousands), re.escape(decimal)
    return re.compile(rf"[1-9]\d{{0,2}}(?:{t}\d{{3}})+(?:{d}\d+)?")


# Per language: (grouped with the native separator, grouped the other way, decimal with
# the native separator, decimal with the other one). Indonesian writes 2.000 and 1,5.
_READINGS = {
    "id": (_grouping(".", ","), _grouping(",", "."), re.compile(r"\d+(?:,\d+)?"), re.compile(r"\d+\.\d+")),
    "en": (_grouping(",", "."), None, re.compile(r"\d+(?:\.\d+)?"), re.compile(r"\d+,\d+")),
}


def _digits_value(token: str, language: str) -> float | None:
    """Return the value of a digit string, honouring the language's separators.

    Indonesian: ``2.000`` = 2000, ``1,5`` = 1.5, and English-style ``2,000`` = 2000.
    English: ``2,000`` = 2000, ``1.5`` = 1.5, ``1,5`` = 1.5.
    """
    native_group, foreign_group, native_decimal, foreign_decimal = _READINGS.get(language, _READINGS["id"])
    thousands, decimal = (",", ".") if language == "en" else (".", ",")
    if native_group.fullmatch(token):
        return float(token.replace(thousands, "").replace(decimal, "."))
    if foreign_group is not None and foreign_group.fullmatch(token):
        return float(token.replace(decimal, "").replace(thousands, "."))
    if native_decimal.fullmatch(token) or foreign_decimal.fullmatch(token):
        return float(token.replace(",", "."))
    return None


def parsed_number(text: str, language: str = "id") -> ParsedNumber | None:
    """Return the value of one numeral phrase, or None if it is not a numeral.

    >>> parsed_number("2.000").value
    2000.0
    >>> parsed_number("tiga puluh sembilan").value
    39.0
    >>> parsed_number("puluhan ribu")
    ParsedNumber(value=10000.0, is_approximate=True)
    """
    tokens = text.lower().split()
    if not tokens:
        return None
    total = 0.0  # completed thousands/millions ("dua juta" in "dua juta lima ratus")
    group = 0.0  # completed hundreds and tens below the next large scale
    pending = 0.0  # the number being read ("dua" before "puluh")
    approximate = False
    previous_unit = False
    for token in tokens:
        is_unit = False
        if token[0].isdigit():
            value = _digits_value(token, language)
            if value is None or pending or group or total:
                return None
            pending = value
        elif token in VAGUE:
            approximate = True
            pending = (pending or 1) * VAGUE[token]
        elif token in SE_FORMS:
            value = SE_FORMS[token]
            if value >= 1_000:
                if pending or group:
                    return None
                total += value
            elif value == 100:
                group += 100
            elif pending:
                return None
            else:
                pending = value
        elif token in UNITS:
            value = UNITS[token]
            if token == "setengah" or (pending >= 20 and pending % 10 == 0 and pending < 100 and value < 10):
                pending += value  # "satu setengah", "twenty five"
            elif previous_unit and pending < 10 and value < 10:
                approximate = True  # "dua tiga orang": two or three, read as the lower bound
                pending = min(pending, value)
            elif pending:
                return None
            else:
                pending = value
            is_unit = True
        elif token == "belas":
            pending = (pending or 1) + 10
        elif token in SMALL_SCALES:
            group += (pending or 1) * SMALL_SCALES[token]
            pending = 0
        elif token in LARGE_SCALES:
            total += ((group + pending) or 1) * LARGE_SCALES[token]
            group = pending = 0
        else:
            return None
        previous_unit = is_unit
    return ParsedNumber(value=total + group + pending, is_approximate=approximate)


def numeral_spans(text: str, language: str = "id") -> list[tuple[int, int, ParsedNumber]]:
    """Return ``(start, end, number)`` for every numeral phrase in ``text``.

    Digits glued to letters, hyphens or slashes are not numerals here
    (``F-16``, ``ke-102``, ``28/9/2020``, ``Rp2.000``).
    """
    spans = []
    for match in NUMERAL_PATTERN.finditer(text):
        number = parsed_number(match.group(0), language)
        if number is not None:
            spans.append((match.start(), match.end(), number))
    return spans
