"""Compare the numpy CRF engine (``crf_scores``) with crfsuite on every sentence of the real corpora and NER sets.

``python -m newsetl_dev.check_crf_engine [--data DIR] [--corpus detik utusan bbc idner-train idner-dev nerp-valid]``
tags every sentence of each corpus with both engines: the numpy one as the analysis calls it (all
sentences of a document side by side; NER sets in groups of 20), crfsuite one sentence at a time
on the full ``features.sentence_features`` rows. It prints, per corpus, the sentences whose tags
differ and the largest difference between the marginals of any label at any token, and exits 1
when any tag differs or a marginal differs by more than 1e-6.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from newsetl.transforms.entities import crf, features
from newsetl.transforms.entities.crf_scores import marginals
from newsetl.transforms.entities.gazetteer import gazetteer_matches
from newsetl.transforms.entities.tokens import sentences, tokens
from newsetl_dev.profile_analysis import CORPORA, corpus_batches
from newsetl_dev.train_ner import DEFAULT_DATA, conll_sentences, sentence_gazetteer_tags

NER_SETS = {"idner-train": "idner-news-2k/train.txt", "idner-dev": "idner-news-2k/dev.txt",
            "nerp-valid": "nerp/valid_preprocess.txt"}
TOLERANCE = 1e-6


def corpus_groups(data: Path, name: str) -> list[list[tuple[list[str], list[str]]]]:
    """Return the ``(words, gazetteer tags)`` sentences of a corpus, grouped as the engine receives them."""
    if name in NER_SETS:
        rows = [(words, sentence_gazetteer_tags(words)) for words, _ in conll_sentences(data / "ner" / NER_SETS[name])]
        return [rows[i:i + 20] for i in range(0, len(rows), 20)]
    file_name, columns = CORPORA[name]
    groups = []
    for batch in corpus_batches(data / "news" / file_name, columns):
        for text in batch["raw_text"]:
            toks = tokens(text)
            tags = features.gazetteer_tags(len(toks), gazetteer_matches(toks, text, "id", tagger_only=True))
            texts = [t.text for t in toks]
            group = [(texts[a:b], tags[a:b]) for a, b in sentences(text, toks) if b > a]
            if group:
                groups.append(group)
    return groups


def compared(groups) -> tuple[int, int, int, float, int]:
    """Return (sentences, tokens, sentences whose tags differ, largest marginal difference,
    groups whose keyed state scores are not exactly the string path's)."""
    tagger = crf._tagger()
    tables, transitions, labels = crf._local.tables, crf._local.transitions, crf._local.labels
    n_sentences = n_tokens = differ = unequal = 0
    worst = 0.0
    for group in groups:
        got = crf._numpy_tags_and_odds([(words, tags, []) for words, tags in group], with_odds=False)
        order = sorted(range(len(group)), key=lambda k: -len(group[k][0]))
        lengths = [len(group[k][0]) for k in order]
        scores = tables.state_scores([group[k] for k in order])
        unequal += not np.array_equal(scores, tables.string_state_scores([group[k] for k in order]))
        probabilities = marginals(scores, lengths, transitions)
        for row, k in enumerate(order):
            words, tags = group[k]
            expected = tagger.tag(features.sentence_features(words, tags))
            n_sentences += 1
            n_tokens += len(words)
            if expected != got[k][0]:
                differ += 1
                continue
            for t in range(len(words)):
                for y, label in enumerate(labels):
                    worst = max(worst, abs(tagger.marginal(label, t) - probabilities[row, t, y]))
    return n_sentences, n_tokens, differ, worst, unequal


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--corpus", nargs="+", default=[*CORPORA, *NER_SETS])
    args = parser.parse_args(argv)
    if crf._tagger() is None or crf._local.tables is None:
        sys.exit("no CRF model, or the numpy engine cannot read it")
    failed = False
    for name in args.corpus:
        n_sentences, n_tokens, differ, worst, unequal = compared(corpus_groups(args.data, name))
        failed |= differ > 0 or worst > TOLERANCE or unequal > 0
        print(f"{name}: {n_sentences} sentences, {n_tokens} tokens: tags differ on {differ}, "
              f"largest marginal difference {worst:.2e}, keyed scores differ from string scores "
              f"in {unequal} groups", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
