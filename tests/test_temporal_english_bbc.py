"""English temporal classes from BBC news (issue 17): sentences copied from ../shared/data/news/bbc.

A half of a football match is no half-year, an amount before ``a year`` is a rate (SET), and
``one day`` before a clause with a modal is "some day", not a duration of one day, and
``Entertainment Weekly`` is a magazine, not a frequency; ``over the last year`` is a stretch of time.
"""

from datetime import date

import pytest

from newsetl.transforms.temporal import temporal_expressions

PUBLISHED = date(2004, 12, 15)


def _found(sentence: str) -> list[tuple[str, str, str]]:
    """Return ``(text, type, value)`` of every temporal expression in ``sentence``."""
    return [(t.text, t.timex_type, t.value) for t in temporal_expressions(sentence, PUBLISHED, language="en")]


@pytest.mark.parametrize("sentence, expected", [
    ("Exports had kept things going during the first half of 2004, but demand for exports was then hit as the value "
     "of the euro hit record levels making German products less competitive overseas.",
     ("first half of 2004", "DATE", "2004-H1")),
    ("He estimates that this would save the country £119m a year.", ("a year", "SET", "P1Y")),
    ("But he hopes that one day it can be developed to give blind people access to photographs and other images.",
     ("one day", "DATE", "FUTURE_REF")),
    ("UFJ Holdings, Japan's fourth-largest bank, has been at the centre of a fierce bid battle over the last year.",
     ("last year", "DURATION", "P1Y")),
    ("The pair were locked together for the last few miles before Radcliffe finally sprinted clear to win in two "
     "hours, 23 minutes and 10 seconds.", ("two hours, 23 minutes and 10 seconds", "DURATION", "PT2H23M10S")),
    ("Japan downgraded its overall economic assessment earlier this month for the first time in a year.",
     ("a year", "DURATION", "P1Y")),
])
def test_bbc_expressions(sentence, expected):
    assert expected in _found(sentence)


@pytest.mark.parametrize("sentence", [
    "\"In the first half we had put them under a lot of pressure, and our goal matched theirs in quality.",
    "\"I felt we did enough to win the game even though the first half was lacklustre.",
])
def test_a_half_of_a_match_is_no_date(sentence):
    assert not [found for found in _found(sentence) if "half" in found[0]]


def test_a_capitalised_frequency_inside_a_title_is_no_set():
    sentence = ("Nominees for the People's Choice Awards were picked by a 6,000-strong Entertainment Weekly magazine "
                "panel, and winners were subsequently chosen by 21 million online voters.")
    assert not [found for found in _found(sentence) if found[0] == "Weekly"]
