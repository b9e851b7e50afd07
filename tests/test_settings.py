"""One settings module: every newsetl environment variable is read there and documented once."""

from __future__ import annotations

import re
import subprocess

import yaml

from newsetl import settings
from tests.conftest import ROOT


def test_only_the_settings_module_reads_newsetl_environment_variables():
    found = subprocess.run(["grep", "-rln", "--include=*.py", "NEWSETL_", "flows", "transforms", "warehouse", "newsetl"],
                           cwd=ROOT, capture_output=True, text=True).stdout.split()
    readers = [path for path in found
               if re.search(r"environ(\.get)?\s*[\[(]\s*[\"']NEWSETL_", (ROOT / path).read_text(encoding="utf-8"))]
    assert readers == [], readers


def test_every_variable_is_documented_in_operations():
    operations = (ROOT / "OPERATIONS.md").read_text(encoding="utf-8")
    for name, (default, _) in settings.ENVIRONMENT.items():
        assert f"| `{name}` | `{default}` |" in operations, name


def test_deployments_wait_as_long_as_the_settings_say():
    deployments = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]
    waits = {d["name"]: d["parameters"].get("wait_seconds") for d in deployments}
    assert waits and set(waits.values()) == {settings.WAIT_SECONDS}, waits


def test_environment_overrides_the_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSETL_DB", str(tmp_path / "elsewhere.duckdb"))
    monkeypatch.setenv("NEWSETL_DUCKDB_MEMORY_LIMIT", "200MB")
    monkeypatch.setenv("NEWSETL_WRITER_LIMIT", "off")
    monkeypatch.setenv("NEWSETL_WRITER_LEASE_SECONDS", "90")
    assert settings.db_from_environment() == tmp_path / "elsewhere.duckdb"
    assert settings.writer_lease_seconds() == 90.0
    assert settings.writer_memory_limit() == "200MB"
    assert settings.writer_limit_switched_on() is False
    monkeypatch.delenv("NEWSETL_DB")
    monkeypatch.delenv("NEWSETL_WRITER_LIMIT")
    assert settings.db_from_environment() == settings.DEFAULT_DB
    assert settings.writer_limit_switched_on() is True
    monkeypatch.setenv("NEWSETL_WRITER_LEASE_SECONDS", "1")
    assert settings.writer_lease_seconds() == settings.MIN_WRITER_LEASE_SECONDS
    monkeypatch.delenv("NEWSETL_WRITER_LEASE_SECONDS")
    assert settings.writer_lease_seconds() == 120.0
