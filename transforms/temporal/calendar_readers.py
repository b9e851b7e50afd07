"""Readers of calendar phrases: dates, months, years, decades, weekdays, deictic days and units."""

from __future__ import annotations

import re

from newsetl.transforms.temporal.mentions import Mention
from newsetl.transforms.temporal.phrases import (
    key, minggu_means_sunday, mod_of, month_number, span, trailing_direction, valid_day, weekday_number)

_ROMAN = {"I": 1, "V": 5, "X": 10}


def _date_mention(match, text, lex, language, year, month, day) -> Mention | None:
    """Return a ``date`` mention for day/month/year fields, or None for an impossible day."""
    if year is not None and not 1000 <= year <= 2999:
        return None
    if not valid_day(year, month, day):
        return None
    start, end = span(match)
    groups = match.groupdict()
    pod = lex["parts_of_day"].get(key(groups.get("pod"))) if groups.get("pod") else None
    return Mention(start, end, "date", language, "TIME" if pod else "DATE", year=year, month=month, day=day,
                   weekday=weekday_number(lex, groups.get("wd")), part_of_day=pod,
                   direction=trailing_direction(text, end, lex) if year is None else 0)


def read_numeric_date(match, text, lex, language) -> Mention | None:
    """Return a date mention for 28/9/2020, Senin (28/9), 2020-09-28; None if the day does not exist."""
    first, second = int(match.group("d")), int(match.group("m"))
    # Indonesian writes day/month; English slashed dates are month/day unless that is impossible.
    if language == "en" and match.groupdict().get("sep") and first <= 12:
        first, second = second, first
    raw_year = match.groupdict().get("y")
    year = None if raw_year is None else int(raw_year)
    if raw_year is not None and len(raw_year) == 2:
        year += 2000 if year < 50 else 1900
    return _date_mention(match, text, lex, language, year, second, first)


def read_named_date(match, text, lex, language) -> Mention | None:
    """Return a date mention for 27 September [2020] or Sept. 28, 2020; None if the day does not exist."""
    year = int(match.group("y")) if match.group("y") else None
    return _date_mention(match, text, lex, language, year, month_number(lex, match.group("mon")), int(match.group("d")))


def read_month(match, text, lex, language) -> Mention | None:
    """Return a month mention (September 2020, akhir September lalu, pada Mei); None for a bare month name."""
    groups = match.groupdict()
    start, end = span(match)
    month = month_number(lex, groups["mon"])
    mod = mod_of(lex, groups.get("mod"))
    if groups.get("y"):
        return Mention(start, end, "date", language, year=int(groups["y"]), month=month, mod=mod)
    deixis = key(groups.get("dx") or groups.get("dxp"))
    if not (groups.get("prep") or mod or groups.get("month_word") or deixis):
        return None  # a bare month name is too often a name (Mei) or a verb (March)
    table = lex.get("deictic_suffixes") or lex.get("weekday_prefixes", {})
    first, _, rest = deixis.partition(" ")
    if rest and first in lex["grammar_words"].get("YEAR_WORD", []):  # September tahun lalu
        return Mention(start, end, "date", language, month=month, mod=mod, unit="Y", offset=table[rest][0])
    direction, _ = table.get(deixis, (0, False))
    if deixis and not direction:  # Oktober ini / this October: the reference year's month
        return Mention(start, end, "date", language, month=month, mod=mod, unit="Y", offset=0)
    if not direction:
        direction = trailing_direction(text, end, lex)
        return Mention(start, end, "date", language, month=month, mod=mod, direction=direction)
    return Mention(start, end, "date", language, month=month, mod=mod, direction=direction, strict=True)


def read_year(match, text, lex, language) -> Mention | None:
    """Return a year mention (tahun 1994, sejak 1994, early 2020); None outside plausible years."""
    year = int(match.group("y"))
    bare = not match.groupdict().get("yw")  # a bare number needs a tighter range than "tahun 1500"
    if not (1900 <= year <= 2100 if bare else 1000 <= year <= 2999):
        return None
    start, end = span(match)
    return Mention(start, end, "date", language, year=year, mod=mod_of(lex, match.group("mod")))


def read_decade(match, text, lex, language) -> Mention | None:
    """Return a decade mention (tahun 1990-an, the late 1980s) with its three-digit value."""
    groups = match.groupdict()
    value = groups["dec"] if groups.get("dec") else "19" + groups["dec2"]
    start, end = span(match)
    return Mention(start, end, "fixed", language, value=value, mod=mod_of(lex, groups.get("mod")))


