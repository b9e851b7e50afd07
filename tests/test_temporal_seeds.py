"""Acceptance on the five seed articles: publication dates and the expressions the issue names."""

from datetime import date
from pathlib import Path

import pytest

from newsetl.transforms.temporal import inferred_publication_date, temporal_expressions

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PUBLISHED = {
    "sosok.id": date(2020, 9, 29),
    "penapembaharu.com": date(2020, 10, 1),
    "serambinews.com": date(2020, 11, 3),
    "sinarpost.com": date(2020, 10, 31),
    "bisnis.com": date(2020, 10, 4),
}
EXPECTED = {  # outlet -> (expression text, TIMEX3 value)
    "sosok.id": [("Senin (28/9/2020)", "2020-09-28"), ("kemarin", "2020-09-28"), ("27 September", "2020-09-27")],
    "penapembaharu.com": [("hari Minggu", "2020-09-27")],
    "serambinews.com": [("tahun 1994", "1994"), ("minggu lalu", "2020-W44"), ("tiga dekade", "P3DE"),
                        ("seperempat abad", "P25Y")],
    "sinarpost.com": [("akhir September lalu", "2020-09")],
    "bisnis.com": [("kemarin pagi", "2020-10-03TMO"), ("hari ini", "2020-10-04")],
}


def _seed_texts() -> dict[str, str]:
    """Return outlet -> article text, the outlet read from the seed's first line."""
    texts = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        lines = text.lower().splitlines()
        head = " ".join(lines[:4])  # serambinews starts with a section and a headline
        outlet = next((o for o in PUBLISHED if o in head), None)
        if outlet:
            texts[outlet] = text
    return texts


@pytest.fixture(scope="module")
def seed_texts():
    """Return outlet -> seed text, checking that every expected outlet is present."""
    texts = _seed_texts()
    assert set(texts) == set(PUBLISHED), sorted(texts)
    return texts


@pytest.mark.parametrize("outlet", sorted(PUBLISHED))
def test_publication_date_is_inferred_from_the_text(seed_texts, outlet):
    assert inferred_publication_date(seed_texts[outlet]) == PUBLISHED[outlet]


@pytest.mark.parametrize("outlet, span, value", [(o, s, v) for o, pairs in EXPECTED.items() for s, v in pairs])
def test_seed_expression_value(seed_texts, outlet, span, value):
    text = seed_texts[outlet]
    found = temporal_expressions(text, inferred_publication_date(text))
    rows = [e for e in found if e.text == span]
    assert rows, f"{span!r} not tagged in {outlet}: {[e.text for e in found]}"
    assert {e.value for e in rows} == {value}


def test_every_row_mentioning_1994_has_value_1994(seed_texts):
    text = seed_texts["serambinews.com"]
    rows = [e for e in temporal_expressions(text, date(2020, 11, 3)) if "1994" in e.text]
    assert rows and all(e.value == "1994" for e in rows)


@pytest.mark.parametrize("outlet", sorted(PUBLISHED))
def test_offsets_point_into_the_seed_text(seed_texts, outlet):
    text = seed_texts[outlet]
    for e in temporal_expressions(text, PUBLISHED[outlet]):
        assert text[e.start:e.end] == e.text
