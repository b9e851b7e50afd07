"""Publication date read from an article's own text (its dateline and latest explicit date).

Rules:

1. Candidates are explicit day-precise dates that carry a weekday (``Selasa (3/11/2020)``,
   ``Tuesday, Sept. 29, 2020``): the Indonesian attribution and dateline convention. A date
   without one is too often a deadline, a founding or a birth date (``12 Juli 1991``,
   ``hingga 31 Desember 2025``, ``dilahirkan pada 9 Jan 1983``); on the development
   corpora allowing them added 11 wrong Detik dates, 12 wrong Utusan dates and 6 BBC
   guesses for 2 right ones, so an article with only such dates gets None.
   A date right after a birth, origin or range word (``lahir``, ``sejak``, ``hingga``,
   ``born``, ``since``, ``until``) is never a candidate.
2. A date in a future-tense sentence (``akan ... pada Kamis (15/10/2020)``) announces an
   event and is not a candidate.
3. A word right after a candidate (lexicon ``publication_shifts``) moves it forward:
   ``pada Senin (28/9/2020) kemarin`` means the article came out on 2020-09-29, ``kemarin
   lusa`` two days; a following ``lalu`` means at least one day later, so it moves it by one.
4. A date in the dateline (``Jakarta, 5 Oktober 2020 - ``) is the publication date outright.
5. Otherwise the publication date is the latest candidate after shifting; no candidate → None.
   A year-less ``Senin (28/9)`` counts when a year mentioned in the text makes the
   weekday fit. The wall clock is never consulted.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from functools import cache

from newsetl.transforms.temporal.anchoring import tense_direction
from newsetl.transforms.temporal.lexicon import lexicon
from newsetl.transforms.temporal.mentions import Mention
from newsetl.transforms.temporal.readings import mentions_in



# Words that make the date after them a birth, origin or deadline, not the day of writing
# (id/ms, en); "tanggal putusan" is a court ruling's date.
_NOT_PUBLICATION_CONTEXT = re.compile(
    r"\b(?:lahir|dilahirkan|kelahiran|sejak|hingga|sampai|sehingga|tanggal putusan|didirikan|ditubuhkan"
    r"|born|since|until|till|founded)\b[^.\n]{0,25}$",
    re.IGNORECASE,
)


# What closes a dateline right after its date: "Jakarta, 5 Oktober 2020 - ", "KUALA LUMPUR 3 Mac:".
_DATELINE_END = re.compile(r"\s*(?:\([^)\n]{1,30}\)\s*)?[-\u2013\u2014:]\s")


def inferred_publication_date(text: str, language: str = "id") -> date | None:
    """Return the publication date the article's own dates imply, or None when it has no explicit date."""
    if not isinstance(text, str) or not text:
        return None
    mentions = mentions_in(text, language)
    years = {m.year for m in mentions if m.year}
    dateline = [day for m in mentions if _in_dateline(text, m) and (day := _explicit_day(m, years)) is not None]
    if dateline:
        return dateline[0]
    dated = [(m, day) for m in mentions if m.weekday is not None and (day := _explicit_day(m, years)) is not None]
    candidates = [(m, day) for m, day in dated
                  if tense_direction(text, m.start, m.end, m.language) <= 0
                  and not _NOT_PUBLICATION_CONTEXT.search(text, max(0, m.start - 60), m.start)]
    if not candidates:
        return None
    return max(day + timedelta(days=_shift_days(text, m.end, m.language)) for m, day in candidates)


def _in_dateline(text: str, m: Mention) -> bool:
    """Return whether ``m`` sits in a dateline: the opening words of a line, right before its `` - ``/``:``."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return m.start - line_start <= 60 and _DATELINE_END.match(text, m.end) is not None


def _explicit_day(m: Mention, years: set[int]) -> date | None:
    """Return the day an explicit date names; a year-less dated weekday takes a fitting text year."""
    if m.kind != "date" or not m.month or not m.day:
        return None
    if m.year:
        return date(m.year, m.month, m.day)
    if m.weekday is None:
        return None
    fitting = []
    for year in years:
        try:
            day = date(year, m.month, m.day)
        except ValueError:
            continue
        if day.isoweekday() == m.weekday:
            fitting.append(day)
    return max(fitting) if fitting else None


@cache
def _shift_pattern(language: str) -> re.Pattern | None:
    """Return the regex of the lexicon's publication-shift words right after a date, or None."""
    words = sorted(lexicon(language)["publication_shifts"], key=len, reverse=True)
    if not words:
        return None
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\s*,?\s*({alternation})(?![\w])", re.IGNORECASE)


def _shift_days(text: str, end: int, language: str) -> int:
    """Return how many days a word right after a date moves the publication date (rule 3)."""
    pattern = _shift_pattern(language)
    match = pattern.match(text, end) if pattern else None
    shifts = lexicon(language)["publication_shifts"]
    return shifts[re.sub(r"\s+", " ", match.group(1).lower())] if match else 0
