"""The committed Indonesian CRF: size, dev-set F1, deterministic rebuild, speed."""

from importlib import resources
from pathlib import Path

import pytest

from newsetl.transforms.entities import entity_mentions

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
IDNER = DATA / "ner" / "idner-news-2k"
MODEL = resources.files("newsetl.transforms.entities").joinpath("ner_id.crfsuite")
needs_data = pytest.mark.skipif(not (IDNER / "dev.txt").is_file(), reason=f"reference data missing: {IDNER}")


def test_model_is_committed_and_small():
    assert MODEL.is_file()
    assert len(MODEL.read_bytes()) < 3_000_000


@needs_data
def test_dev_micro_f1_reaches_the_target():
    from newsetl_dev.eval_ner import dev_scores

    scores = dev_scores(DATA)
    assert scores["micro"][2] >= 0.80, scores
    for kind in ("PERSON", "ORG", "LOC"):
        assert scores[kind][2] >= 0.70, (kind, scores[kind])


@needs_data
@pytest.mark.slow
def test_training_rebuilds_the_committed_model_byte_for_byte(tmp_path):
    from newsetl_dev.train_ner import CRF_PARAMS, train

    out = tmp_path / "ner_id.crfsuite"
    train(DATA, out, CRF_PARAMS)
    assert out.read_bytes() == MODEL.read_bytes()
