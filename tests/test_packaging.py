"""The built wheel installs under the one name ``newsetl`` and runs the seeds like the checkout does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, copy_seeds
from tests.helpers.operations import seeds_warehouse

pytestmark = pytest.mark.slow

UV = Path(sys.executable).with_name("uv")
TABLES = ("raw.documents", "staging.documents", "staging.paragraphs", "staging.temporal_expressions",
          "staging.entity_mentions", "staging.quotes", "staging.source_citations", "staging.event_counts",
          "marts.entities")


def _row_counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def _env(tmp: Path, name: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PREFECT_API_URL", "NEWSETL_DB", "VIRTUAL_ENV"}}
    return {**env, "PREFECT_HOME": str(tmp / f"prefect-{name}"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """Return the ``bin`` folder of a fresh venv holding the locked dependencies and the built wheel."""
    if not UV.exists():
        pytest.skip(f"uv not found next to {sys.executable} (make setup installs it)")
    tmp = tmp_path_factory.mktemp("wheel")
    # Built from a copy: setuptools writes build/ and *.egg-info next to the sources it builds.
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__",
                                                              "*.duckdb*", ".pytest_cache", ".hypothesis"))
    steps = [
        [str(UV), "build", "--wheel", "--out-dir", str(tmp / "dist"), str(source)],
        [str(UV), "venv", "-q", "--python", sys.executable, str(tmp / "venv")],
        [str(UV), "pip", "install", "-q", "--python", str(tmp / "venv" / "bin" / "python"), "-r", str(ROOT / "requirements.lock")],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            pytest.skip(f"could not build or install ({' '.join(step[:3])}): {done.stderr[-500:]}")
    wheel = next((tmp / "dist").glob("newsetl-*.whl"))
    subprocess.run([str(UV), "pip", "install", "-q", "--no-deps", "--python", str(tmp / "venv" / "bin" / "python"), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    yield tmp / "venv" / "bin"
    shutil.rmtree(tmp, ignore_errors=True)


def test_the_wheel_claims_no_generic_top_level_names(installed):
    site = next((installed.parent / "lib").glob("python3*/site-packages"))
    names = {p.name for p in site.iterdir()}
    assert "newsetl" in names
    assert not names & {"flows", "transforms", "warehouse", "newsetl_dev"}, sorted(names & {"flows", "transforms", "warehouse"})
    assert (site / "newsetl" / "warehouse" / "column_producers.tsv").exists()
    assert (site / "newsetl" / "transforms" / "entities" / "ner_id.crfsuite").exists()


def test_the_installed_command_gives_the_checkout_row_counts(installed, tmp_path, prefect_server, tmp_path_factory):
    seeds = copy_seeds(tmp_path / "seeds")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    # The installed command on its own (Prefect's ephemeral API, as after `pip install`) ...
    done = subprocess.run([str(installed / "newsetl"), "run", str(seeds), "--db", str(tmp_path / "installed.duckdb")],
                          cwd=outside, env=_env(tmp_path, "installed"), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    # ... against the checkout's `newsetl run` of the same seeds: the session's one (tests/helpers/operations.py).
    checkout_db, _ = seeds_warehouse(prefect_server, tmp_path_factory)
    installed_counts = _row_counts(tmp_path / "installed.duckdb")
    assert installed_counts == _row_counts(checkout_db)
    assert installed_counts["raw.documents"] == len(list(seeds.glob("*.txt")))
