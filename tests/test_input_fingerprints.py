"""Unchanged input files are not decoded again on a re-run (issue 20): ``raw.input_files`` fingerprints."""

from __future__ import annotations

import json
import os

import duckdb
import pytest

from newsetl.flows import noop
from newsetl.flows.fingerprints import read_key
from newsetl.flows.pipeline import run_without_prefect
from newsetl.transforms.inputs import ReadOptions
from newsetl_dev import bench

OPTIONS = {"max_bytes": 20 * 2**20, "batch_size": 500}


@pytest.fixture
def loaded(tmp_path, monkeypatch):
    """Six synthetic articles from the seeds in two JSONL shards, loaded once."""
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    inbox = tmp_path / "inbox"
    paths, _ = bench.write_shards(bench.seed_texts(), inbox, 6, shard_docs=3)
    db = tmp_path / "w.duckdb"
    run_without_prefect([inbox], db, workers=1, runner="threads")
    return inbox, db, sorted(paths)


def _decoded(monkeypatch) -> list[tuple[str, ...]]:
    """Record the slices ``nothing_new`` decodes."""
    calls, real = [], noop.slice_content

    def spy(piece, *args, **kwargs):
        calls.append(piece.paths)
        return real(piece, *args, **kwargs)

    monkeypatch.setattr(noop, "slice_content", spy)
    return calls


def test_a_run_stores_one_fingerprint_per_file_and_a_rerun_decodes_none(loaded, monkeypatch):
    inbox, db, paths = loaded
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT path, records, size_bytes FROM raw.input_files ORDER BY path").fetchall()
    finally:
        con.close()
    assert rows == [(str(p.resolve()), 3, p.stat().st_size) for p in paths]
    calls = _decoded(monkeypatch)
    assert noop.nothing_new([inbox], db, read_options=ReadOptions(), **OPTIONS) == 6
    assert calls == []


@pytest.mark.parametrize("change, expected", [
    ("touch", 6),             # same bytes, new mtime: decoded, all known
    ("new record", None),     # a new article appended
    ("same size edit", None), # one letter changed: same size, new hash, a new document
])
def test_a_changed_file_is_decoded_again(loaded, monkeypatch, change, expected):
    inbox, db, paths = loaded
    target = paths[0]
    data = target.read_bytes()
    if change == "new record":
        extra = bench.seed_texts()[0].split("\n\n")[0]
        data += (json.dumps({"text": extra + " Tambahan."}, ensure_ascii=False) + "\n").encode()
    elif change == "same size edit":
        at = data.index(b"a", 20)
        data = data[:at] + b"e" + data[at + 1:]
    stat = target.stat()
    target.write_bytes(data)
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    calls = _decoded(monkeypatch)
    found: list[dict] = []
    assert noop.nothing_new([inbox], db, read_options=ReadOptions(), input_files=found, **OPTIONS) == expected
    assert [c[0] for c in calls] == [str(target)] * len(calls) and calls
    if expected is not None:  # the decoded file's new fingerprint is offered for storing
        assert [(r["path"], r["records"]) for r in found] == [(str(target.resolve()), 3)]


def test_other_read_settings_decode_again(loaded, monkeypatch):
    inbox, db, _ = loaded
    assert read_key(ReadOptions(), OPTIONS["max_bytes"]) != read_key(ReadOptions(date_format="%d/%m/%Y"), OPTIONS["max_bytes"])
    calls = _decoded(monkeypatch)
    assert noop.nothing_new([inbox], db, read_options=ReadOptions(date_format="%d/%m/%Y"), **OPTIONS) == 6
    assert len(calls) == 2


def test_the_noop_run_stores_what_it_decoded(loaded, monkeypatch):
    inbox, db, paths = loaded
    for path in paths:
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    found: list[dict] = []
    assert noop.nothing_new([inbox], db, read_options=ReadOptions(), input_files=found, **OPTIONS) == 6
    noop.recorded_noop_run([inbox], db, 6, max_analysis_chars=200_000, input_files=found,
                           input_files_key=read_key(ReadOptions(), OPTIONS["max_bytes"]))
    calls = _decoded(monkeypatch)
    assert noop.nothing_new([inbox], db, read_options=ReadOptions(), **OPTIONS) == 6
    assert calls == []
