"""Synthetic benchmark corpus (newsetl_dev.synthetic_corpus)."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import date
from itertools import islice
from pathlib import Path

import pytest

from newsetl_dev.synthetic_corpus import OUTLETS, WEEKDAYS_ID, synthetic_articles

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DATE_RE = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \((\d{1,2})/(\d{1,2})/(\d{4})\)")
# A lead line: "Bisnis.com, JAKARTA - ", "Jakarta (ANTARA) - ", "YEREVAN - " ...
LEAD_RE = re.compile(r"^[^\n]{2,40}? (?:-|--|–) \S")


@pytest.fixture(scope="module")
def seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def sample(seeds) -> list[dict]:
    return list(synthetic_articles(seeds, 2000, seed=7))


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def test_yields_exactly_n_distinct_texts(seeds, sample):
    assert len(sample) == 2000
    assert len({_digest(d["text"]) for d in sample}) == 2000
    assert len({d["id"] for d in sample}) == 2000
    assert list(synthetic_articles(seeds, 0)) == []


def test_distinct_under_normalisation(sample):
    # The pipeline's content id hashes a normalised text; equal-modulo-whitespace/case texts would collapse.
    normalised = {" ".join(unicodedata.normalize("NFC", d["text"]).lower().split()) for d in sample}
    assert len(normalised) == len(sample)


def test_about_two_kilobytes_on_average(sample):
    sizes = [len(d["text"].encode("utf-8")) for d in sample]
    assert 1700 <= sum(sizes) / len(sizes) <= 2500
    assert min(sizes) > 800 and max(sizes) < 5000


def test_deterministic_for_a_seed(seeds, sample):
    assert list(synthetic_articles(seeds, 50, seed=7)) == sample[:50]
    assert [d["text"] for d in synthetic_articles(seeds, 50, seed=8)] != [d["text"] for d in sample[:50]]


def test_start_continues_the_same_corpus(seeds, sample):
    assert list(synthetic_articles(seeds, 300, seed=7, start=1000)) == sample[1000:1300]
    more = {_digest(d["text"]) for d in synthetic_articles(seeds, 100, seed=7, start=2000)}
    assert not more & {_digest(d["text"]) for d in sample}


def test_is_a_lazy_generator(seeds):
    articles = synthetic_articles(seeds, 10**9)
    assert len(list(islice(articles, 3))) == 3


def test_jsonl_ready_records(sample):
    with_date = 0
    for doc in sample[:500]:
        assert {"id", "text", "title", "url", "source"} <= doc.keys() <= {"id", "text", "title", "url", "source", "published_at"}
        assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc
        assert doc["url"].startswith("https://") and doc["title"]
        assert doc["text"] == unicodedata.normalize("NFC", doc["text"]) and "\r" not in doc["text"]
        if "published_at" in doc:
            with_date += 1
            assert date(2020, 9, 1) <= date.fromisoformat(doc["published_at"]) <= date(2020, 12, 31)
    assert 175 <= with_date <= 325  # about half


def test_lead_lines_name_varied_outlets(sample):
    outlet_tokens = {name: name.split(".")[0].lower().replace("cnnindonesia", "cnn indonesia")
                     for name, *_ in OUTLETS}
    named, sources = 0, set()
    for doc in sample:
        lines = doc["text"].split("\n")
        lead = next(line for line in lines[:3] if LEAD_RE.match(line))
        sources.add(doc["source"])
        token = outlet_tokens[doc["source"]]
        if token in lead.lower() or "antara" in lead.lower() and token == "antaranews" or "detiknews" in lead.lower():
            named += 1
    assert named / len(sample) > 0.7
    assert len(sources) >= 10


def test_dates_in_day_month_year_form_with_the_right_weekday(sample):
    found = 0
    for doc in sample:
        for weekday, d, m, y in DATE_RE.findall(doc["text"]):
            found += 1
            assert WEEKDAYS_ID[date(int(y), int(m), int(d)).weekday()] == weekday, doc["text"]
    assert found >= len(sample)  # every article mentions at least one such date on average
    assert len({m.group(0) for doc in sample[:300] for m in DATE_RE.finditer(doc["text"])}) > 20


def test_names_numbers_and_boilerplate_vary(sample):
    texts = [d["text"] for d in sample]
    assert any("Hikmet Hajiyev" in t for t in texts) and any("Jeyhun Bayramov" in t for t in texts)
    with_baca = sum("Baca Juga" in t or "Baca juga" in t for t in texts)
    assert 0.1 * len(texts) < with_baca < 0.9 * len(texts)
    killed = {m.group(1) for t in texts for m in re.finditer(r"kematian mendekati (\S+) orang", t)}
    assert len(killed) > 10
