"""Span-level precision, recall and F1 of the Indonesian CRF on idner-news-2k ``dev.txt``.

``python -m newsetl_dev.eval_ner`` tags the gold tokens of every dev sentence with the committed model
and counts a predicted span correct only when its boundaries and type both match the gold span.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from newsetl_dev.train_ner import DEFAULT_DATA, conll_sentences, sentence_gazetteer_tags
from newsetl.transforms.entities.crf import bio_spans, bio_tags

TYPES = ("PERSON", "ORG", "LOC")


def span_scores(gold_and_predicted) -> dict[str, tuple[float, float, float, int]]:
    """Return ``type -> (precision, recall, F1, gold count)`` for each type and ``micro``."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold_tags, predicted_tags in gold_and_predicted:
        gold, predicted = set(bio_spans(gold_tags)), set(bio_spans(predicted_tags))
        for span in predicted:
            (tp if span in gold else fp)[span[2]] += 1
        for span in gold - predicted:
            fn[span[2]] += 1
    scores = {}
    for kind in (*TYPES, "micro"):
        t, p, n = (sum(c.values()) if kind == "micro" else c[kind] for c in (tp, fp, fn))
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[kind] = (precision, recall, f1, t + n)
    return scores


def dev_scores(data: Path) -> dict[str, tuple[float, float, float, int]]:
    """Return span scores of the committed model on idner-news-2k dev.txt."""
    pairs = []
    for words, gold in conll_sentences(data / "ner" / "idner-news-2k" / "dev.txt"):
        pairs.append((gold, bio_tags(words, sentence_gazetteer_tags(words))))
    return span_scores(pairs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    args = parser.parse_args(argv)
    print(f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}")
    for kind, (p, r, f, n) in dev_scores(args.data).items():
        print(f"{kind:<8}{p:8.3f}{r:8.3f}{f:8.3f}{n:7d}")


if __name__ == "__main__":
    main()
