-- severity: error
-- description: categorical columns hold only allowed values
SELECT (SELECT count(*) FROM staging.temporal_expressions WHERE timex_type NOT IN ('DATE', 'TIME', 'DURATION', 'SET'))
     + (SELECT count(*) FROM staging.entity_mentions WHERE entity_type NOT IN ('PERSON', 'ORG', 'LOC'))
     + (SELECT count(*) FROM staging.event_counts WHERE count_type NOT IN ('killed', 'wounded', 'fighters', 'displaced', 'other') OR value < 0)
     + (SELECT count(*) FROM staging.documents WHERE published_date_source IS NOT NULL AND published_date_source NOT IN ('metadata', 'text'))
     + (SELECT count(*) FROM staging.documents WHERE outlet_source IS NOT NULL AND outlet_source NOT IN ('url', 'source', 'text'))
     + (SELECT count(*) FROM raw.rejects WHERE NOT list_contains($reject_reasons, reason))
     + (SELECT count(*) FROM marts.pipeline_runs WHERE status NOT IN ('running', 'completed', 'failed', 'crashed'))
