"""Anchoring: every rule that turns a ``Mention`` into a TIMEX3 value lives here.

Rules, in the order they are applied to each mention (document order):

1. **Explicit dates** (``Senin (28/9/2020)``, ``27 September 2020``, ``tahun 1994``) keep their
   value; the numeric date wins over a contradicting weekday name.
2. **Year-less dates** (``27 September``, ``akhir September lalu``, ``kuartal III``): the year is
   chosen among the reference year and its neighbours. A direction (``lalu`` → on or before the
   reference, strictly before for a month; ``depan``/``mendatang`` → after) comes from the
   phrase itself, else from the sentence's tense (rule 7). With no direction the nearest
   candidate wins, future candidates counting ``PAST_BIAS_DAYS`` further away (news reports
   the past more than it announces the future). ``Oktober ini`` / ``September tahun lalu``
   fix the year relative to the reference year.
3. **Weekdays** (``hari Minggu``, ``pada Kamis``, ``Sabtu lalu``): first, a weekday that some
   explicit date in the document (within six days of the reference) already names takes that
   date (``Kamis (1/10/2020)`` ... ``pada hari kamis``). Otherwise ``lalu``/``last`` → strictly
   before the reference, ``depan``/``next`` → strictly after; a past-tense sentence → on or
   before, a future-tense sentence → on or after; no cue → nearest with the past bias.
4. **Deictic relatives** (``kemarin``, ``minggu lalu``, ``dua hari lalu``, ``tahun depan``) are
   the reference date shifted by the counted units, written at the unit's granularity
   (``minggu lalu`` → ISO week ``2020-W44``; ``dua tahun lalu`` → ``2018``); a part of day
   makes it a TIME (``kemarin pagi`` → ``2020-10-03TMO``).
5. **Narrative relatives** (``sebulan kemudian``, ``tahun sebelumnya``) shift the latest
   earlier expression whose granularity is at least as fine as the unit (a day for
   ``kemudian`` in days, a day or month for months); with none, the reference date.
6. **Clock times** (``pukul 10.00 WIB``, ``tengah malam``) take the day of the latest earlier
   day-precise expression, else the reference date; a trailing relative day (``pukul 10 malam
   semalam``, ``pukul 9 pagi tadi``) shifts the reference date instead.
7. **Tense** of a sentence is the nearest tense marker (lexicon ``tense_markers``: ``telah``,
   ``akan``, ``said``, ``will``, English ``-ed``) to the mention within its sentence.
8. **No reference date**: every relative mention gets an underspecified value
   (``XXXX-XX-XX``, ``XXXX-WXX``, ``XXXX-WXX-6`` for a weekday, ``XXXX-09-27``) and no range.
   The wall clock is never consulted.

Durations, sets and PRESENT_REF/PAST_REF/FUTURE_REF need no anchor and have no range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from newsetl.transforms.records import TemporalExpression
from newsetl.transforms.temporal.calendar_values import (
    GRANULARITY, day_value, duration_value, shifted, unresolved_value, value_at, value_range)
from newsetl.transforms.temporal.lexicon import lexicon
from newsetl.transforms.temporal.mentions import Mention

PAST_BIAS_DAYS = 3
WEEKDAY_WINDOW_DAYS = 6
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


@dataclass
class _Discourse:
    """What earlier expressions of the document established, for narrative anchoring."""

    reference: date | None
    named_weekdays: dict[int, date] = field(default_factory=dict)
    anchors: list[tuple[date, int]] = field(default_factory=list)  # (first day, granularity rank)
    last_day: date | None = None
    last_day_end: int = -1  # where the expression that set ``last_day`` ends


def anchored_expressions(mentions: list[Mention], text: str, reference: date | None) -> list[TemporalExpression]:
    """Return one ``TemporalExpression`` per mention that can be given a value, in document order."""
    discourse = _Discourse(reference, _named_weekdays(mentions, reference))
    expressions = []
    for mention in mentions:
        try:
            value, timex_type = _value(mention, text, discourse)
        except (ValueError, OverflowError, KeyError):
            continue  # e.g. a shift past year 9999; skipping beats raising on odd input
        first, last = value_range(value) if timex_type in ("DATE", "TIME") else (None, None)
        if first is not None and mention.kind not in ("duration", "set"):
            discourse.anchors.append((first, _granularity(value)))
            if first == last:
                discourse.last_day, discourse.last_day_end = first, mention.end
        expressions.append(TemporalExpression(mention.start, mention.end, text[mention.start:mention.end],
                                              timex_type, value, first, last, mention.mod,
                                              mention.zone or None if timex_type == "TIME" else None))
    return expressions


def _granularity(value: str) -> int:
    """Return the granularity rank of a calendar value (day 0 ... century 6)."""
    if len(value) <= 3:
        return GRANULARITY["DE"] if len(value) == 3 else GRANULARITY["CE"]
    if "-W" in value:
        return GRANULARITY["W"]
    if "-Q" in value or "-H" in value:
        return GRANULARITY["Q"]
    return {4: GRANULARITY["Y"], 7: GRANULARITY["M"]}.get(len(value.split("T")[0]), GRANULARITY["D"])


def _named_weekdays(mentions: list[Mention], reference: date | None) -> dict[int, date]:
    """Return weekday -> date for explicit full dates within a week of the reference (rule 3)."""
    named = {}
    if reference is None:
        return named
    for m in mentions:
        if m.kind == "date" and m.year and m.month and m.day:
            day = date(m.year, m.month, m.day)
            if abs((day - reference).days) <= WEEKDAY_WINDOW_DAYS:
                named.setdefault(day.isoweekday(), day)
    return named


def _with_part_of_day(value: str, mention: Mention) -> str:
    """Return a day value with the mention's part of day appended (``2020-10-03TMO``)."""
    return f"{value}T{mention.part_of_day}" if mention.part_of_day else value


