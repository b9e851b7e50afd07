"""A writer slot per warehouse file (issue 19): its name comes from the resolved path."""

from __future__ import annotations

import os

import pytest

from newsetl.flows.writer_slot import WRITER_LIMIT, writer_limit_name


@pytest.mark.parametrize(("a", "b"), [
    ("warehouse/news.duckdb", "/srv/newsetl/news.duckdb"),
    ("inbox-a.duckdb", "inbox-b.duckdb"),
    ("/data/detik/news.duckdb", "/data/utusan/news.duckdb"),
])
def test_different_files_get_different_limits(a, b):
    assert writer_limit_name(a) != writer_limit_name(b)
    assert writer_limit_name(a).startswith(WRITER_LIMIT + "-")


def test_the_same_file_by_any_path_gets_one_limit(tmp_path, monkeypatch):
    real = tmp_path / "real" / "news.duckdb"
    real.parent.mkdir()
    link = tmp_path / "link.duckdb"
    os.symlink(real, link)
    monkeypatch.chdir(tmp_path)
    names = {writer_limit_name(p) for p in (real, "real/news.duckdb", "./real/../real/news.duckdb", link)}
    assert len(names) == 1
