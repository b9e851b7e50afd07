CREATE TABLE IF NOT EXISTS marts.pipeline_runs (
    run_id             VARCHAR PRIMARY KEY,
    flow_run_id        VARCHAR,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ,
    status             VARCHAR NOT NULL,   -- running, completed, failed, crashed
    documents_seen     BIGINT,
    documents_loaded   BIGINT,
    documents_skipped  BIGINT,
    documents_rejected BIGINT,
    pipeline_version   VARCHAR,
    mode               VARCHAR,            -- ingest or reprocess
    inputs             VARCHAR[],
    error              VARCHAR
);
COMMENT ON TABLE marts.pipeline_runs IS 'Grain: one row per pipeline run. Key: run_id. A run killed before it finished is marked crashed by the next run.';
