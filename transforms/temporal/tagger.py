"""The temporal tagger's entry point: text in, TIMEX3-normalised expressions out."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from newsetl.transforms.numbers import DIGITS, NUMERAL_WORDS
from newsetl.transforms.records import TemporalExpression
from newsetl.transforms.temporal.anchoring import anchored_expressions
from newsetl.transforms.temporal.discourse import with_discourse
from newsetl.transforms.temporal.readings import mentions_in


def as_reference(reference_date: date | None) -> date | None:
    """Return a plain ``date`` for a date, datetime or ISO string; None for anything else."""
    if isinstance(reference_date, datetime):
        return reference_date.date()
    if isinstance(reference_date, date):
        return reference_date
    if isinstance(reference_date, str):
        try:
            return date.fromisoformat(reference_date[:10])
        except ValueError:
            return None
    return None


def temporal_expressions(text: str, reference_date: date | None = None,
                         language: str = "id") -> list[TemporalExpression]:
    """Return the temporal expressions of ``text`` with TIMEX3 types, values and day ranges.

    Relative expressions are resolved against ``reference_date`` (normally the publication
    date); without one they get underspecified values (``XXXX-XX-XX``) and no ranges.
    ``text[e.start:e.end] == e.text`` for every expression. Never raises on a string.
    """
    if not isinstance(text, str) or not text:
        return []
    anchored = anchored_expressions(mentions_in(text, language), text, as_reference(reference_date))
    if language == "en":
        anchored = [e for e in anchored if not _is_capitalised_title_word(e, text) and not _is_ordinal_second(e, text)]
    else:
        anchored = [_as_rate(e, text) for e in anchored]
    return with_discourse(_joined_durations(anchored, text), text, language)


def _is_capitalised_title_word(expression: TemporalExpression, text: str) -> bool:
    """Return True for a one-word English deictic written with a capital inside a sentence.

    "BBC Radio 4's Today programme", "The Day Today", "USA Today": mid-sentence, English
    capitalises "today" only as (part of) a title, never as the day of writing.
    """
    word = expression.text
    if not word[:1].isupper() or word.lower() not in _TITLE_DEICTICS:
        return False
    at = expression.start
    while at > 0 and text[at - 1].isspace():
        at -= 1
    if at == 0 or "\n" in text[at:expression.start]:
        return False  # the text's or a paragraph's first word
    return text[at - 1] not in _SENTENCE_ENDS


# "a second reading", "a second time": the ordinal, not one second. A time unit is followed by a
# preposition, a comparison or the clause's end ("within a second of", "a second faster", "a second.").
_AFTER_A_TIME_UNIT = frozenset({"of", "or", "and", "later", "ago", "before", "after", "faster", "slower", "behind",
                                "ahead", "earlier", "apart", "to", "in", "per", "off", "quicker", "longer", "more", "less"})
_NEXT_WORD = re.compile(r"[ \t]+(?P<word>[a-z]+)")


def _is_ordinal_second(expression: TemporalExpression, text: str) -> bool:
    """Return True for "a second" followed by a noun (``a second reading``): an ordinal, no duration."""
    if expression.text.lower() not in ("a second", "second"):
        return False
    following = _NEXT_WORD.match(text, expression.end)
    return following is not None and following.group("word") not in _AFTER_A_TIME_UNIT


# "empat penerbangan sehari" (four flights a day): a one-unit word after a counted noun is a rate, TimeML SET.
_RATE_WORDS = frozenset({"sehari", "seminggu", "sepekan", "sebulan", "setahun"})
_COUNTED_NOUN_BEFORE = re.compile(rf"(?<![\w-])(?:{DIGITS}|{NUMERAL_WORDS}|beberapa)[ \t]+[a-z][\w-]*[ \t]+\Z",
                                  re.IGNORECASE)


def _as_rate(expression: TemporalExpression, text: str) -> TemporalExpression:
    """Return ``expression`` as a SET when it is a rate (``empat penerbangan sehari``, ``per tiga bulan sekali``), else unchanged."""
    if expression.timex_type != "DURATION":
        return expression
    per = _PER_BEFORE.search(text, max(0, expression.start - 8), expression.start) or _ONCE_AFTER.match(text, expression.end)
    counted = expression.text.lower() in _RATE_WORDS and _COUNTED_NOUN_BEFORE.search(
        text, max(0, expression.start - 40), expression.start)
    if not (per or counted):
        return expression
    return replace(expression, timex_type="SET", range_start=None, range_end=None)


# "per tiga bulan sekali", "per 3 bulan": once every three months.
_PER_BEFORE = re.compile(r"(?<![\w-])per[ \t]+\Z", re.IGNORECASE)
_ONCE_AFTER = re.compile(r"[ \t]+sekali(?![\w-])", re.IGNORECASE)


_SENTENCE_ENDS = frozenset(".!?:;\"'“”‘’([-–—")
_TITLE_DEICTICS = frozenset({"today", "tonight", "tomorrow", "yesterday"})


# One duration unit of a TIMEX3 value (P1Y, P6M, PT30M), largest first in _UNIT_ORDER.
_SIMPLE_DURATION = re.compile(r"P(?P<t>T?)(?P<n>\d+(?:\.\d+)?)(?P<u>[YMWDHS])")
_UNIT_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TRAILING_RELATIVES = frozenset({"kemarin", "kelmarin", "semalam", "tadi"})
_DURATION_JOINER = re.compile(r"[ \t]*,?[ \t]+(?:(?:dan|and)[ \t]+)?")


def _unit_rank(value: str) -> tuple[int, str] | None:
    """Return the rank and the ``n+unit`` part of a one-unit duration value (``P6M`` -> (1, '6M'))."""
    match = _SIMPLE_DURATION.fullmatch(value)
    if match is None:
        return None
    return _UNIT_ORDER.index(match.group("t") + match.group("u")), match.group("n") + match.group("u")


_DURATION_VALUE = re.compile(r"P(?P<date>(?:\d+(?:\.\d+)?[YMWD])*)(?:T(?P<time>(?:\d+(?:\.\d+)?[HMS])+))?")
_DURATION_PART = re.compile(r"\d+(?:\.\d+)?[YMWDHS]")


def _unit_parts(value: str) -> list[tuple[int, str]] | None:
    """Return the ranked ``n+unit`` parts of a duration value (``PT2H23M`` -> [(4, '2H'), (5, '23M')])."""
    match = _DURATION_VALUE.fullmatch(value)
    if match is None or not (match.group("date") or match.group("time")):
        return None
    parts = [(_UNIT_ORDER.index(p[-1]), p) for p in _DURATION_PART.findall(match.group("date") or "")]
    return parts + [(_UNIT_ORDER.index("T" + p[-1]), p) for p in _DURATION_PART.findall(match.group("time") or "")]


def _joined_durations(expressions: list[TemporalExpression], text: str) -> list[TemporalExpression]:
    """Return ``expressions`` with a duration and a smaller one right after it joined: ``1 tahun 6 bulan`` = P1Y6M.

    Sentences and prison terms write a length in two units (``dihukum 1 tahun 6 bulan``,
    ``two years and three months``); read apart they are two wrong durations.
    """
    joined: list[TemporalExpression] = []
    for expression in expressions:
        previous = joined[-1] if joined else None
        if previous is not None and previous.timex_type == expression.timex_type == "DATE" \
                and _DAY_VALUE.fullmatch(previous.value) and expression.text.lower() in _TRAILING_RELATIVES \
                and _DURATION_JOINER.fullmatch(text, previous.end, expression.start):
            # "tanggal 15 Juli kemarin": the trailing word repeats the date's relation to today, so it
            # names that date (the seed gold keeps it as an expression of its own).
            joined.append(replace(expression, value=previous.value, range_start=previous.range_start,
                                  range_end=previous.range_end))
            continue
        if previous is not None and previous.timex_type == expression.timex_type == "DURATION" \
                and _DURATION_JOINER.fullmatch(text, previous.end, expression.start) and expression.mod is None:
            firsts, second = _unit_parts(previous.value), _unit_rank(expression.value)
            if firsts and second and firsts[-1][0] < second[0]:
                parts = [*firsts, second]  # "two hours, 23 minutes and 10 seconds" = PT2H23M10S
                date_part = "".join(p for rank, p in parts if rank < 4)
                time_part = "".join(p for rank, p in parts if rank >= 4)
                value = "P" + date_part + ("T" + time_part if time_part else "")
                joined[-1] = replace(previous, end=expression.end, text=text[previous.start:expression.end], value=value)
                continue
        joined.append(expression)
    return joined
