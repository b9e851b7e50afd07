"""The hand-annotated gold file, the scoring function, and the tagger's score on the gold."""

import json
from datetime import date
from pathlib import Path

import pytest

from newsetl.transforms.records import TemporalExpression
from newsetl.transforms.temporal import temporal_expressions
from newsetl_dev.eval_dates import SHARED_NEWS, gold_documents, shared_text
from newsetl_dev.temporal_scoring import span_value_scores

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "temporal_gold.jsonl"


def _gold() -> list[dict]:
    """Return the gold records with their article texts (real ../shared articles only when present)."""
    return gold_documents(GOLD)


def _real_records() -> list[dict]:
    """Return the gold records that reference a real article of ../shared/data/news/."""
    return [r for r in map(json.loads, GOLD.read_text("utf-8").splitlines()) if "shared" in r]


def test_gold_has_real_detik_and_utusan_articles_read_from_shared():
    real = _real_records()
    assert sum(r["shared"]["file"] == "detik.csv" for r in real) >= 3
    assert sum(r["shared"]["file"] == "utusan.csv" for r in real) >= 2
    assert all("path" not in r and "text" not in r for r in real)  # referenced, never copied
    if not (SHARED_NEWS / "detik.csv").is_file():
        pytest.skip(f"{SHARED_NEWS} is absent: the real articles cannot be read")
    assert all(shared_text(r["shared"]) for r in real)


def test_real_gold_articles_are_skipped_with_a_reason_without_shared(tmp_path):
    record = _real_records()[0]
    assert shared_text(record["shared"], folder=tmp_path) is None


def test_gold_covers_every_seed_and_an_extra_indonesian_article():
    records = _gold()
    seeds = {p.name for p in (ROOT / "seeds").glob("*.txt")}
    assert seeds <= {r["doc"] for r in records}
    assert any(r["language"] == "id" and not r["path"].startswith("seeds/") for r in records)


@pytest.mark.parametrize("record", _gold(), ids=lambda r: r["doc"])
def test_gold_spans_match_their_text(record):
    date.fromisoformat(record["reference_date"])
    previous_end = 0
    for e in record["expressions"]:
        assert record["text"][e["start"]:e["end"]] == e["text"]
        assert e["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert e["start"] >= previous_end  # sorted, no overlaps
        previous_end = e["end"]


def test_tagger_value_f1_on_gold_is_at_least_0_90():
    gold, predicted = [], []
    for record in _gold():
        gold += [{"doc": record["doc"], **e} for e in record["expressions"]]
        reference = date.fromisoformat(record["reference_date"])
        predicted += [{"doc": record["doc"], "start": e.start, "end": e.end, "value": e.value}
                      for e in temporal_expressions(record["text"], reference, record["language"])]
    scores = span_value_scores(gold, predicted)
    assert scores["value_f1"] >= 0.90, scores


def test_scores_count_span_and_value_hits():
    gold = [{"start": 0, "end": 7, "value": "2020-09-28"}, {"start": 10, "end": 18, "value": "P3DE"},
            {"start": 20, "end": 25, "value": "1994"}]
    predicted = [TemporalExpression(0, 7, "kemarin", "DATE", "2020-09-28"),  # span and value hit
                 TemporalExpression(10, 18, "x", "DURATION", "P3Y"),          # span hit, wrong value
                 TemporalExpression(30, 34, "x", "DATE", "2020")]              # false positive
    s = span_value_scores(gold, predicted)
    assert (s["gold"], s["predicted"], s["span_hits"], s["value_hits"]) == (3, 3, 2, 1)
    assert s["span_precision"] == pytest.approx(2 / 3) and s["span_recall"] == pytest.approx(2 / 3)
    assert s["value_f1"] == pytest.approx(1 / 3)
    assert s["value_accuracy"] == pytest.approx(1 / 2)


def test_scores_keep_documents_apart_and_handle_empty_input():
    gold = [{"doc": "a", "start": 0, "end": 4, "value": "1994"}]
    assert span_value_scores(gold, [{"doc": "b", "start": 0, "end": 4, "value": "1994"}])["span_hits"] == 0
    empty = span_value_scores([], [])
    assert (empty["value_f1"], empty["span_f1"], empty["value_accuracy"]) == (0.0, 0.0, 0.0)


def test_evaluation_script_beats_dateparser_twice(tmp_path):
    pytest.importorskip("dateparser")
    from newsetl_dev.eval_dates import main

    out = tmp_path / "eval.json"
    assert main(["--json", str(out)]) == 0
    report = json.loads(out.read_text("utf-8"))
    ours = report["systems"]["newsetl"]["scores"]["all"]["value_f1"]
    theirs = report["systems"]["dateparser"]["scores"]["all"]["value_f1"]
    assert ours >= 0.90 and ours >= 2 * theirs
