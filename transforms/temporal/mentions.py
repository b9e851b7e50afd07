"""What a matched phrase says about time, before it is anchored to a reference date."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    """One temporal phrase read from text: its span, its kind and its calendar fields.

    ``kind`` is one of ``date`` (calendar fields, any of them missing), ``weekday``,
    ``relative`` (``unit`` counted ``offset`` times from an anchor), ``time``,
    ``duration``, ``set`` or ``fixed`` (``value`` needs no anchoring: PRESENT_REF,
    decades, centuries).
    """

    start: int
    end: int
    kind: str
    language: str = "id"
    timex_type: str = "DATE"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: Monday 1 ... Sunday 7
    part: str | None = None  # sub-year period of ``year``: Q1..Q4, H1, H2
    unit: str | None = None  # D, W, WE, M, Y, DE, CE, H, MIN, S
    offset: int | None = None  # signed count of units from the anchor; None when vague
    amount: float | None = None  # duration or set length; None when vague
    scale: int = 1  # order of magnitude of a vague amount (puluhan = 10)
    direction: int = 0  # -1 past, +1 future, 0: read it from the sentence
    strict: bool = False  # the direction excludes the anchor itself (Sabtu lalu)
    narrative: bool = False  # anchored to the previous expression, not the reference date
    part_of_day: str | None = None  # MO, AF, EV, NI
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None  # +07:00, Z, or "" for local time
    value: str | None = None  # fixed TIMEX3 value (PRESENT_REF, 198, 19, P1D for sets)
    mod: str | None = None

