"""Readers of amounts and clock phrases: durations, counted relatives, sets, references, times."""

from __future__ import annotations

import re

from newsetl.transforms.numbers import parsed_number
from newsetl.transforms.temporal.calendar_values import duration_value
from newsetl.transforms.temporal.mentions import Mention
from newsetl.transforms.temporal.phrases import hedge_mod, key, span, unit_code, weekday_number

# "pukul 10.00-12.00 WIB": the zone written after the range applies to its start too.
_RANGE_ZONE = re.compile(r"\s*[-–]\s*(?:pukul\s+)?\d{1,2}[.:]\d{2}\s*(\w+(?:\s+setempat)?)")


def _extent_before(text: str, start: int, lex: dict) -> bool:
    """Return whether a word of extent (``sepanjang``, ``dalam tempoh``) ends right before ``start``."""
    openers = lex.get("extent_openers")
    if not openers:
        return False
    before = " ".join(text[max(0, start - 30):start].lower().split()[-3:])
    return any(before == o or before.endswith(" " + o) for o in openers)


def _amount(groups: dict, lex: dict, language: str) -> tuple[float | None, int]:
    """Return the amount of a quantity phrase and, for vague amounts, their scale."""
    if groups.get("seunit"):
        return 1.0, 1
    if groups.get("frac"):
        amount = lex["fractions"][key(groups["frac"])]
    else:
        word = key(groups["count"])
        if word in lex.get("vague_counts", {}):
            return None, lex["vague_counts"][word]
        if word in lex.get("article_one", []):
            amount = 1.0
        else:
            number = parsed_number(word, language)
            if number is None:
                raise ValueError(word)
            if number.is_approximate:
                return None, 1
            amount = number.value
    return amount + (0.5 if groups.get("half") else 0.0), 1


def _quantity_unit(groups: dict, lex: dict) -> str:
    """Return the unit of a quantity phrase, including the se- form (sebulan -> M)."""
    if groups.get("seunit"):
        return unit_code(lex, groups["seunit"][len(lex["unit_for_one_prefix"]):])
    return unit_code(lex, groups["unit"])


def read_quantity(match, text, lex, language) -> Mention | None:
    """Return a duration (tiga dekade), a counted relative (dua hari lalu) or PAST/FUTURE_REF."""
    groups = match.groupdict()
    start, end = span(match)
    if key(text[max(0, start - 12):start]).split(" ")[-1] in lex.get("day_of_month_words", ()):
        return None  # "sampai tanggal 28 bulan berjalan": the 28th, not 28 months
    amount, scale = _amount(groups, lex, language)
    unit = _quantity_unit(groups, lex)
    if amount is not None and not 0 < amount < 100_000:
        return None
    deixis = key(groups.get("dx"))
    if deixis and amount is not None and _extent_before(text, start, lex):
        # "sepanjang tujuh bulan lalu", "dalam tempoh tiga tahun akan datang": the stretch, not its far end
        return Mention(start, end, "duration", language, "DURATION", unit=unit, amount=amount, scale=scale,
                       mod=hedge_mod(text, start, end, lex))
    count_word = key(groups.get("count"))
    if not deixis and amount == 1 and count_word in lex.get("article_one", []) and not groups.get("pre"):
        if count_word != "one" and lex.get("rate_leads") and re.search(
                lex["rate_leads"], text[max(0, start - 40):start], re.IGNORECASE):
            return Mention(start, end, "set", language, "SET", value=duration_value(1, unit))  # £119m a year
        if count_word == "one" and unit == "D" and lex.get("someday_followers") and re.match(
                lex["someday_followers"], text[end:end + 40], re.IGNORECASE):
            return Mention(start, end, "fixed", language, value="FUTURE_REF")  # one day it can be developed
    if deixis:
        direction, narrative = lex["counted_suffixes"][deixis]
        if amount is None:
            if narrative:
                return Mention(start, end, "relative", language, unit=unit, narrative=True)
            return Mention(start, end, "fixed", language, value="PAST_REF" if direction < 0 else "FUTURE_REF")
        if amount != int(amount):
            return None
        return Mention(start, end, "relative", language, unit=unit, offset=int(amount) * direction,
                       narrative=narrative)
    return Mention(start, end, "duration", language, "DURATION", unit=unit, amount=amount, scale=scale,
                   mod=hedge_mod(text, start, end, lex))


def read_vague_duration(match, text, lex, language) -> Mention | None:
    """Return a vague duration (bertahun-tahun -> PXY, for years)."""
    start, end = span(match)
    return Mention(start, end, "duration", language, "DURATION", unit=unit_code(lex, match.group("r")))


def read_set(match, text, lex, language) -> Mention | None:
    """Return a set (setiap hari -> P1D, tiap lima tahun -> P5Y, setiap Senin, every morning)."""
    groups = match.groupdict()
    start, end = span(match)
    if groups.get("wd"):
        return Mention(start, end, "set", language, "SET", value=f"XXXX-WXX-{weekday_number(lex, groups['wd'])}")
    if groups.get("pod"):
        return Mention(start, end, "set", language, "SET", value="T" + lex["parts_of_day"][key(groups["pod"])])
    count = 1.0
    if groups.get("count"):
        step = lex["set_steps"].get(key(groups["count"]))  # every other week
        count = float(step) if step else _amount(groups, lex, language)[0]
        if count is None:
            return None
    return Mention(start, end, "set", language, "SET", value=duration_value(count, unit_code(lex, groups["unit"])))


