"""English temporal expressions, at the same level as the Indonesian ones."""

from datetime import date

import pytest

from newsetl.transforms.temporal import temporal_expressions

WEDNESDAY = date(2020, 9, 30)


@pytest.mark.parametrize("sentence, span, timex_type, value", [
    ("Aliyev said Monday that his forces had advanced.", "Monday", "DATE", "2020-09-28"),
    ("The statement was issued Sept. 28, 2020, in Baku.", "Sept. 28, 2020", "DATE", "2020-09-28"),
    ("Fighting erupted on 27 September 2020 along the line.", "27 September 2020", "DATE", "2020-09-27"),
    ("The fighting began on Sunday, Sept. 27, and spread.", "Sunday, Sept. 27", "DATE", "2020-09-27"),
    ("Officials said yesterday that the town had fallen.", "yesterday", "DATE", "2020-09-29"),
    ("Talks will resume tomorrow in Moscow.", "tomorrow", "DATE", "2020-10-01"),
    ("Last week, Aliyev warned at the United Nations.", "Last week", "DATE", "2020-W39"),
    ("The co-chairs meet next week in Geneva.", "next week", "DATE", "2020-W41"),
    ("A similar strike hit the city two days ago.", "two days ago", "DATE", "2020-09-28"),
    ("The truce collapsed a week ago.", "a week ago", "DATE", "2020-W39"),
    ("Prices rose this year.", "this year", "DATE", "2020"),
    ("Elections are due next month.", "next month", "DATE", "2020-10"),
    ("after three decades of failed mediation", "three decades", "DURATION", "P3DE"),
    ("for more than a quarter century", "a quarter century", "DURATION", "P25Y"),
    ("for the third time in three days", "three days", "DURATION", "P3D"),
    ("The region has been contested for years.", "years", "DURATION", "PXY"),
    ("over the past three years", "the past three years", "DURATION", "P3Y"),
    ("The festival is held every year.", "every year", "SET", "P1Y"),
    ("Casualties are rising every day.", "every day", "SET", "P1D"),
    ("The council meets twice a week.", "twice a week", "SET", "P1W"),
    ("a flashpoint since the late 1980s", "late 1980s", "DATE", "198"),
    ("the worst since a cease-fire in 1994.", "1994", "DATE", "1994"),
    ("In a televised address Monday night, Aliyev said", "Monday night", "TIME", "2020-09-28TNI"),
    ("Shelling resumed at 10:30 a.m. local time.", "10:30 a.m. local time", "TIME", "2020-09-30T10:30"),
    ("The curfew starts at 9 p.m.", "9 p.m.", "TIME", "2020-09-30T21:00"),
    ("He is now in Moscow.", "now", "DATE", "PRESENT_REF"),
    ("Armenia recently bought new jets.", "recently", "DATE", "PAST_REF"),
])
def test_english_expression(sentence, span, timex_type, value):
    found = temporal_expressions(sentence, WEDNESDAY, "en")
    assert [(e.text, e.timex_type, e.value) for e in found] == [(span, timex_type, value)]


def test_modal_may_is_not_a_month():
    assert temporal_expressions("Russia may send troops.", WEDNESDAY, "en") == []


def test_english_slashed_dates_are_month_first():
    assert [e.value for e in temporal_expressions("Filed 9/28/2020.", WEDNESDAY, "en")] == ["2020-09-28"]


def test_unknown_language_runs_every_grammar():
    values = [e.value for e in temporal_expressions("kemarin and yesterday", WEDNESDAY, "und")]
    assert values == ["2020-09-29", "2020-09-29"]


@pytest.mark.parametrize("sentence, expected", [
    # BBC: a programme's or show's name is no day.
    ("Ryanair deputy chief executive Michael Cawley told Radio 4's Today programme.", []),
    ("The Day Today in the DVD category, and Trauma won best film.", []),
    # ... while the sentence's first word still is.
    ("Today, the minister said the talks were over.", [("Today", "DATE", "2020-09-30")]),
    # A race time in two units is one duration.
    ("Holmes won the 800m in one minute 47.97 seconds.", [("one minute 47.97 seconds", "DURATION", "PT1M47.97S")]),
    ("He clocked seven minutes, 56.86 seconds in Birmingham.", [("seven minutes, 56.86 seconds", "DURATION", "PT7M56.86S")]),
    # BBC: "a second reading" is the ordinal; "a second behind" is one second.
    ("If the European Council agrees on the draft directive it will then return for a second reading at the "
     "European Parliament.", []),
    ("He finished a second behind Bekele.", [("a second", "DURATION", "PT1S")]),
])
def test_titles_are_no_days_and_race_times_are_one_duration(sentence, expected):
    found = temporal_expressions(sentence, WEDNESDAY, language="en")
    assert [(e.text, e.timex_type, e.value) for e in found] == expected
