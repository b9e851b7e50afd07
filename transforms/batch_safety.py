"""Guards between extraction and load: bounded analysis, storable values, unique keys, true offsets.

Pure functions used by ``document_batch``: they never raise on odd input, so one
document can only ever cost itself its facts.
"""

from __future__ import annotations

import polars as pl

from newsetl import settings

# Documents longer than this are analysed (dates, entities, quotes, counts) on their first
# chars only; structure and language still cover the whole text. At 200,000 chars (~30,000
# words, ten times a long feature) a document costs at most a few seconds of extraction.
DEFAULT_MAX_ANALYSIS_CHARS = settings.MAX_ANALYSIS_CHARS

# The key of each staging table, as its DDL comment states it ("Key: ..."); a test holds
# the two together. Rows repeating a key are dropped before load, first one kept.
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("document_id",),
    "paragraphs": ("document_id", "paragraph_no"),
    "temporal_expressions": ("document_id", "start_offset", "end_offset"),
    "entity_mentions": ("document_id", "start_offset", "end_offset"),
    "quotes": ("document_id", "start_offset"),
    "source_citations": ("document_id", "start_offset"),
    "event_counts": ("document_id", "start_offset", "end_offset"),
}

# Column holding each span table's text (the rest use ``text``).
SPAN_TEXT_COLUMN = {"quotes": "quote_text", "source_citations": "source_name"}
FACT_TABLES = ("temporal_expressions", "entity_mentions", "quotes", "source_citations", "event_counts")

# Columns the staging DDL declares NOT NULL in each fact table (besides the offsets):
# a row missing one would make DuckDB refuse the whole batch at load.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "temporal_expressions": ("text", "timex_type", "value"),
    "entity_mentions": ("text", "entity_type", "entity_key"),
    "quotes": ("quote_text",),
    "source_citations": ("source_name",),
    "event_counts": ("text", "count_type", "is_approximate"),
}

BIGINT_MIN, BIGINT_MAX = -(2**63), 2**63 - 1


def analysis_prefix(text: str, max_chars: int) -> str:
    """Return ``text`` cut to at most ``max_chars`` chars, at the last space or newline when one is in
    the second half (so no word is split); the whole text when it is short enough."""
    if max_chars <= 0 or len(text) <= max_chars:
        return text
    cut = max(text.rfind(" ", 0, max_chars), text.rfind("\n", 0, max_chars))
    return text[: cut if cut > max_chars // 2 else max_chars]


def storable_count(value) -> int | None:
    """Return ``value`` as an int that fits BIGINT, or None when it does not (its text is kept)."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if BIGINT_MIN <= number <= BIGINT_MAX else None


def mismatched_spans(raw_text: str, rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Return, per fact table, the rows whose offsets do not reproduce their text in ``raw_text``
    or that miss a NOT NULL column.

    Python slices strings by code point in constant time, so this costs the spans' own length,
    not spans x document length as a substring scan in SQL does.
    """
    bad: dict[str, list[dict]] = {}
    size = len(raw_text)
    for table in FACT_TABLES:
        column = SPAN_TEXT_COLUMN.get(table, "text")
        for row in rows.get(table, []):
            start, end = row.get("start_offset"), row.get("end_offset")
            ok = (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= size
                  and raw_text[start:end] == row.get(column)
                  and all(row.get(name) is not None for name in REQUIRED_COLUMNS.get(table, ())))
            if not ok:
                bad.setdefault(table, []).append(row)
    return bad


def unique_on_key(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Return ``frame`` with one row per key of ``table`` (the first), unchanged for unknown tables."""
    key = TABLE_KEYS.get(table)
    if key is None or frame.height < 2:
        return frame
    return frame.unique(subset=list(key), keep="first", maintain_order=True)
