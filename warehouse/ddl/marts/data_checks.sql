CREATE TABLE IF NOT EXISTS marts.data_checks (
    run_id       VARCHAR NOT NULL,
    check_name   VARCHAR NOT NULL,
    severity     VARCHAR NOT NULL,   -- error fails the run (unless soft checks), warn only reports
    status       VARCHAR NOT NULL,   -- pass or fail
    failing_rows BIGINT NOT NULL,
    description  VARCHAR,
    examples     VARCHAR,           -- up to three failing rows, for the message
    checked_at   TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE marts.data_checks IS 'Grain: one row per data check per run. Key: (run_id, check_name).';

ALTER TABLE marts.data_checks ADD COLUMN IF NOT EXISTS examples VARCHAR;
