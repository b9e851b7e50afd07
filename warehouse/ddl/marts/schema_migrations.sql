CREATE TABLE IF NOT EXISTS marts.schema_migrations (
    version    INTEGER PRIMARY KEY,   -- the number that opens the migration's file name
    name       VARCHAR NOT NULL,      -- the rest of the file name, without .sql
    applied_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE marts.schema_migrations IS 'Grain: one row per migration in warehouse/migrations/ recorded for this warehouse. Key: version. A warehouse created at or after a migration records it without needing it; an older one is brought up to date when a run opens it.';
