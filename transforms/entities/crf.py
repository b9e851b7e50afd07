"""The trained Indonesian CRF tagger (``ner_id.crfsuite``, built by ``newsetl_dev.train_ner``)."""

from __future__ import annotations

import threading
from importlib import resources

import pycrfsuite

from newsetl.transforms.entities.features import ModelFeatures

MODEL_FILE = "ner_id.crfsuite"
# One tagger per thread: crfsuite taggers keep per-call state and are not thread-safe.
_local = threading.local()


def _tagger() -> pycrfsuite.Tagger | None:
    """Return this thread's opened tagger, or None when the model file is missing."""
    tagger = getattr(_local, "tagger", False)
    if tagger is False:
        tagger = None
        ref = resources.files(__package__).joinpath(MODEL_FILE)
        if ref.is_file():
            with resources.as_file(ref) as path:
                tagger = pycrfsuite.Tagger()
                tagger.open(str(path))
            # Only the attributes with weights matter to the tagger; building just those is
            # ~2x cheaper and gives the same tags and marginals (features.ModelFeatures).
            _local.features = ModelFeatures(frozenset(attribute for attribute, _ in tagger.info().state_features))
        _local.tagger = tagger
    return tagger


def _features(words: list[str], gazetteer_tags: list[str]) -> list[list[str]]:
    return _local.features.sentence_features(words, gazetteer_tags)


def reset_model_cache() -> None:
    """Forget this thread's opened model (used after retraining in the same process)."""
    _local.__dict__.pop("tagger", None)
    _local.__dict__.pop("features", None)


def bio_tags(words: list[str], gazetteer_tags: list[str]) -> list[str]:
    """Return one BIO tag (``B-PERSON``, ``I-ORG``, ``O``...) per word of one sentence."""
    tagger = _tagger()
    if tagger is None or not words:
        return ["O"] * len(words)
    return tagger.tag(_features(words, gazetteer_tags))


def tags_and_person_odds(
    words: list[str], gazetteer_tags: list[str], probes: list[int]
) -> tuple[list[str], dict[int, tuple[float, float]]]:
    """Return the BIO tags of one sentence and, for each probed word tagged ``O``, its
    marginal probabilities ``(P(O), P(B-PERSON))``."""
    tagger = _tagger()
    if tagger is None or not words:
        return ["O"] * len(words), {}
    tags = tagger.tag(_features(words, gazetteer_tags))
    odds = {i: (tagger.marginal("O", i), tagger.marginal("B-PERSON", i)) for i in probes if tags[i] == "O"}
    return tags, odds


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Return ``(first, last + 1, type)`` spans read from BIO tags; a stray ``I-`` opens a span."""
    spans = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (prefix != "I" or label != kind):
            spans.append((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and start is None:
            start, kind = i, label
    return spans