def _value(m: Mention, text: str, discourse: _Discourse) -> tuple[str, str]:
    """Return the TIMEX3 value and type of one mention."""
    if m.kind == "fixed":
        return m.value, "DATE"
    if m.kind == "set":
        return m.value, "SET"
    if m.kind == "duration":
        return duration_value(m.amount, m.unit, m.scale), "DURATION"
    if m.kind == "time":
        if _generic_sentence(text, m.start, m.end, m.language):
            return f"XXXX-XX-XXT{m.hour:02d}:{m.minute:02d}", "TIME"
        return _clock_value(m, discourse), "TIME"
    if m.kind == "weekday":
        day = _weekday_date(m, text, discourse)
        value = day_value(day) if day else f"XXXX-WXX-{m.weekday}"
        return _with_part_of_day(value, m), m.timex_type
    if m.kind == "relative":
        return _relative_value(m, discourse), m.timex_type
    return _calendar_value(m, text, discourse), m.timex_type


def _clock_value(m: Mention, discourse: _Discourse) -> str:
    """Return ``YYYY-MM-DDThh:mm`` on the latest day-precise expression's day (rule 6).

    A clock time with its own relative day (``pukul 10 malam semalam``) is on the reference
    date shifted by that day instead, unless it directly follows a day-precise expression.
    """
    day = discourse.last_day or discourse.reference
    # Right after an explicit date the trailing word repeats that date's relation to the
    # reference (Minggu (28/12/2014) pukul 06.18 WIB kemarin), so the date wins.
    right_after_date = discourse.last_day is not None and 0 <= m.start - discourse.last_day_end <= 2
    if m.unit == "D" and m.offset is not None and not right_after_date:
        day = shifted(discourse.reference, "D", m.offset) if discourse.reference else None
    prefix = day_value(day) if day else "XXXX-XX-XX"
    return f"{prefix}T{m.hour:02d}:{m.minute:02d}"  # the zone goes to its own column, as TimeML has it


def _relative_value(m: Mention, discourse: _Discourse) -> str:
    """Return the value of a counted or deictic relative expression (rules 4, 5, 8)."""
    anchor = discourse.reference
    if m.narrative:
        rank = GRANULARITY.get(m.unit, 0)
        anchor = next((day for day, g in reversed(discourse.anchors) if g <= rank), discourse.reference)
    if anchor is None or m.offset is None:
        return _with_part_of_day(unresolved_value(m.unit), m)
    target = shifted(anchor, m.unit, m.offset)
    return _with_part_of_day(value_at(target, m.unit), m)


def _calendar_value(m: Mention, text: str, discourse: _Discourse) -> str:
    """Return the value of an explicit or year-less calendar date (rules 1, 2)."""
    year = m.year
    if year is None and m.unit == "Y" and discourse.reference is not None:
        year = discourse.reference.year + m.offset
    if year is None:
        year = _chosen_year(m, text, discourse.reference)
    if year is None:
        return _with_part_of_day("XXXX" + _calendar_suffix(m), m)
    return _with_part_of_day(f"{year:04d}" + _calendar_suffix(m), m)


def _calendar_suffix(m: Mention) -> str:
    """Return the part of a calendar value after the year: ``-09-27``, ``-09``, ``-Q3``, or empty."""
    if m.part:
        return f"-{m.part}"
    if m.month is None:
        return ""
    return f"-{m.month:02d}" + (f"-{m.day:02d}" if m.day else "")


