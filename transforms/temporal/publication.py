"""Publication date read from an article's own text (its dateline and latest explicit date).

Rules:

1. Candidates are explicit day-precise dates. Attribution-style dates that carry a weekday
   (``Selasa (3/11/2020)``, ``Tuesday, Sept. 29, 2020``) are the Indonesian dateline
   convention, so when any exist only they are used.
2. A date in a future-tense sentence (``akan ... pada Kamis (15/10/2020)``) announces an
   event and is not a candidate.
3. A word right after a candidate (lexicon ``publication_shifts``) moves it forward:
   ``pada Senin (28/9/2020) kemarin`` means the article came out on 2020-09-29, ``kemarin
   lusa`` two days; a following ``lalu`` means at least one day later, so it moves it by one.
4. The publication date is the latest candidate after shifting; no candidate → None.
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



def inferred_publication_date(text: str, language: str = "id") -> date | None:
    """Return the publication date the article's own dates imply, or None when it has no explicit date."""
    if not isinstance(text, str) or not text:
        return None
    mentions = mentions_in(text, language)
    years = {m.year for m in mentions if m.year}
    dated = [(m, day) for m in mentions if (day := _explicit_day(m, years)) is not None]
    with_weekday = [(m, day) for m, day in dated if m.weekday is not None]
    candidates = [(m, day) for m, day in (with_weekday or dated)
                  if tense_direction(text, m.start, m.end, m.language) <= 0]
    if not candidates:
        return None
    return max(day + timedelta(days=_shift_days(text, m.end, m.language)) for m, day in candidates)


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
