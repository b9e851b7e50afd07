"""Evaluate the temporal tagger against hand-annotated gold, next to dateparser.

Run from the repository root::

    python -m newsetl_dev.eval_dates [--gold tests/data/temporal_gold.jsonl] [--json FILE] [--errors]

Gold (``tests/data/temporal_gold.jsonl``): one line per article with ``doc``, ``path`` (relative
to the repository root) or ``shared`` (a real article of ``../shared/data/news/``: ``file``,
``key_column``, ``key``, ``text_column``; read at evaluation time, skipped with a reason when
absent; scored as the ``real`` subset), ``language``, ``reference_date`` (the publication date) and
``expressions`` (``start``, ``end``, ``text``, ``type``, ``value``). Annotation conventions:

- every expression a reader takes as a point, period, duration or frequency in time is
  annotated, including ones the tagger cannot read (``hari kedua`` of a war, ``sepanjang malam``);
- spans leave out prepositions (``pada``, ``selama``, ``sejak``, ``for``) and quantity hedges
  (``hampir``, ``lebih``, ``more than``) but keep position words (``akhir September lalu``),
  ``hari`` before a weekday, a weekday before its date (``Senin (28/9/2020)``), parts of day
  and time zones; a ``kemarin``/``lalu`` after a full date is not part of it (``kemarin`` is
  annotated on its own);
- values are TIMEX3 as in ``transforms.temporal`` (``2020-W44``, ``2020-10-03TMO``, ``P3DE``,
  ``PXY`` for ``bertahun-tahun``, ``PRESENT_REF`` for ``kini``/``saat ini``).

Scores: strict span P/R/F1, and span+value P/R/F1 (a hit needs the same span and value).
dateparser's ``search_dates`` returns substrings and datetimes; its spans are located in the
text in order, and a value hit is a gold span whose value is that day. It has no TIMEX types,
so it can only hit day values.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from datetime import date, datetime
from pathlib import Path

from newsetl.transforms.temporal import inferred_publication_date, temporal_expressions
from newsetl_dev.temporal_scoring import span_value_scores

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "data" / "temporal_gold.jsonl"


SHARED_NEWS = ROOT.parent / "shared" / "data" / "news"


def shared_text(source: dict, folder: Path = SHARED_NEWS) -> str | None:
    """Return the text of a real article the gold references (``shared``: file, key column, key, text column).

    The article is read from ``../shared/data/news/`` at evaluation time (never copied into the
    project); None when that folder or the row is absent.
    """
    path = folder / source["file"]
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get(source["key_column"]) == source["key"]:
                return row[source["text_column"]]
    return None


def gold_documents(path: Path, skipped: list[str] | None = None) -> list[dict]:
    """Return the gold records with their article text loaded.

    A record with ``shared`` instead of ``path`` is a real article read from ``../shared``; it is
    left out (its name and the reason appended to ``skipped``) when that file is not there.
    """
    records = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if "shared" in record:
                text = shared_text(record["shared"])
                if text is None:
                    if skipped is not None:
                        skipped.append(f"{record['doc']}: {SHARED_NEWS / record['shared']['file']} absent")
                    continue
                record["text"], record["path"] = text, f"shared:{record['shared']['file']}"
            else:
                record["text"] = (ROOT / record["path"]).read_text("utf-8")
            records.append(record)
    return records


def tagger_predictions(doc: dict) -> list[dict]:
    """Return the tagger's expressions for one gold document, with the gold reference date."""
    reference = date.fromisoformat(doc["reference_date"])
    return [{"doc": doc["doc"], "start": e.start, "end": e.end, "text": e.text, "value": e.value}
            for e in temporal_expressions(doc["text"], reference, doc["language"])]


def dateparser_predictions(doc: dict) -> list[dict]:
    """Return dateparser's ``search_dates`` hits as spans with day values."""
    from dateparser.search import search_dates

    reference = datetime.fromisoformat(doc["reference_date"])
    try:
        found = search_dates(doc["text"], languages=[doc["language"]], settings={"RELATIVE_BASE": reference}) or []
    except Exception:  # a benchmark baseline that crashes scores zero rather than stopping the run
        found = []
    predictions, cursor = [], 0
    for substring, moment in found:
        start = doc["text"].find(substring, cursor)
        if start < 0:
            start = doc["text"].find(substring)
        if start < 0:
            continue
        cursor = start + len(substring)
        predictions.append({"doc": doc["doc"], "start": start, "end": start + len(substring),
                            "text": substring, "value": moment.date().isoformat()})
    return predictions


