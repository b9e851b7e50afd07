"""The trained Indonesian CRF tagger (``ner_id.crfsuite``, built by ``newsetl_dev.train_ner``).

Tags and marginals come from numpy (``crf_scores``: the model's exact weights, cached per-token
score vectors, Viterbi and forward-backward over all sentences of a call); crfsuite itself is the
fallback when the model file cannot be read that way, and the check of each thread's first sentences.
"""

from __future__ import annotations

import struct
import threading
import warnings
from importlib import resources

import pycrfsuite

from newsetl.transforms.entities.crf_scores import ScoreTables, marginals, model_weights, viterbi_labels
from newsetl.transforms.entities.features import ModelFeatures

MODEL_FILE = "ner_id.crfsuite"
# The labels whose marginals ``tags_and_person_odds`` reports.
_ODDS_LABELS = ("O", "B-PERSON")
# Each thread's first sentences are tagged by both engines; any difference switches it to crfsuite.
_CHECKED_SENTENCES = 3
_CHECK_TOLERANCE = 1e-9
# One tagger per thread: crfsuite taggers keep per-call state and are not thread-safe, nor are
# the score tables' caches.
_local = threading.local()


def _tagger() -> pycrfsuite.Tagger | None:
    """Return this thread's opened tagger, or None when the model file is missing."""
    tagger = getattr(_local, "tagger", False)
    if tagger is False:
        tagger = None
        _local.tables = None
        ref = resources.files(__package__).joinpath(MODEL_FILE)
        if ref.is_file():
            with resources.as_file(ref) as path:
                tagger = pycrfsuite.Tagger()
                tagger.open(str(path))
            # Only the attributes with weights matter to the tagger; building just those is
            # ~2x cheaper and gives the same tags and marginals (features.ModelFeatures).
            _local.features = ModelFeatures(frozenset(attribute for attribute, _ in tagger.info().state_features))
            _local.tables = _score_tables(ref.read_bytes(), tagger, _local.features)
            _local.unchecked = _CHECKED_SENTENCES
        _local.tagger = tagger
    return tagger


def _score_tables(data: bytes, tagger: pycrfsuite.Tagger, features: ModelFeatures):
    """Return numpy score tables for the model, or None (crfsuite tags alone) when it cannot be read."""
    try:
        weights = model_weights(data)
    except (ValueError, struct.error) as exc:
        warnings.warn(f"CRF model not readable by the numpy tagger, using crfsuite: {exc}", stacklevel=2)
        return None
    if list(weights.labels) != list(tagger.labels()) or not set(_ODDS_LABELS) <= set(weights.labels):
        warnings.warn("CRF model labels differ between crfsuite and the numpy tagger, using crfsuite", stacklevel=2)
        return None
    _local.label_ids = {label: i for i, label in enumerate(weights.labels)}
    _local.transitions = weights.transitions
    _local.labels = weights.labels
    return ScoreTables(weights, features)


def _features(words: list[str], gazetteer_tags: list[str]) -> list[list[str]]:
    return _local.features.sentence_features(words, gazetteer_tags)


def reset_model_cache() -> None:
    """Forget this thread's opened model (used after retraining in the same process)."""
    for name in ("tagger", "features", "tables"):
        _local.__dict__.pop(name, None)


def _crfsuite_tags_and_odds(words, gazetteer_tags, probes):
    tagger = _local.tagger
    tags = tagger.tag(_features(words, gazetteer_tags))
    odds = {i: (tagger.marginal("O", i), tagger.marginal("B-PERSON", i)) for i in probes if tags[i] == "O"}
    return tags, odds


def _numpy_tags_and_odds(sentences, with_odds: bool):
    """Return ``(tags, odds)`` per sentence from the numpy engine (sentences run side by side, longest first)."""
    order = sorted(range(len(sentences)), key=lambda k: -len(sentences[k][0]))
    lengths = [len(sentences[k][0]) for k in order]
    scores = _local.tables.state_scores([sentences[k][:2] for k in order])
    labels = _local.labels
    results = [None] * len(sentences)
    for k, path in zip(order, viterbi_labels(scores, lengths, _local.transitions)):
        results[k] = ([labels[y] for y in path], {})
    if not with_odds:
        return results
    # Marginals only for the sentences that have a probe tagged O.
    wanted = [row for row, k in enumerate(order) if any(results[k][0][i] == "O" for i in sentences[k][2])]
    if wanted:
        probabilities = marginals(scores[wanted], [lengths[row] for row in wanted], _local.transitions)
        o, person = _local.label_ids["O"], _local.label_ids["B-PERSON"]
        for at, row in enumerate(wanted):
            k = order[row]
            tags, odds = results[k]
            picked = [i for i in sentences[k][2] if tags[i] == "O"]
            for i, p_o, p_person in zip(picked, probabilities[at, picked, o].tolist(),
                                        probabilities[at, picked, person].tolist()):
                odds[i] = (p_o, p_person)
    return results


def _checked(sentences, results) -> bool:
    """Return whether crfsuite gives the same tags and odds (all probes) as ``results``; switch to it if not."""
    for (words, gazetteer_tags, probes), (tags, odds) in zip(sentences, results):
        if _local.unchecked <= 0:
            break
        _local.unchecked -= 1
        expected_tags, expected_odds = _crfsuite_tags_and_odds(words, gazetteer_tags, probes)
        same = expected_tags == tags and expected_odds.keys() == odds.keys() and all(
            abs(a - b) <= _CHECK_TOLERANCE for i in odds for a, b in zip(odds[i], expected_odds[i]))
        if not same:
            warnings.warn("numpy CRF tagger disagrees with crfsuite, using crfsuite", stacklevel=3)
            _local.tables = None
            return False
    return True


def sentences_tags_and_person_odds(
    sentences: list[tuple[list[str], list[str], list[int]]], with_odds: bool = True
) -> list[tuple[list[str], dict[int, tuple[float, float]]]]:
    """Return, for each ``(words, gazetteer_tags, probes)`` sentence, what ``tags_and_person_odds`` returns."""
    tagger = _tagger()
    if tagger is None:
        return [(["O"] * len(words), {}) for words, _, _ in sentences]
    todo = [k for k, (words, _, _) in enumerate(sentences) if words]
    results = [(["O"] * len(words), {}) for words, _, _ in sentences]
    if not todo:
        return results
    if _local.tables is not None:
        chosen = [sentences[k] for k in todo]
        got = _numpy_tags_and_odds(chosen, with_odds)
        if _local.unchecked <= 0 or _checked(chosen if with_odds else [(w, t, []) for w, t, _ in chosen], got):
            for k, result in zip(todo, got):
                results[k] = result
            return results
    for k in todo:
        words, gazetteer_tags, probes = sentences[k]
        results[k] = _crfsuite_tags_and_odds(words, gazetteer_tags, probes if with_odds else [])
    return results


def bio_tags(words: list[str], gazetteer_tags: list[str]) -> list[str]:
    """Return one BIO tag (``B-PERSON``, ``I-ORG``, ``O``...) per word of one sentence."""
    return sentences_tags_and_person_odds([(words, gazetteer_tags, [])], with_odds=False)[0][0]


def tags_and_person_odds(
    words: list[str], gazetteer_tags: list[str], probes: list[int]
) -> tuple[list[str], dict[int, tuple[float, float]]]:
    """Return the BIO tags of one sentence and, for each probed word tagged ``O``, its
    marginal probabilities ``(P(O), P(B-PERSON))``."""
    return sentences_tags_and_person_odds([(words, gazetteer_tags, probes)])[0]


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
