"""The temporal tagger's entry point: text in, TIMEX3-normalised expressions out."""

from __future__ import annotations

from datetime import date, datetime

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
    return with_discourse(anchored, text, language)
