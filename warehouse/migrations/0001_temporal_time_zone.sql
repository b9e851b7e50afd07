-- Release after fd5003b: a clock time's zone (WIB, GMT) moved out of value into its own column.
ALTER TABLE IF EXISTS staging.temporal_expressions ADD COLUMN IF NOT EXISTS time_zone VARCHAR;
