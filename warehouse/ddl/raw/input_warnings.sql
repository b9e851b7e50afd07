CREATE TABLE IF NOT EXISTS raw.input_warnings (
    run_id      VARCHAR NOT NULL,
    source_uri  VARCHAR NOT NULL,   -- file URI with #line=N / #row=N, as in raw.documents
    record      VARCHAR NOT NULL,   -- where in the file: "line 3" (JSONL) or "row 3" (CSV)
    field       VARCHAR NOT NULL,   -- the record field: published_at, title, id, url, source, author
    value       VARCHAR,            -- the value as written (JSON for non-strings)
    reason      VARCHAR NOT NULL,   -- why it was kept out: unparseable date, implausible year, not a string, ...
    document_id VARCHAR,            -- the document loaded without the value
    seen_at     TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE raw.input_warnings IS 'Grain: one row per value kept out of a loaded document, per run that loaded it. Key: (run_id, source_uri, field). Append-only.';
