"""The batch assembler: one frame per staging table, offsets valid, one bad document isolated."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

import newsetl.transforms.document_batch as document_batch
from newsetl.transforms.document_batch import TABLE_SCHEMAS, analysed_batch

ARTICLE = (
    "Bisnis.com, JAKARTA - Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta, "
    "Senin (28/9/2020).\n\"Kami sepakat memperkuat kerja sama,\" kata Jokowi seperti dikutip Antara.\n"
    "Baca Juga: Berita lain yang tidak terkait\nSetidaknya 12 orang tewas dalam banjir kemarin."
)


def _frame(*texts: str, published: date | None = None) -> pl.DataFrame:
    return pl.DataFrame(
        {"document_id": [f"d_{i}" for i in range(len(texts))], "raw_text": list(texts), "published_date": [published] * len(texts)},
        schema={"document_id": pl.String, "raw_text": pl.String, "published_date": pl.Date},
    )


def test_every_staging_table_has_its_frame_with_the_declared_schema():
    frames = analysed_batch(_frame(ARTICLE))
    assert set(frames) == set(TABLE_SCHEMAS)
    for table, frame in frames.items():
        assert dict(frame.schema) == TABLE_SCHEMAS[table], table


def test_an_article_yields_rows_in_every_stage_with_valid_offsets():
    frames = analysed_batch(_frame(ARTICLE))
    [doc] = frames["documents"].to_dicts()
    assert doc["outlet"] == "bisnis.com" and doc["language"] == "id"
    assert doc["published_date"] == date(2020, 9, 28) and doc["published_date_source"] == "text"
    assert "Baca Juga" not in doc["body_text"] and doc["boilerplate_lines"] == 1
    for table in ("temporal_expressions", "entity_mentions", "quotes", "event_counts"):
        assert frames[table].height > 0, table
    column = {"quotes": "quote_text", "source_citations": "source_name"}
    for table in ("paragraphs", "temporal_expressions", "entity_mentions", "quotes", "source_citations", "event_counts"):
        for row in frames[table].iter_rows(named=True):
            assert ARTICLE[row["start_offset"]:row["end_offset"]] == row[column.get(table, "text")], table
    # Nothing is extracted from the boilerplate link line.
    link_start = ARTICLE.index("Baca Juga")
    assert all(not (link_start <= r["start_offset"] < link_start + 40) for r in frames["entity_mentions"].to_dicts())


def test_metadata_date_wins_over_the_text():
    [doc] = analysed_batch(_frame(ARTICLE, published=date(2021, 1, 5)))["documents"].to_dicts()
    assert doc["published_date"] == date(2021, 1, 5) and doc["published_date_source"] == "metadata"


def test_an_extractor_failure_is_isolated_to_its_document(monkeypatch):
    real = document_batch.entity_mentions

    def flaky(text, language):
        if "Anwar" in text:
            raise IndexError("boom")
        return real(text, language)

    monkeypatch.setattr(document_batch, "entity_mentions", flaky)
    other = "Sosok.ID - Vladimir Putin berbicara dengan Recep Tayyip Erdogan pekan lalu tentang Karabakh."
    frames = analysed_batch(_frame(ARTICLE, other))
    docs = {d["document_id"]: d for d in frames["documents"].to_dicts()}
    assert docs["d_0"]["analysis_error"] == "extraction: IndexError: boom"
    assert docs["d_1"]["analysis_error"] is None
    assert set(frames["entity_mentions"]["document_id"]) == {"d_1"}
    assert set(frames["paragraphs"]["document_id"]) == {"d_0", "d_1"}


@pytest.mark.parametrize("text", ["", " \n ", "😀" * 50, "ك" * 300, "99/99/9999 31/2/2020"])
def test_odd_texts_never_raise(text):
    frames = analysed_batch(_frame(text))
    assert frames["documents"].height == 1
