"""``pipeline_version`` changes with what decides a document's stored analysis, and with nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import newsetl.transforms
from newsetl.flows.version import PACKAGE_VERSION, content_digest, pipeline_version, transform_files
from newsetl.warehouse.loading import DERIVED_TABLES
from newsetl.warehouse.schema import ddl_scripts, stored_columns

ROOT = Path(__file__).resolve().parents[1]
TRANSFORMS = Path(newsetl.transforms.__file__).parent
STAGING = [f"staging.{table}" for table in DERIVED_TABLES]


@pytest.fixture()
def checkout(tmp_path):
    """A copy of transforms/ and newsetl_dev/ side by side, to edit freely."""
    for folder in ("transforms", "newsetl_dev"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_version_is_the_package_version_and_the_digest():
    assert pipeline_version() == f"{PACKAGE_VERSION}+{content_digest(TRANSFORMS, stored_columns(STAGING))}"
    assert re.fullmatch(r".+\+[0-9a-f]{12}", pipeline_version())


# (folder, file edited, whether the digest must change): dev tools never, transform code, data and model always.
EDITS = [("newsetl_dev", "bench.py", False), ("newsetl_dev", "synthetic_corpus.py", False),
         ("transforms", "facts/quotes.py", True), ("transforms", "data/known_outlets.tsv", True),
         ("transforms", "entities/ner_id.crfsuite", True)]


@pytest.mark.parametrize(("folder", "edited", "changes"), EDITS, ids=[edit[1] for edit in EDITS])
def test_only_transform_files_change_the_digest(checkout, folder, edited, changes):
    staging = stored_columns(STAGING)
    before = content_digest(checkout / "transforms", staging)
    assert (checkout / folder / edited).is_file()
    with (checkout / folder / edited).open("ab") as handle:
        handle.write(b"\n")
    assert (content_digest(checkout / "transforms", staging) != before) is changes


def test_the_hash_covers_every_transform_module_and_its_model():
    hashed = {path.relative_to(TRANSFORMS).as_posix() for path in transform_files(TRANSFORMS)}
    modules = {path.relative_to(TRANSFORMS).as_posix() for path in TRANSFORMS.rglob("*.py") if "__pycache__" not in path.parts}
    assert modules <= hashed
    assert "entities/ner_id.crfsuite" in hashed


def _edited(name: str, old: str, new: str) -> list[tuple[str, str]]:
    scripts = dict(ddl_scripts())
    assert old in scripts[name]
    scripts[name] = scripts[name].replace(old, new)
    return list(scripts.items())


@pytest.mark.parametrize(
    ("name", "old", "new", "changes"),
    [
        ("staging.documents", "CREATE TABLE IF NOT EXISTS staging.documents (",
         "CREATE TABLE IF NOT EXISTS staging.documents (\n    byline VARCHAR,", True),
        ("staging.event_counts", "ALTER COLUMN value DROP NOT NULL", "ALTER COLUMN text DROP NOT NULL", True),
        ("staging.documents", "COMMENT ON TABLE staging.documents IS '", "COMMENT ON TABLE staging.documents IS 'Edited. ", False),
        ("raw.documents", "CREATE TABLE IF NOT EXISTS raw.documents (",
         "CREATE TABLE IF NOT EXISTS raw.documents (\n    byline VARCHAR,", False),
    ],
    ids=["staging-column-added", "staging-nullability", "staging-comment", "raw-column-added"],
)
def test_only_the_derived_staging_columns_count(name, old, new, changes):
    assert (stored_columns(STAGING, _edited(name, old, new)) != stored_columns(STAGING)) is changes
