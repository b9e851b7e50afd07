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
COMMENT ON COLUMN marts.pipeline_runs.run_id IS 'producer: newsetl.warehouse.runs.started_run; the run''s id';
COMMENT ON COLUMN marts.pipeline_runs.flow_run_id IS 'producer: newsetl.warehouse.runs.started_run; Prefect flow run id (null outside Prefect)';
COMMENT ON COLUMN marts.pipeline_runs.started_at IS 'producer: newsetl.warehouse.runs.started_run; when the run began';
COMMENT ON COLUMN marts.pipeline_runs.finished_at IS 'producer: newsetl.warehouse.runs.finished_run; when it ended';
COMMENT ON COLUMN marts.pipeline_runs.status IS 'producer: newsetl.warehouse.runs.finished_run; running, completed, failed or crashed (runs.crashed_runs)';
COMMENT ON COLUMN marts.pipeline_runs.documents_seen IS 'producer: newsetl.warehouse.runs.finished_run; records read';
COMMENT ON COLUMN marts.pipeline_runs.documents_loaded IS 'producer: newsetl.warehouse.runs.finished_run; new documents stored';
COMMENT ON COLUMN marts.pipeline_runs.documents_skipped IS 'producer: newsetl.warehouse.runs.finished_run; documents already in the warehouse';
COMMENT ON COLUMN marts.pipeline_runs.documents_rejected IS 'producer: newsetl.warehouse.runs.finished_run; inputs rejected (raw.rejects)';
COMMENT ON COLUMN marts.pipeline_runs.pipeline_version IS 'producer: newsetl.flows.version.pipeline_version; hash of the code that shaped the warehouse';
COMMENT ON COLUMN marts.pipeline_runs.mode IS 'producer: newsetl.warehouse.runs.started_run; ingest or reprocess';
COMMENT ON COLUMN marts.pipeline_runs.inputs IS 'producer: newsetl.warehouse.runs.started_run; the paths given';
COMMENT ON COLUMN marts.pipeline_runs.error IS 'producer: newsetl.warehouse.runs.finished_run; why the run failed';