def read_times_per(match, text, lex, language) -> Mention | None:
    """Return a set for a frequency (dua kali sepekan, twice a week -> P1W)."""
    start, end = span(match)
    return Mention(start, end, "set", language, "SET", value=duration_value(1, _quantity_unit(match.groupdict(), lex)))


def read_set_adverb(match, text, lex, language) -> Mention | None:
    """Return a set for a frequency adverb (daily, annually); None for a capitalised one inside a name."""
    start, end = span(match)
    previous = text[max(0, start - 40):start].split()[-1:]
    if text[start].isupper() and previous and previous[0][:1].isupper() and previous[0][-1:].isalpha():
        return None  # "Entertainment Weekly magazine", "The Weekly Standard": a title, not a frequency
    return Mention(start, end, "set", language, "SET", value=lex["set_adverbs"][key(match.group("x"))])


_NEXT_TOKEN = re.compile(r"[ \t]*([^\W\d_]+|[,.!?;:\"”)])")


def _means_first(match, text, lex, phrase: str, previous: str) -> bool:
    """Return whether ``dulu``/``dahulu`` at ``match`` means "first" rather than "in the past".

    It does after a word (not at a clause start, not after a past lead such as ``sejak``) and
    before a clause end, a particle or a sequencing word (``dilihat dulu dong``, ``fokus dulu untuk``).
    """
    words = lex.get("sequence_words")
    if not words or phrase not in words["phrases"]:
        return False
    before = text[max(0, match.start() - 2):match.start()].rstrip(" \t")
    if not before or not before[-1].isalnum() or previous in words["past_leads"]:
        return False
    following = _NEXT_TOKEN.match(text, match.end())
    return following is not None and (
        not following.group(1)[0].isalpha() or following.group(1).lower() in words["followers"]
    )


def read_reference(match, text, lex, language) -> Mention | None:
    """Return PRESENT_REF/PAST_REF/FUTURE_REF (sekarang, dulu, recently); None for terlebih dulu."""
    phrase = key(match.group("x"))
    previous = key(text[max(0, match.start() - 12):match.start()]).split(" ")[-1]
    if previous in lex["reference_blockers"].get(phrase, []):
        return None  # terlebih dulu / lebih dahulu mean "first", not "in the past"
    if _means_first(match, text, lex, phrase, previous):
        return None  # dilihat dulu dong / diregister dulu. / fokus dulu untuk: "first"
    start, end = span(match)
    return Mention(start, end, "fixed", language, value=lex["reference_words"][phrase])


def read_clock(match, text, lex, language) -> Mention | None:
    """Return a clock time (pukul 10.00 WIB, pukul 8 malam, 7 a.m.); None for impossible times."""
    groups = match.groupdict()
    hour, minute = int(groups["h"]), int(groups["min"] or 0)
    pod = key(groups.get("pod1") or groups.get("pod2"))
    # A trailing relative day names the clock time's day: pukul 10 malam semalam, pukul 9 pagi tadi.
    day_offset, day_pod = lex["relative_days"].get(key(groups.get("rd")), (0, None)) if groups.get("rd") else (None, None)
    if not pod and day_pod:
        pod = next((word for word, code in lex["parts_of_day"].items() if code == day_pod), "")
    needs_minutes = key(groups.get("pre")) in lex["clock_prefixes_needing_minutes"]
    if needs_minutes and not (groups["min"] or groups.get("tz") or pod):
        return None  # "jam 3" without minutes is as often a count of hours as a clock time
    ampm = key(groups.get("ampm")).replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif pod and pod in lex["time_parts_of_day"]:
        # The part of day picks the 12-hour reading: pukul 8 malam = 20:00, pukul 12 malam = 00:00.
        low, high = lex["time_parts_of_day"][pod]
        readings = [h for h in (hour, hour + 12, hour + 24) if low <= h < high] if hour <= 12 else [hour]
        hour = readings[0] % 24 if readings else hour  # pukul 9 siang: no reading fits, keep the hour
    if hour > 23 or minute > 59:
        return None
    start, end = span(match)
    zone = lex["time_zones"].get(key(groups.get("tz"))) if groups.get("tz") else None
    if zone is None and (ranged := _RANGE_ZONE.match(text, end)):
        zone = lex["time_zones"].get(key(ranged.group(1)))
    return Mention(start, end, "time", language, "TIME", hour=hour, minute=minute, zone=zone,
                   unit=None if day_offset is None else "D", offset=day_offset)


def read_clock_word(match, text, lex, language) -> Mention | None:
    """Return a clock time named by a word (tengah malam, noon)."""
    start, end = span(match)
    hour, minute = lex["clock_words"][key(match.group("x"))]
    return Mention(start, end, "time", language, "TIME", hour=hour, minute=minute)