def _roman(numeral: str) -> int:
    """Return the value of a small Roman numeral (I ... XXX)."""
    values = [_ROMAN[c] for c in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def read_century(match, text, lex, language) -> Mention | None:
    """Return a century mention (abad ke-21 -> 20, 20th century -> 19); None for odd numbers."""
    raw = match.group("cent")
    number = int(raw) if raw.isdigit() else _roman(raw)
    if not 1 <= number <= 30:
        return None
    start, end = span(match)
    return Mention(start, end, "fixed", language, value=f"{number - 1:02d}", mod=mod_of(lex, match.group("mod")))


def read_quarter(match, text, lex, language) -> Mention | None:
    """Return a quarter or half-year mention (kuartal III 2020, semester I); None for a third half."""
    quarters = lex["quarters"]
    number = quarters["ordinals"][key(match.group("q"))]
    is_half = key(match.group("qw")) in quarters["halves"]
    if is_half and number > 2:
        return None
    start, end = span(match)
    year = int(match.group("y")) if match.group("y") else None
    of_year = quarters.get("half_year_tail")
    if is_half and year is None and of_year and not re.match(of_year, text[end:end + 40], re.IGNORECASE):
        return None  # "the first half was lacklustre": a half of a match, not of a year
    part = f"H{number}" if is_half else f"Q{number}"
    if year is None:
        return Mention(start, end, "date", language, part=part, unit="Y", offset=0)
    return Mention(start, end, "date", language, year=year, part=part)


def read_weekday(match, text, lex, language) -> Mention | None:
    """Return a weekday mention (hari Minggu, Sabtu lalu, Monday night); None when minggu is a week."""
    groups = match.groupdict()
    start, end = span(match)
    deixis = key(groups.get("dx") or groups.get("dxp"))
    weekday = weekday_number(lex, groups["wd"])
    if key(groups["wd"]) in lex["week_weekday_homographs"]:
        with_day_word = bool(groups.get("day_word") or groups.get("pod"))
        if not minggu_means_sunday(text, match.start("wd"), with_day_word, bool(deixis)):
            return None
    table = lex.get("weekday_suffixes") or lex.get("weekday_prefixes", {})
    direction, strict = table.get(deixis, (0, False))
    pod = lex["parts_of_day"].get(key(groups.get("pod"))) if groups.get("pod") else None
    return Mention(start, end, "weekday", language, "TIME" if pod else "DATE", weekday=weekday,
                   direction=direction, strict=strict, part_of_day=pod)


def read_relative_day(match, text, lex, language) -> Mention | None:
    """Return a day relative to the reference (kemarin, besok, tadi malam), with a part of day."""
    phrase = key(match.group("rd"))
    offset, pod = lex["relative_days"][phrase]
    start, end = span(match)
    if match.group("pod") and pod is None and phrase in lex["relative_days_taking_part_of_day"]:
        pod = lex["parts_of_day"][key(match.group("pod"))]
    else:
        end = match.end("rd")
    return Mention(start, end, "relative", language, "TIME" if pod else "DATE", unit="D", offset=offset,
                   part_of_day=pod)


def read_unit_deixis(match, text, lex, language) -> Mention | None:
    """Return a unit relative to the reference (minggu lalu, tahun depan, last week); None for Sunday."""
    groups = match.groupdict()
    start, end = span(match)
    unit_word = key(groups["unit"])
    deixis = key(groups.get("dx") or groups.get("dxp"))
    if unit_word in lex["week_weekday_homographs"] and minggu_means_sunday(text, match.start("unit"), False, True):
        return None
    table = lex.get("deictic_suffixes") or lex["deictic_prefixes"]
    offset, narrative = table[deixis]
    mod = mod_of(lex, groups.get("mod"))
    unit = lex["deictic_units"][unit_word]
    if key(groups.get("mod")) + " " + unit_word in lex["weekend_phrases"]:
        unit, mod = "WE", None  # akhir pekan is the weekend, not the end of a week
    lead = text[max(0, start - 30):start] + ("the " if deixis.startswith("the ") else "")  # "the next" holds it
    leads = [lex[k] for k in ("span_leads", "span_leads_past") if k in lex and (offset < 0 or k == "span_leads")]
    if offset and not mod and unit in ("Y", "M", "W") and any(re.search(p, lead, re.IGNORECASE) for p in leads):
        # "over the last year", "during the next month": the stretch of time, not the calendar year.
        return Mention(start, end, "duration", language, "DURATION", unit=unit, amount=1.0, scale=1)
    return Mention(start, end, "relative", language, unit=unit, offset=offset, narrative=narrative, mod=mod)