def _gold_items(docs: list[dict]) -> list[dict]:
    """Return every gold expression tagged with its document name."""
    return [{"doc": d["doc"], **e} for d in docs for e in d["expressions"]]


def evaluation(docs: list[dict]) -> dict:
    """Return scores per system (overall, seeds only, extra articles only), warm timings and error lists."""
    systems = {"newsetl": tagger_predictions, "dateparser": dateparser_predictions}
    report = {"documents": len(docs), "gold_expressions": sum(len(d["expressions"]) for d in docs), "systems": {}}
    for name, predict in systems.items():
        for first_of_language in {d["language"]: d for d in docs}.values():
            predict(first_of_language)  # warm-up: regexes compile and lexicons load once per process
        started = time.perf_counter()
        predictions = {d["doc"]: predict(d) for d in docs}
        elapsed = time.perf_counter() - started
        subsets = {"all": docs, "seeds": [d for d in docs if d["path"].startswith("seeds/")],
                   "extra": [d for d in docs if not d["path"].startswith(("seeds/", "shared:"))],
                   "real": [d for d in docs if d["path"].startswith("shared:")]}
        scores = {label: span_value_scores(_gold_items(subset), [p for d in subset for p in predictions[d["doc"]]])
                  for label, subset in subsets.items() if subset}
        report["systems"][name] = {"scores": scores, "ms_per_document": 1000 * elapsed / max(len(docs), 1),
                                   "errors": _errors(docs, predictions)}
    report["publication_dates"] = {d["doc"]: {"gold": d["reference_date"],
                                              "inferred": _iso(inferred_publication_date(d["text"], d["language"]))}
                                   for d in docs}
    return report


def _iso(day: date | None) -> str | None:
    """Return an ISO date string or None."""
    return day.isoformat() if day else None


def _errors(docs: list[dict], predictions: dict[str, list[dict]]) -> list[dict]:
    """Return missed gold expressions and wrong predictions, for inspection."""
    errors = []
    for d in docs:
        gold = {(e["start"], e["end"]): e for e in d["expressions"]}
        predicted = {(p["start"], p["end"]): p for p in predictions[d["doc"]]}
        for span, e in gold.items():
            p = predicted.get(span)
            if p is None or p["value"] != e["value"]:
                errors.append({"doc": d["doc"], "text": e["text"], "gold": e["value"],
                               "predicted": p["value"] if p else None})
        for span, p in predicted.items():
            if span not in gold:
                errors.append({"doc": d["doc"], "text": p["text"], "gold": None, "predicted": p["value"]})
    return errors


def _table(report: dict) -> str:
    """Return the scores as a plain-text table."""
    header = f"{'system':<11}{'subset':<7}{'gold':>5}{'pred':>5}{'spanP':>7}{'spanR':>7}{'spanF1':>7}" \
             f"{'valAcc':>7}{'valP':>7}{'valR':>7}{'valF1':>7}{'ms/doc':>8}"
    lines = [header, "-" * len(header)]
    for name, system in report["systems"].items():
        for subset, s in system["scores"].items():
            lines.append(f"{name:<11}{subset:<7}{s['gold']:>5}{s['predicted']:>5}{s['span_precision']:>7.3f}"
                         f"{s['span_recall']:>7.3f}{s['span_f1']:>7.3f}{s['value_accuracy']:>7.3f}"
                         f"{s['value_precision']:>7.3f}{s['value_recall']:>7.3f}{s['value_f1']:>7.3f}"
                         f"{system['ms_per_document']:>8.1f}")
    ours = report["systems"]["newsetl"]["scores"]["all"]["value_f1"]
    theirs = report["systems"]["dateparser"]["scores"]["all"]["value_f1"]
    lines.append(f"value-F1 ratio newsetl/dateparser: {ours / theirs:.1f}x" if theirs else
                 "value-F1 ratio newsetl/dateparser: dateparser scored 0")
    pubs = report["publication_dates"]
    right = sum(p["gold"] == p["inferred"] for p in pubs.values())
    lines.append(f"publication date from text = gold reference date: {right}/{len(pubs)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation table; optionally write the full report as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--json", type=Path, help="write the full report (scores, errors) here")
    parser.add_argument("--errors", action="store_true", help="also print the tagger's misses and false hits")
    args = parser.parse_args(argv)
    skipped: list[str] = []
    report = evaluation(gold_documents(args.gold, skipped))
    print(_table(report))
    for reason in skipped:
        print(f"skipped {reason}")
    if args.errors:
        for e in report["systems"]["newsetl"]["errors"]:
            print(f"  {e['doc'][:28]:<28} {e['text']!r:<30} gold={e['gold']} predicted={e['predicted']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
