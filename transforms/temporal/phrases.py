"""Small readers shared by the grammar readers: lexicon look-ups and context checks."""

from __future__ import annotations

import calendar
import re

_SPACES = re.compile(r"\s+")
_SENTENCE_OPENERS = set(".!?\n\"“”'‘’(-–—:")


def key(word: str | None) -> str:
    """Return a lexicon key: lower case, single spaces, no trailing full stop, straight apostrophe."""
    return _SPACES.sub(" ", (word or "").strip().lower().rstrip(".").replace("’", "'"))


def span(match: re.Match) -> tuple[int, int]:
    """Return the expression's span: group ``x`` when the rule has one."""
    return match.span("x") if "x" in match.re.groupindex and match.group("x") is not None else match.span()


def month_number(lex: dict, name: str) -> int:
    """Return the month number of a month name or abbreviation."""
    name_key = key(name)
    return lex["months"].get(name_key) or lex["month_abbreviations"][name_key]


def mod_of(lex: dict, word: str | None) -> str | None:
    """Return the TIMEX3 mod of a position word (awal, akhir, late), or None."""
    return lex["modifiers"].get(key(word)) if word else None


def hedge_mod(text: str, start: int, end: int, lex: dict) -> str | None:
    """Return the mod of a quantity hedge right before (hampir, sekitar) or after (lebih) the span."""
    before = key(text[max(0, start - 20):start])
    for phrase, mod in lex["hedges_before"].items():
        if before == phrase or before.endswith(" " + phrase):
            return mod
    after = key(text[end:end + 8]).split(" ")
    return lex["hedges_after"].get(after[0]) if after else None


def sentence_initial(text: str, start: int) -> bool:
    """Return True when only spaces, quotes or an opening bracket separate ``start`` from a sentence end."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS


def minggu_means_sunday(text: str, start: int, with_day_word: bool, followed_by_deixis: bool) -> bool:
    """Return whether ``Minggu``/``minggu`` at ``start`` names Sunday rather than a week.

    ``hari Minggu`` is always Sunday; lower-case ``minggu`` is a week; capitalised ``Minggu``
    is Sunday except sentence-initially before ``lalu``/``ini``/``depan`` (``Minggu lalu, ...``).
    """
    if with_day_word:
        return True
    if text[start].islower():
        return False
    return not (followed_by_deixis and sentence_initial(text, start))


def weekday_number(lex: dict, name: str | None) -> int | None:
    """Return the ISO weekday number of a weekday name, or None."""
    return lex["weekdays"][key(name)] if name else None


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Return whether the day exists (29 February is allowed when the year is unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year else 2020, month)[1]


def trailing_direction(text: str, end: int, lex: dict) -> int:
    """Return -1/+1 when a deictic word (lalu, mendatang) follows a year-less date, else 0."""
    suffixes = lex.get("deictic_suffixes", {})
    following = key(text[end:end + 20]).split(" ")
    for size in (3, 2, 1):
        phrase = " ".join(following[:size]).rstrip(",.;:)")
        if phrase in suffixes and not suffixes[phrase][1]:
            return suffixes[phrase][0]
    return 0


def unit_code(lex: dict, word: str) -> str:
    """Return the TIMEX3 unit code of a unit word (hari -> D, decades -> DE)."""
    return lex["units"][key(word)]
