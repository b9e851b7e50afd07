"""Second pass over tagged expressions: what only the expressions around a phrase can settle.

1. **Month ranges sharing a year** (``antara Januari sehingga Mac pada 2020``): both months take
   the year written after the second one, and a bare first month becomes an expression.
2. **Anaphoric references** (``saat itu``, ``pada waktu yang bersamaan``, ``ketika itu``): the
   phrase takes the value of the nearest earlier calendar date or time in its paragraph or the
   one before (at most ``_ANAPHOR_REACH`` characters back), never a birth date; with none,
   nothing is tagged.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from newsetl.transforms.records import TemporalExpression
from newsetl.transforms.regex_starts import matches_from, word_starts
from newsetl.transforms.temporal.calendar_values import value_range
from newsetl.transforms.temporal.lexicon import grammar_languages, lexicon

_ANAPHOR_REACH = 600
# The antecedent sits in the anaphor's paragraph or the one before it.
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)*")
_BIRTH = re.compile(r"(?i)(?<!\w)(?:dilahirkan|lahir|kelahiran|born)(?!\w)")
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d(?:T[\w:]+)?)?)?\Z")


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str] | None, dict[str, int]]:
    """Return the month-range pattern, the anaphor pattern and the month numbers of ``language``."""
    months: dict[str, int] = {}
    joiners, anaphors = set(), set()
    for code in grammar_languages(language):
        lex = lexicon(code)
        months.update({name.lower(): number for name, number in lex["months"].items()})
        joiners.update(lex.get("month_range_joiners", ()))
        anaphors.update(lex.get("anaphoric_references", ()))
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    joined = "|".join(sorted(map(re.escape, joiners), key=len, reverse=True)) or r"-"
    month_range = re.compile(
        rf"(?<!\w)(?P<first>{names})\s*(?:{joined})\s*(?P<second>{names})\s+(?P<link>(?:pada|tahun|in|of)\s+)?"
        rf"(?P<year>(?:1[89]|20)\d\d)(?!\w)", re.IGNORECASE)
    anaphor = re.compile(rf"(?<!\w)(?:{'|'.join(map(_anaphor_pattern, sorted(anaphors, key=len, reverse=True)))})"
                         r"(?!\w)", re.IGNORECASE) if anaphors else None
    return month_range, anaphor, months


@cache
def _first_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the lower-case words a month range and an anaphor of ``language`` begin with."""
    months, anaphors = set(), set()
    for code in grammar_languages(language):
        lex = lexicon(code)
        months.update(name.lower() for name in lex["months"])
        anaphors.update(p[5:] if p.startswith("pada ") else p for p in lex.get("anaphoric_references", ()))
    return frozenset(months), frozenset(p.split()[0].lower() for p in anaphors if p.split())


def _anaphor_pattern(phrase: str) -> str:
    """Return the regex of an anaphor; a leading ``pada`` must be there but stays out of the span."""
    if phrase.startswith("pada "):
        return rf"(?<=pada ){re.escape(phrase[5:])}"
    return re.escape(phrase)


def _month(text: str, start: int, end: int, year: str, number: int) -> TemporalExpression:
    """Return the DATE expression of one month of a known year."""
    value = f"{year}-{number:02d}"
    first, last = value_range(value)
    return TemporalExpression(start, end, text[start:end], "DATE", value, first, last)


def with_discourse(expressions: list[TemporalExpression], text: str, language: str) -> list[TemporalExpression]:
    """Return ``expressions`` with month ranges given their shared year and anaphors resolved."""
    month_range, anaphor, months = _patterns(language)
    month_words, anaphor_words = _first_words(language)
    result = list(expressions)
    # Both patterns begin with a month name or an anaphor's first word, after no word character.
    for match in matches_from(month_range, text, word_starts(text, month_words, edge="_")):
        year = match.group("year")
        second_end = match.end("second") if match.group("link") else match.end()  # "Mei 2021" is one
        added = [_month(text, match.start("first"), match.end("first"), year, months[match.group("first").lower()]),
                 _month(text, match.start("second"), second_end, year, months[match.group("second").lower()])]
        result = [e for e in result if not any(e.start < a.end and a.start < e.end for a in added)] + added
    if anaphor is not None:
        for match in matches_from(anaphor, text, word_starts(text, anaphor_words, edge="_")):
            if any(e.start < match.end() and match.start() < e.end for e in result):
                continue
            earlier = [e for e in result if e.end <= match.start() and e.end > match.start() - _ANAPHOR_REACH
                       and e.timex_type in ("DATE", "TIME") and _CALENDAR_VALUE.match(e.value)
                       and len(_PARAGRAPH_BREAK.findall(text, e.end, match.start())) <= 1]
            if earlier:
                antecedent = max(earlier, key=lambda e: e.end)
                if _BIRTH.search(text, max(0, antecedent.start - 20), antecedent.start):
                    continue  # "dilahirkan pada 9 Jan 1983 ... ketika itu dia baru berusia": not the birth day
                result.append(replace(antecedent, start=match.start(), end=match.end(), text=match.group(),
                                      mod=None))
    return sorted(result, key=lambda e: (e.start, e.end))