def _chosen_year(m: Mention, text: str, reference: date | None) -> int | None:
    """Return the year of a year-less date consistent with its direction and the reference (rule 2)."""
    if reference is None:
        return None
    if m.month is not None and _THIS_AFTER.match(text, m.end):
        return reference.year  # "direman sehingga 20 Jun ini": this year's date, whatever the tense
    direction = m.direction or tense_direction(text, m.start, m.end, m.language)
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        first, last = value_range(f"{year:04d}" + _calendar_suffix(m))
        if first is not None:
            if m.mod == "START" and m.day is None:  # awal April lalu: only the month's first days must be past
                last = min(last, first + timedelta(days=9))
            candidates.append((year, first, last))
    if direction < 0:
        fitting = [c for c in candidates if (c[2] < reference if m.strict else c[1] <= reference)]
        return fitting[-1][0] if fitting else None
    if direction > 0:
        fitting = [c for c in candidates if (c[1] > reference if m.strict else c[2] >= reference)]
        return fitting[0][0] if fitting else None
    return min(candidates, key=lambda c: _biased_distance(c[1], c[2], reference))[0]


# "20 Jun ini", "16 Julai ini": a day and month followed by "this" name the date of the current year.
_THIS_AFTER = re.compile(r"[ \t]+ini(?![\w-])")


def _biased_distance(first: date, last: date, reference: date) -> int:
    """Return the days between a period and the reference, future periods counted further away."""
    if first > reference:
        return (first - reference).days + PAST_BIAS_DAYS
    return max(0, (reference - last).days)


def _weekday_date(m: Mention, text: str, discourse: _Discourse) -> date | None:
    """Return the day a weekday name refers to (rule 3), or None without a reference date."""
    reference = discourse.reference
    if reference is None:
        return None
    if m.direction == 0 and m.weekday in discourse.named_weekdays:
        return discourse.named_weekdays[m.weekday]
    direction = m.direction or tense_direction(text, m.start, m.end, m.language)
    back = (reference.isoweekday() - m.weekday) % 7
    ahead = (m.weekday - reference.isoweekday()) % 7
    if m.strict:
        back, ahead = back or 7, ahead or 7
    past, future = reference - timedelta(days=back), reference + timedelta(days=ahead)
    if direction < 0:
        return past
    if direction > 0:
        return future
    return past if back <= ahead + PAST_BIAS_DAYS else future


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """Return the parts of the sentence before ``text[start:end]`` and after it (at most 240 characters each)."""
    before = text[max(0, start - 240):start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    after = text[end:end + 240]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[:stop.start()]
    return before, after


def _generic_sentence(text: str, start: int, end: int, language: str) -> bool:
    """Return whether the sentence around a clock time gives advice, a rule or a habit (lexicon ``generic_time_cues``).

    "BRIN menyarankan ... sekitar pukul 07.00": no day is meant, so the time gets no date (rule 6).
    """
    pattern = _generic_cue_pattern(language)
    if pattern is None:
        return False
    before, after = _sentence_around(text, start, end)
    return pattern.search(" ".join(_WORD.findall(f"{before} {after}".lower()))) is not None


@cache
def _generic_cue_pattern(language: str) -> re.Pattern[str] | None:
    """Return the regex of a generic-time cue not negated (``tidak diperbolehkan`` narrates one refusal)."""
    lex = lexicon(language)
    cues = lex.get("generic_time_cues")
    if not cues:
        return None
    negators = "".join(rf"(?<!\b{re.escape(n)} )" for n in lex.get("generic_time_negators", []))
    return re.compile(rf"\b{negators}(?:{'|'.join(map(re.escape, sorted(cues, key=len, reverse=True)))})\b")


def tense_direction(text: str, start: int, end: int, language: str = "id") -> int:
    """Return -1 for a past-tense sentence around ``text[start:end]``, +1 for future, 0 if unmarked (rule 7)."""
    markers = lexicon(language)["tense_markers"]
    past, future, suffixes = set(markers["past"]), set(markers["future"]), tuple(markers["past_suffixes"])
    before, after = _sentence_around(text, start, end)
    scored = [(len(before) - w.end(), w.group(0).lower()) for w in _WORD.finditer(before)]
    scored += [(w.start(), w.group(0).lower()) for w in _WORD.finditer(after)]
    for _, word in sorted(scored):
        if word in past or (suffixes and len(word) > 4 and word.endswith(suffixes)):
            return -1
        if word in future:
            return 1
    return 0
