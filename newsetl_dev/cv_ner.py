"""k-fold cross-validation of the CRF on idner-news-2k ``train.txt`` only, to choose c1/c2.

``python -m newsetl_dev.cv_ner --c1 0.1 --c2 0.01 [--folds 5]`` trains on k-1 folds (sentence
``i`` is in fold ``i % k``), tags the held-out fold, and prints span scores pooled over the folds
(same scorer as ``eval_ner``). ``dev.txt`` is never read: it stays an untouched check.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pycrfsuite

from newsetl_dev.eval_ner import span_scores
from newsetl_dev.train_ner import CRF_PARAMS, DEFAULT_DATA, conll_sentences, sentence_gazetteer_tags
from newsetl.transforms.entities import features


def cv_scores(data: Path, params: dict, folds: int = 5) -> dict[str, tuple[float, float, float, int]]:
    """Return span scores pooled over ``folds`` train/held-out splits of idner-news-2k train.txt."""
    sentences = conll_sentences(data / "ner" / "idner-news-2k" / "train.txt")
    rows = [features.sentence_features(words, sentence_gazetteer_tags(words)) for words, _ in sentences]
    pairs = []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(folds):
            trainer = pycrfsuite.Trainer(verbose=False)
            for i, (row, (_, tags)) in enumerate(zip(rows, sentences)):
                if i % folds != fold:
                    trainer.append(row, tags)
            trainer.set_params(params)
            path = str(Path(tmp) / f"fold{fold}.crfsuite")
            trainer.train(path)
            tagger = pycrfsuite.Tagger()
            tagger.open(path)
            pairs += [(tags, tagger.tag(row)) for i, (row, (_, tags)) in enumerate(zip(rows, sentences)) if i % folds == fold]
            tagger.close()
    return span_scores(pairs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--folds", type=int, default=5)
    for name in ("c1", "c2"):
        parser.add_argument(f"--{name}", type=float, default=CRF_PARAMS[name])
    args = parser.parse_args(argv)
    scores = cv_scores(args.data, {**CRF_PARAMS, "c1": args.c1, "c2": args.c2}, args.folds)
    print(f"c1={args.c1} c2={args.c2} folds={args.folds}")
    for kind, (p, r, f, n) in scores.items():
        print(f"{kind:<8}{p:8.3f}{r:8.3f}{f:8.3f}{n:7d}")


if __name__ == "__main__":
    main()
