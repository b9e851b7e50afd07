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
COMMENT ON COLUMN marts.data_checks.run_id IS 'producer: newsetl.warehouse.checks.recorded_checks; the run checked';
COMMENT ON COLUMN marts.data_checks.check_name IS 'producer: newsetl.warehouse.checks.check_results; file name under warehouse/checks, or key_SCHEMA_TABLE for a generated key check';
COMMENT ON COLUMN marts.data_checks.severity IS 'producer: newsetl.warehouse.checks.check_results; error fails the run, warn reports';
COMMENT ON COLUMN marts.data_checks.status IS 'producer: newsetl.warehouse.checks.recorded_checks; pass or fail';
COMMENT ON COLUMN marts.data_checks.failing_rows IS 'producer: newsetl.warehouse.checks.check_results; rows the check selected';
COMMENT ON COLUMN marts.data_checks.description IS 'producer: newsetl.warehouse.checks.check_results; what the check asserts';
COMMENT ON COLUMN marts.data_checks.examples IS 'producer: newsetl.warehouse.checks.check_results; up to three failing rows';
COMMENT ON COLUMN marts.data_checks.checked_at IS 'producer: newsetl.warehouse.checks.recorded_checks; when';
