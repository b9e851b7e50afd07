"""TIMEX3 value strings: formatting a date at a granularity, shifting dates, and the days a value covers."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# Granularity ranks: a narrative anchor must be at least as fine as the unit it is shifted by.
GRANULARITY = {"H": 0, "MIN": 0, "S": 0, "D": 0, "W": 1, "WE": 1, "M": 2, "Q": 3, "H1": 3, "Y": 4, "DE": 5, "CE": 6}
# Units that ISO 8601 writes after the time designator T (PT3H).
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
# Exact conversions that turn a fractional amount into a whole one (seperempat abad = 25 years).
_SMALLER = {"ML": ("Y", 1000), "CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "W": ("D", 7),
            "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
# A vague amount of a unit with a scale is a vague amount of a bigger unit (puluhan tahun = decades).
_BIGGER = {("Y", 10): "DE", ("Y", 100): "CE", ("Y", 1000): "ML", ("DE", 10): "CE", ("CE", 10): "ML"}
_UNRESOLVED = {"D": "XXXX-XX-XX", "H": "XXXX-XX-XX", "MIN": "XXXX-XX-XX", "S": "XXXX-XX-XX", "W": "XXXX-WXX",
               "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}
_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])))?"
    r"(?:T.*)?|(?P<dec>\d{3})|(?P<cent>\d{2})"
)


def day_value(day: date) -> str:
    """Return the TIMEX3 value of a calendar day: ``2020-09-28``."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def value_at(day: date, unit: str) -> str:
    """Return the TIMEX3 value of the period of granularity ``unit`` that contains ``day``."""
    if unit in ("W", "WE"):
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day_value(day)


def unresolved_value(unit: str) -> str:
    """Return the underspecified TIMEX3 value for a relative expression with no anchor."""
    return _UNRESOLVED.get(unit, "XXXX-XX-XX")


def shifted(day: date, unit: str, count: int) -> date:
    """Return ``day`` moved by ``count`` units; month and year shifts clamp to the month's end."""
    if unit in ("D", "H", "MIN", "S"):
        return day + timedelta(days=count) if unit == "D" else day
    if unit in ("W", "WE"):
        return day + timedelta(weeks=count)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * count
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def duration_value(amount: float | None, unit: str, scale: int = 1) -> str:
    """Return a TIMEX3 duration: ``P3D``, ``P25Y`` (0.25 CE), ``PT10H``, ``PXD`` for a vague amount."""
    if amount is None:
        unit = _BIGGER.get((unit, scale), unit)
        return f"PTX{_TIME_UNITS[unit]}" if unit in _TIME_UNITS else f"PX{unit}"
    while amount != int(amount) and unit in _SMALLER and (amount * _SMALLER[unit][1]) % 1 == 0:
        unit, factor = _SMALLER[unit]
        amount *= factor
    number = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"PT{number}{_TIME_UNITS[unit]}" if unit in _TIME_UNITS else f"P{number}{unit}"


def value_range(value: str) -> tuple[date | None, date | None]:
    """Return the first and last day a calendar TIMEX3 value covers, or ``(None, None)``."""
    match = _VALUE.fullmatch(value)
    if not match:
        return None, None
    try:
        return _range_of(match)
    except (ValueError, OverflowError):
        return None, None


def _range_of(match: re.Match) -> tuple[date, date]:
    """Return the day range of a parsed calendar value."""
    if match["dec"]:
        first = int(match["dec"]) * 10
        return date(max(first, 1), 1, 1), date(first + 9, 12, 31)
    if match["cent"]:
        first = int(match["cent"]) * 100
        return date(max(first, 1), 1, 1), date(first + 99, 12, 31)
    year = int(match["y"])
    if match["d"]:
        day = date(year, int(match["m"]), int(match["d"]))
        return day, day
    if match["m"]:
        month = int(match["m"])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if match["w"]:
        monday = date.fromisocalendar(year, int(match["w"]), 1)
        return (monday + timedelta(days=5), monday + timedelta(days=6)) if match["we"] else (
            monday, monday + timedelta(days=6))
    if match["q"] or match["h"]:
        months = 3 if match["q"] else 6
        first_month = (int(match["q"] or match["h"]) - 1) * months + 1
        last_month = first_month + months - 1
        return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])
    return date(year, 1, 1), date(year, 12, 31)
