"""Strict-span and span+value scores of predicted temporal expressions against gold ones."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def _key(item) -> tuple:
    """Return ``(doc, start, end, value)`` for a mapping or an object with those attributes."""
    if isinstance(item, Mapping):
        return item.get("doc"), int(item["start"]), int(item["end"]), item.get("value")
    return getattr(item, "doc", None), int(item.start), int(item.end), getattr(item, "value", None)


def _ratio(numerator: int, denominator: int) -> float:
    """Return numerator / denominator, or 0.0 for an empty denominator."""
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    """Return the harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def span_value_scores(gold: Iterable, predicted: Iterable) -> dict:
    """Return counts, strict-span P/R/F1 and span+value P/R/F1 of ``predicted`` against ``gold``.

    Items are mappings or objects with ``start``, ``end``, ``value`` and optionally ``doc``
    (so one call can score a whole corpus). A span hit needs identical ``(doc, start, end)``;
    a value hit also needs an identical TIMEX3 value. ``value_accuracy`` is value hits over
    span hits. Duplicate predictions of the same span count once.
    """
    gold_keys = {_key(g) for g in gold}
    predicted_keys = {_key(p) for p in predicted}
    gold_spans = {k[:3] for k in gold_keys}
    predicted_spans = {k[:3] for k in predicted_keys}
    span_hits = len(gold_spans & predicted_spans)
    value_hits = len(gold_keys & predicted_keys)
    n_gold, n_predicted = len(gold_keys), len(predicted_keys)
    span_p, span_r = _ratio(span_hits, n_predicted), _ratio(span_hits, n_gold)
    value_p, value_r = _ratio(value_hits, n_predicted), _ratio(value_hits, n_gold)
    return {
        "gold": n_gold, "predicted": n_predicted, "span_hits": span_hits, "value_hits": value_hits,
        "span_precision": span_p, "span_recall": span_r, "span_f1": _f1(span_p, span_r),
        "value_precision": value_p, "value_recall": value_r, "value_f1": _f1(value_p, value_r),
        "value_accuracy": _ratio(value_hits, span_hits),
    }
