"""Issue 15 (1-3): one document never sinks a batch, no duplicate reaches a key, analysis cost is bounded.

Texts are real news sentences (Detik/Antara-style Indonesian, BBC English).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timezone

import duckdb
import polars as pl
import pytest

import newsetl.transforms.document_batch as document_batch
from newsetl.transforms.batch_safety import (
    TABLE_KEYS, analysis_prefix, mismatched_spans, storable_count, unique_on_key,
)
from newsetl.transforms.document_batch import TABLE_SCHEMAS, analysed_batch
from newsetl.warehouse import checks, loading
from newsetl.warehouse.schema import applied_schema, ddl_scripts

FLOOD = ("Sebanyak {n} orang tewas dalam banjir bandang yang melanda Garut, Jawa Barat, Selasa (20/9/2016), "
         "kata Kepala Pusat Data BNPB Sutopo Purwo Nugroho.")
BBC = ("Ad sales boost Time Warner profit. Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn "
       "for the three months to December, from $639m year-earlier. ")
NOW = datetime(2020, 10, 4, tzinfo=timezone.utc)


def _frame(*texts: str) -> pl.DataFrame:
    return pl.DataFrame(
        {"document_id": [f"d_{i}" for i in range(len(texts))], "raw_text": list(texts), "published_date": [None] * len(texts)},
        schema={"document_id": pl.String, "raw_text": pl.String, "published_date": pl.Date},
    )


@pytest.mark.parametrize("value, stored", [
    (9223372036854775807, 9223372036854775807),
    (9223372036854775808, None),
    (10**30, None),
    (-(2**63) - 1, None),
    (12, 12),
    ("not a number", None),
])
def test_storable_count_keeps_what_fits_bigint(value, stored):
    assert storable_count(value) == stored


@pytest.mark.parametrize("n", ["9223372036854775808", "99999999999999999999999"])
def test_a_count_too_large_for_bigint_is_stored_null_with_its_text(n):
    frames = analysed_batch(_frame(FLOOD.format(n=n), FLOOD.format(n="12")))
    docs = {d["document_id"]: d for d in frames["documents"].to_dicts()}
    assert docs["d_0"]["analysis_error"] is None and docs["d_1"]["analysis_error"] is None
    counts = {c["document_id"]: c for c in frames["event_counts"].to_dicts()}
    assert counts["d_0"]["value"] is None and n in counts["d_0"]["text"]
    assert counts["d_1"]["value"] == 12


def test_a_row_that_will_not_build_costs_only_its_own_documents_facts(monkeypatch):
    real = document_batch._fact_rows

    def overflowing(document_id, *facts):
        rows = real(document_id, *facts)
        if document_id == "d_0":  # an offset no Int32 column holds: the frame build raises
            rows["entity_mentions"].append(dict(rows["entity_mentions"][0], start_offset=2**40, end_offset=2**40 + 5))
        return rows

    monkeypatch.setattr(document_batch, "_fact_rows", overflowing)
    monkeypatch.setattr(document_batch, "mismatched_spans", lambda raw, rows: {})
    frames = analysed_batch(_frame(FLOOD.format(n="12"), FLOOD.format(n="7")))
    docs = {d["document_id"]: d for d in frames["documents"].to_dicts()}
    assert docs["d_0"]["analysis_error"].startswith("frames: ")
    assert docs["d_1"]["analysis_error"] is None
    assert set(frames["entity_mentions"]["document_id"]) == {"d_1"}
    assert set(frames["paragraphs"]["document_id"]) == {"d_0", "d_1"}
    assert docs["d_0"]["language"] == "id"  # structure and language are kept


def test_a_structure_failure_keeps_the_text_as_one_paragraph(monkeypatch):
    def broken(text, *args):
        if "Garut" in text:
            raise RecursionError("too deep")
        return real(text, *args)

    real = document_batch.document_structure
    monkeypatch.setattr(document_batch, "document_structure", broken)
    text = FLOOD.format(n="12")
    frames = analysed_batch(_frame(text, BBC))
    docs = {d["document_id"]: d for d in frames["documents"].to_dicts()}
    assert docs["d_0"]["analysis_error"] == "structure: RecursionError: too deep"
    [para] = frames["paragraphs"].filter(pl.col("document_id") == "d_0").to_dicts()
    assert text[para["start_offset"]:para["end_offset"]] == para["text"] == text
    assert docs["d_1"]["analysis_error"] is None


def test_mentions_repeating_a_key_are_loaded_once(monkeypatch):
    real = document_batch.entity_mentions
    monkeypatch.setattr(document_batch, "entity_mentions", lambda text, language: (found := real(text, language)) + found)
    frames = analysed_batch(_frame(FLOOD.format(n="12")))
    mentions = frames["entity_mentions"]
    assert mentions.height > 0
    assert mentions.select(TABLE_KEYS["entity_mentions"]).is_duplicated().sum() == 0


def test_unique_on_key_keeps_the_first_row_of_each_key():
    frame = pl.DataFrame({"document_id": ["a", "a", "a"], "start_offset": [0, 0, 5], "end_offset": [4, 4, 9],
                          "text": ["Wakil", "Wakil Gubernur", "Sutrisno"]})
    assert unique_on_key("entity_mentions", frame)["text"].to_list() == ["Wakil", "Sutrisno"]


def test_table_keys_are_the_keys_the_ddl_states():
    stated = {}
    for name, sql in ddl_scripts():
        match = re.search(r"COMMENT ON TABLE staging\.(\w+) IS '.*?Key: \(?([\w, ]+?)\)?\.", sql)
        if match:
            stated[match.group(1)] = tuple(c.strip() for c in match.group(2).split(","))
    assert {t: stated[t] for t in TABLE_KEYS} == TABLE_KEYS


@pytest.mark.parametrize("max_chars, expected", [
    (10, "Sebanyak"),  # cut at the last space, not inside "12"
    (1000, None),       # short enough: unchanged
])
def test_analysis_prefix_cuts_between_words(max_chars, expected):
    text = FLOOD.format(n="12")
    assert analysis_prefix(text, max_chars) == (expected if expected is not None else text)


def test_long_documents_are_analysed_on_their_first_chars_only():
    head = FLOOD.format(n="12") + "\n"
    tail = "Sedikitnya 40 orang tewas akibat longsor di Sumedang, Sabtu (9/1/2021).\n"
    text = head + tail * 50
    frames = analysed_batch(_frame(text), max_analysis_chars=len(head) + 10)
    [doc] = frames["documents"].to_dicts()
    assert doc["truncated_analysis"] is True and doc["analysis_error"] is None
    assert frames["event_counts"]["end_offset"].max() <= len(head) + 10
    assert frames["paragraphs"]["end_offset"].max() == len(text.rstrip("\n"))  # structure covers all of it
    [short] = analysed_batch(_frame(head))["documents"].to_dicts()
    assert short["truncated_analysis"] is False


def test_mismatched_spans_finds_offsets_that_miss_their_text():
    text = FLOOD.format(n="12")
    start = text.index("Garut")
    rows = {"entity_mentions": [{"start_offset": start, "end_offset": start + 5, "text": "Garut"},
                                {"start_offset": start, "end_offset": start + 5, "text": "Garu"},
                                {"start_offset": len(text), "end_offset": len(text) + 3, "text": "abc"}]}
    for row in rows["entity_mentions"]:
        row.update(entity_type="LOC", entity_key="garut")
    rows["entity_mentions"].append({"start_offset": start, "end_offset": start + 5, "text": "Garut",
                                    "entity_type": "LOC", "entity_key": None})  # NOT NULL in the DDL
    assert [r["text"] for r in mismatched_spans(text, rows)["entity_mentions"]] == ["Garu", "abc", "Garut"]


def test_a_span_pointing_at_the_wrong_text_is_dropped_and_noted(monkeypatch):
    real = document_batch.entity_mentions
    shifted = lambda text, language: [dataclasses.replace(m, start=m.start + 1) if i == 0 else m
                                      for i, m in enumerate(real(text, language))]
    monkeypatch.setattr(document_batch, "entity_mentions", shifted)
    text = FLOOD.format(n="12")
    frames = analysed_batch(_frame(text))
    [doc] = frames["documents"].to_dicts()
    assert doc["analysis_error"].startswith("spans: ") and "entity_mentions 1" in doc["analysis_error"]
    for row in frames["entity_mentions"].to_dicts():
        assert text[row["start_offset"]:row["end_offset"]] == row["text"]


def test_every_schema_lists_truncated_analysis():
    assert TABLE_SCHEMAS["documents"]["truncated_analysis"] == pl.Boolean


# --- the warehouse side --------------------------------------------------------------------------

PARAMS = {"languages": ["id", "en", "und"], "reject_reasons": ["empty"], "max_exact_chars": 200_000}
SENTENCE = "Wakil Gubernur Sutrisno meninjau lokasi banjir."


def _load(con, doc_id: str, run_id: str, mentions: list[tuple[int, int, str]], text: str = SENTENCE) -> None:
    raw = pl.DataFrame({"document_id": [doc_id], "source_uri": [f"file:///{doc_id}.txt"], "raw_text": [text],
                        "ingested_at": [NOW], "run_id": [run_id]})
    derived = {
        "documents": pl.DataFrame({"document_id": [doc_id], "language": ["id"], "pipeline_version": ["v1"],
                                   "run_id": [run_id], "processed_at": [NOW]}),
        "paragraphs": pl.DataFrame({"document_id": [doc_id], "paragraph_no": [1], "start_offset": [0],
                                    "end_offset": [len(text)], "text": [text], "language": ["id"], "is_boilerplate": [False]}),
        "entity_mentions": pl.DataFrame(
            {"document_id": [doc_id] * len(mentions), "start_offset": [m[0] for m in mentions],
             "end_offset": [m[1] for m in mentions], "text": [m[2] for m in mentions],
             "entity_type": ["PERSON"] * len(mentions), "entity_key": ["sutrisno"] * len(mentions)},
            schema_overrides={"start_offset": pl.Int32, "end_offset": pl.Int32}),
    }
    loading.loaded_batch(con, raw, derived)
    con.execute("INSERT INTO staging.entity_keys SELECT 'sutrisno', 'PERSON', 'p1', 'Sutrisno', 'ID' "
                "WHERE NOT EXISTS (SELECT 1 FROM staging.entity_keys)")


def test_an_old_duplicate_warns_but_does_not_fail_a_later_run(con):
    _load(con, "old", "r1", [(15, 23, "Sutrisno"), (15, 23, "Sutrisno")])  # what a past run let through
    first = {r.name: r for r in checks.check_results(con, {"run_id": "r1", **PARAMS})}
    assert not first["key_staging_entity_mentions"].passed
    assert "document_id='old'" in first["key_staging_entity_mentions"].message()  # the message names the row
    _load(con, "new", "r2", [(15, 23, "Sutrisno")])
    later = {r.name: r for r in checks.check_results(con, {"run_id": "r2", **PARAMS})}
    assert [r.name for r in later.values() if not r.passed and r.severity == "error"] == []
    assert later["warehouse_keys"].severity == "warn" and later["warehouse_keys"].failing_rows == 1


def test_offsets_check_names_a_span_that_misses_its_text(con):
    _load(con, "d", "r1", [(15, 23, "Sutrisn0")])
    [result] = [r for r in checks.check_results(con, {"run_id": "r1", **PARAMS}) if r.name == "offsets_match_text"]
    assert result.failing_rows == 1 and "entity_mentions" in result.examples[0]


def test_offsets_check_on_long_documents_checks_bounds_without_substrings(con):
    long_text = SENTENCE + " " + "Hujan deras mengguyur kota. " * 20
    _load(con, "d", "r1", [(15, 23, "Sutrisno"), (15, 22, "Sutrisno")], text=long_text)
    params = {"run_id": "r1", **PARAMS, "max_exact_chars": 100}
    [result] = [r for r in checks.check_results(con, params) if r.name == "offsets_match_text"]
    assert result.failing_rows == 1  # the length mismatch; the exact comparison was skipped


def test_an_old_warehouse_gains_the_new_columns(con):
    # Make the warehouse look like one built before this change, with a row in it.
    con.execute("ALTER TABLE staging.documents DROP COLUMN truncated_analysis")
    con.execute("ALTER TABLE staging.event_counts ALTER COLUMN value SET NOT NULL")
    con.execute("INSERT INTO staging.event_counts VALUES ('d', 0, 8, '12 orang', 'killed', 12, false)")
    applied_schema(con)
    con.execute("INSERT INTO staging.event_counts VALUES ('d', 20, 50, '9223372036854775808 orang', 'killed', NULL, false)")
    assert con.execute("SELECT count(*) FROM marts.documents WHERE truncated_analysis").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM marts.event_counts WHERE value IS NULL").fetchone()[0] == 1


# --- end to end: one folder of good and bad inputs, one default run ------------------------------

BBC_DIR = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc"


def _isolation_folder(folder) -> dict[str, str]:
    """Write 10 BBC articles plus the bad inputs of issue 15 into ``folder``; return {file name: kind}."""
    folder.mkdir(parents=True)
    articles = sorted(BBC_DIR.glob("*/*.txt"))[::29][:10]
    kinds = {}
    for i, path in enumerate(articles):
        (folder / f"good_{i:02d}.txt").write_bytes(path.read_bytes())
        kinds[f"good_{i:02d}.txt"] = "good"
    body = articles[0].read_text(encoding="utf-8")
    (folder / "huge_count.txt").write_text("Banjir bandang di Garut\n\n" + FLOOD.format(n="9223372036854775808") + "\n")
    sentence = " ".join(body.split())  # real sentences, one line of 10 MB
    (folder / "huge_line.txt").write_text((sentence + " ") * (10_000_000 // (len(sentence) + 1) + 1))
    (folder / "emoji.txt").write_text("😀😂🎉🔥👍 😀😂🎉🔥👍\n\n🎉🎉🎉 🔥🔥\n")
    other = sorted(BBC_DIR.glob("*/*.txt"))[1].read_text(encoding="utf-8")  # not one of the ten: no duplicate once stripped
    (folder / "nul.txt").write_text(other[:200] + "\x00" + other[200:])
    # An HTML page with no article: a portal's navigation only, as a page and pasted into a .txt.
    portal = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Beranda - detikNews</title>"
              "<script>window.dataLayer = [];</script></head><body><nav><ul><li><a href='/'>Beranda</a></li>"
              "<li><a href='/berita'>Berita</a></li><li><a href='/daerah'>Daerah</a></li><li><a href='/internasional'>"
              "Internasional</a></li></ul></nav><footer>Copyright &copy; 2025 detikcom</footer></body></html>\n")
    (folder / "portal.html").write_text(portal)
    (folder / "portal_saved.txt").write_text(portal)
    kinds.update({"huge_count.txt": "huge_count", "huge_line.txt": "huge_line", "emoji.txt": "emoji", "nul.txt": "nul",
                  "portal.html": "html", "portal_saved.txt": "html"})
    return kinds


@pytest.mark.slow
@pytest.mark.skipif(not BBC_DIR.exists(), reason="../shared/data/news/bbc is not beside the project")
def test_one_run_survives_every_bad_input_and_passes_every_error_check(tmp_path, cli_env):
    import time

    from tests.conftest import run_cli

    kinds = _isolation_folder(tmp_path / "inbox")
    started = time.perf_counter()
    result = run_cli(["run", str(tmp_path / "inbox"), "--db", str(tmp_path / "w.duckdb")], env=cli_env, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    assert time.perf_counter() - started < 180
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "SELECT regexp_extract(r.source_uri, '[^/]+$') AS name, d.analysis_error, d.truncated_analysis, "
            "(SELECT count(*) FROM marts.entity_mentions AS m WHERE m.document_id = d.document_id) AS mentions "
            "FROM marts.documents AS d JOIN raw.documents AS r USING (document_id)").fetchall()
        loaded = {name: (error, truncated, mentions) for name, error, truncated, mentions in rows}
        rejects = dict(con.execute("SELECT regexp_extract(source_uri, '[^/]+$'), reason FROM raw.rejects").fetchall())
        good = [name for name, kind in kinds.items() if kind == "good"]
        for name in good:
            error, truncated, _ = loaded[name]
            assert error is None and truncated is False, name
        assert sum(loaded[name][2] for name in good) >= 50  # names found (some BBC pieces have none)
        assert con.execute("SELECT count(DISTINCT document_id) FROM marts.paragraphs").fetchone()[0] == len(loaded)
        assert loaded["huge_line.txt"][1] is True
        assert loaded["huge_count.txt"][0] is None
        assert con.execute("SELECT count(*) FROM marts.event_counts WHERE value IS NULL "
                           "AND text LIKE '9223372036854775808%'").fetchone()[0] == 1
        assert rejects.get("emoji.txt") == "no_letters"
        assert rejects.get("portal.html") == "no_article" and rejects.get("portal_saved.txt") == "markup"
        assert loaded["nul.txt"][0] is None  # the NUL is stripped (with an input warning), the article loads
        failed = con.execute("SELECT check_name, examples FROM marts.data_checks "
                             "WHERE status = 'fail' AND severity = 'error'").fetchall()
        assert failed == []
    finally:
        con.close()
    again = run_cli(["check", "--db", str(tmp_path / "w.duckdb")], env=cli_env, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
