"""The temporal tagger's entry point: text in, TIMEX3-normalised expressions out."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from functools import cache

from newsetl.transforms.numbers import DIGITS, NUMERAL_WORDS
from newsetl.transforms.records import TemporalExpression
from newsetl.transforms.temporal.anchoring import anchored_expressions
from newsetl.transforms.temporal.discourse import with_discourse
from newsetl.transforms.temporal.lexicon import grammar_languages, lexicon
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
        lex_language = grammar_languages(language)[0]  # an undetermined language reads with Indonesian
        anchored = [r for e in anchored if (r := _as_rate(e, text, lex_language)) is not None
                    and not (lex_language == "ms" and _is_weekday_in_a_name(e, text, lex_language))]
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
_RATE_WORDS = frozenset({"sehari", "seminggu", "sepekan", "sebulan", "setahun", "sejam"})
_COUNTED_NOUN_BEFORE = re.compile(rf"(?<![\w-])(?:{DIGITS}|{NUMERAL_WORDS}|beberapa)[ \t]+[a-z][\w-]*[ \t]+\Z",
                                  re.IGNORECASE)
# "RM1 bilion setahun", "30,000 tan beras setahun", "menerima 100 hingga 1,000 tempahan sehari": an amount
# (money, a number and its scale word) and up to five words of the noun phrase it counts, on one clause;
# a bracketed conversion may sit in it ("gaji 360,000 pound (RM1.9 juta) seminggu").
_AMOUNT_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?:RM|Rp|USD|US\$|\$|£|€)[ \t]?)?(?!(?:19|20)\d\d(?![\d.,]))\d+(?:[.,]\d+)*"
    rf"(?:[ \t]+(?:[^\W\d][\w-]*|\([^()\n]{{1,30}}\))){{0,5}}[ \t]+\Z")


def _as_rate(expression: TemporalExpression, text: str, language: str = "id") -> TemporalExpression | None:
    """Return ``expression`` as a SET when it is a rate (``empat penerbangan sehari``, ``per tiga bulan sekali``).

    None when it divides a measure (``140 kilometer sejam``: a speed, no time expression); else unchanged.
    """
    if expression.timex_type != "DURATION":
        return expression
    lower = expression.text.lower()
    one_unit = lower in _RATE_WORDS
    lead = _PER_BEFORE.search(text, max(0, expression.start - 8), expression.start)
    before = lead.start() if lead else expression.start
    if (one_unit or lead) and _MEASURE_BEFORE(language).search(text, max(0, before - 40), before):
        return None
    per = lead or _ONCE_AFTER.match(text, expression.end)
    counted = one_unit and (
        _COUNTED_NOUN_BEFORE.search(text, max(0, expression.start - 40), expression.start)
        or _amount_rate(text, expression.start, language))
    if not (per or counted):
        return expression
    return replace(expression, timex_type="SET", range_start=None, range_end=None)


def _amount_rate(text: str, start: int, language: str) -> bool:
    """Return whether an amount and the noun phrase it counts run up to ``start`` (``RM1 bilion setahun``).

    The words between may not open a duration or a clause (``selama``, ``sejak``, ``yang``): in
    ``berusia 41 tahun yang baru setahun`` the number is not what the rate word divides.
    """
    match = _AMOUNT_BEFORE.search(text, max(0, start - 70), start)
    if match is None:
        return False
    words = {w.lower() for w in re.findall(r"[^\W\d][\w-]*", re.sub(r"\([^()]*\)", " ", match.group()))}
    return not words & _CLAUSE_WORDS(language)


@cache
def _CLAUSE_WORDS(language: str) -> frozenset[str]:
    """Return the words that end the noun phrase of an amount: duration openers, relatives, prepositions."""
    lex = lexicon(language)
    return frozenset(lex.get("duration_openers", [])) | frozenset(lex.get("year_prepositions", [])) | frozenset(
        {"yang", "untuk", "bagi", "ke", "di", "dan", "atau", "setiap", "tiap", "saban"})


@cache
def _MEASURE_BEFORE(language: str) -> re.Pattern[str]:
    """Return the pattern of a number and a measure unit ending right before a position (``140 kilometer``)."""
    units = "|".join(re.escape(u) for u in sorted(lexicon(language).get("measure_units", []) or ["\x00"],
                                                 key=len, reverse=True))
    return re.compile(rf"(?<![\w-]){DIGITS}[ \t]*(?:{units})(?![\w-])[ \t]*\Z", re.IGNORECASE)


_CAPITALISED_BEFORE = re.compile(r"(?<![\w-])(?P<word>[A-Z][\w'’-]*\.?)[ \t]\Z")
_WORD_AFTER = re.compile(r"[ \t]+(?P<word>[\w-]+)")


def _is_weekday_in_a_name(expression: TemporalExpression, text: str, language: str) -> bool:
    """Return whether a bare weekday is a part of a person's name: ``Dr. Kamarul Azman Khamis berkata``.

    Malay names take weekday words (``Khamis``, ``Jumaat``); written right after another capitalised
    word that is no day or month word, and with no deictic after it (``Khamis lalu``), it names no day.
    """
    lex = lexicon(language)
    word = expression.text
    if not word[:1].isupper() or word.lower() not in lex["weekdays"]:
        return False
    before = _CAPITALISED_BEFORE.search(text, max(0, expression.start - 40), expression.start)
    if before is None or before.group("word").rstrip(".").lower() in _DAY_CONTEXT_WORDS(language):
        return False
    after = _WORD_AFTER.match(text, expression.end)
    return not (after and after.group("word").lower() in _DAY_CONTEXT_WORDS(language))


@cache
def _DAY_CONTEXT_WORDS(language: str) -> frozenset[str]:
    """Return words that put a weekday in a date: day words, weekday suffixes, month names, prepositions."""
    lex = lexicon(language)
    suffixes = {w for phrase in lex.get("weekday_suffixes", {}) for w in phrase.split()}
    return frozenset(suffixes) | frozenset(lex["grammar_words"].get("DAY_WORD", [])) | frozenset(
        lex.get("months", {})) | frozenset(lex.get("weekdays", {})) | frozenset(lex.get("month_prepositions", []))


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
