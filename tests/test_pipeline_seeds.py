"""The real flow, end to end under Prefect's test harness, on the five seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from tests.helpers.warehouse import rows as warehouse_rows

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_warehouse(prefect_harness, tmp_path_factory):
    from newsetl.flows.pipeline import run_pipeline

    root = tmp_path_factory.mktemp("seedrun")
    db = root / "news.duckdb"
    first = run_pipeline([copy_seeds(root / "seeds")], db, runner="threads")
    second = run_pipeline([root / "seeds"], db, runner="threads")
    return db, first, second


def test_first_run_loads_the_five_seeds_in_indonesian(seed_warehouse):
    db, first, _ = seed_warehouse
    assert first["status"] == "completed" and first["documents_loaded"] == 5
    assert warehouse_rows(db, "SELECT language, count(*) FROM marts.documents GROUP BY 1") == [("id", 5)]


def test_outlets_and_dateline_places(seed_warehouse):
    db, _, _ = seed_warehouse
    outlets = {row[0] for row in warehouse_rows(db, "SELECT outlet FROM marts.documents")}
    assert outlets == {"bisnis.com", "penapembaharu.com", "serambinews.com", "sinarpost.com", "sosok.id"}
    places = {row[0] for row in warehouse_rows(db, "SELECT dateline_place FROM marts.documents WHERE dateline_place IS NOT NULL")}
    assert {"Baku", "Yerevan", "Jakarta"} <= places and places & {"Moskow", "Moscow"}


def test_serambinews_section_and_title(seed_warehouse):
    db, _, _ = seed_warehouse
    [(section, title)] = warehouse_rows(db, "SELECT section, title FROM marts.documents WHERE outlet = 'serambinews.com'")
    assert section == "Internasional" and title.startswith("2.000 Militan")


def test_boilerplate_is_out_of_the_body(seed_warehouse):
    db, _, _ = seed_warehouse
    assert warehouse_rows(db, "SELECT count(*) FROM marts.documents WHERE lower(body_text) LIKE '%baca juga%'") == [(0,)]
    assert warehouse_rows(db, "SELECT sum(boilerplate_lines) FROM marts.documents")[0][0] >= 4


def test_every_offset_reproduces_its_text(seed_warehouse):
    db, _, _ = seed_warehouse
    for table, column in [("paragraphs", "text"), ("temporal_expressions", "text"), ("entity_mentions", "text"),
                          ("quotes", "quote_text"), ("source_citations", "source_name"), ("event_counts", "text")]:
        bad = warehouse_rows(db, f"""
            SELECT count(*) FROM marts.{table} t JOIN raw.documents r USING (document_id)
            WHERE substr(r.raw_text, t.start_offset + 1, t.end_offset - t.start_offset) <> t.{column}""")
        assert bad == [(0,)], table
    assert warehouse_rows(db, "SELECT count(*) FROM marts.paragraphs")[0][0] > 50


def test_second_run_loads_nothing_and_skips_everything(seed_warehouse):
    db, _, second = seed_warehouse
    assert second["documents_loaded"] == 0 and second["documents_skipped"] == 5
    runs = warehouse_rows(db, "SELECT status, documents_loaded, documents_skipped FROM marts.pipeline_runs ORDER BY started_at")
    assert runs == [("completed", 5, 0), ("completed", 0, 5)]
    assert warehouse_rows(db, "SELECT count(*) FROM raw.documents") == [(5,)]


def test_data_checks_recorded_and_passing(seed_warehouse):
    db, first, _ = seed_warehouse
    results = warehouse_rows(db, f"SELECT check_name, status FROM marts.data_checks WHERE run_id = '{first['run_id']}'")
    assert len(results) >= 10
    assert {status for _, status in results} == {"pass"}


def test_jsonl_metadata_date_and_rejects(prefect_harness, tmp_path):
    from newsetl.flows.pipeline import run_pipeline

    folder = tmp_path / "inbox"
    folder.mkdir()
    good = {"id": "a-1", "text": "Bisnis.com, JAKARTA - Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada hari ini.",
            "published_at": "2020-09-29", "title": "Bendungan baru", "url": "https://example.com/a-1", "source": "bisnis"}
    (folder / "articles.jsonl").write_text(json.dumps(good) + "\n{broken json\n", encoding="utf-8")
    (folder / "image.txt").write_bytes(bytes(range(256)) * 8)
    summary = run_pipeline([folder], tmp_path / "w.duckdb", runner="threads")
    assert summary["status"] == "completed" and summary["documents_loaded"] == 1
    db = tmp_path / "w.duckdb"
    assert warehouse_rows(db, "SELECT published_date::VARCHAR, published_date_source, title, external_id FROM marts.documents") == [
        ("2020-09-29", "metadata", "Bendungan baru", "a-1")
    ]
    reasons = sorted(row[0] for row in warehouse_rows(db, "SELECT reason FROM raw.rejects"))
    assert reasons == ["binary", "malformed_json"]


def test_reprocess_rebuilds_stale_rows_without_reading_inputs(prefect_harness, tmp_path, monkeypatch):
    from newsetl.flows import pipeline as pipeline_module
    from newsetl.flows.pipeline import run_pipeline

    db = tmp_path / "w.duckdb"
    run_pipeline([copy_seeds(tmp_path / "seeds")], db, runner="threads")
    # A new transforms version: every document is stale. Inputs are gone to prove they are not read.
    monkeypatch.setattr(pipeline_module, "pipeline_version", lambda: "0.1.0+changed")
    for path in (tmp_path / "seeds").glob("*.txt"):
        path.unlink()
    summary = run_pipeline([], db, runner="threads", reprocess=True)
    assert summary["mode"] == "reprocess" and summary["documents_loaded"] == 5
    assert warehouse_rows(db, "SELECT DISTINCT pipeline_version FROM staging.documents") == [("0.1.0+changed",)]
    assert warehouse_rows(db, "SELECT count(*) FROM raw.documents") == [(5,)]
    again = run_pipeline([], db, runner="threads", reprocess=True)
    assert again["documents_loaded"] == 0


@pytest.mark.parametrize("query_file", sorted((Path(__file__).parents[1] / "warehouse" / "queries").glob("*.sql")), ids=lambda p: p.stem)
def test_example_queries_run_on_the_seed_warehouse(seed_warehouse, query_file):
    db, _, _ = seed_warehouse
    rows = warehouse_rows(db, query_file.read_text(encoding="utf-8"))
    if query_file.stem in {"documents_by_outlet", "top_people", "who_said_what", "death_tolls_by_outlet"}:
        assert rows, f"{query_file.name} returned nothing on the seeds"


_DERIVED = {
    "staging.documents": "document_id, language, language_confidence, published_date, title, outlet",
    "staging.paragraphs": "document_id, start_offset, end_offset, language",
    "staging.temporal_expressions": "document_id, start_offset, end_offset, value, range_start, range_end",
    "staging.entity_mentions": "document_id, start_offset, end_offset, entity_type, entity_key",
    "staging.quotes": "document_id, start_offset, end_offset, speaker_text, cited_source",
    "staging.source_citations": "document_id, start_offset, end_offset, source_name, entity_key",
    "staging.event_counts": "document_id, start_offset, end_offset, count_type, value",
    "marts.entities": "entity_id, canonical_name, mention_count",
}


def _derived_rows(db: Path) -> dict[str, list[tuple]]:
    return {table: warehouse_rows(db, f"SELECT {columns} FROM {table} ORDER BY ALL") for table, columns in _DERIVED.items()}


def test_lean_processes_and_the_steps_without_prefect_build_the_same_rows(seed_warehouse, tmp_path):
    """The processes runner and run_without_prefect (the bench's yardstick) do the same work as the flow on threads."""
    from newsetl.flows.pipeline import run_pipeline, run_without_prefect

    db, _, _ = seed_warehouse
    expected = _derived_rows(db)
    assert all(expected[t] for t in ("staging.entity_mentions", "staging.quotes", "marts.entities"))
    seeds = copy_seeds(tmp_path / "seeds")
    processes = run_pipeline([seeds], tmp_path / "processes.duckdb", runner="processes", workers=2)
    plain = run_without_prefect([seeds], tmp_path / "plain.duckdb", workers=2)
    assert processes["status"] == plain["status"] == "completed"
    assert processes["documents_loaded"] == plain["documents_loaded"] == 5
    assert _derived_rows(tmp_path / "processes.duckdb") == expected
    assert _derived_rows(tmp_path / "plain.duckdb") == expected
    checks = warehouse_rows(tmp_path / "plain.duckdb", "SELECT DISTINCT status FROM marts.data_checks")
    assert checks == [("pass",)]
