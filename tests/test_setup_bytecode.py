"""`make setup` compiles bytecode (issue 19): Prefect's server imports from .pyc even under PYTHONDONTWRITEBYTECODE=1."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("module", ["prefect.server.api.server", "duckdb", "polars", "newsetl.flows.cli", "newsetl.transforms"])
def test_the_venv_and_the_project_hold_compiled_bytecode(module):
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin
    cached = Path(importlib.util.cache_from_source(spec.origin))
    assert cached.exists(), f"{cached} missing: run `make setup` (or `make bytecode`)"


def test_make_setup_runs_compileall():
    makefile = (ROOT / "Makefile").read_text()
    assert "compileall" in makefile
    setup_line = next(line for line in makefile.splitlines() if line.startswith("setup:"))
    assert ".newsetl-bytecode" in setup_line
