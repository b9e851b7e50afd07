-- severity: error
-- description: categorical columns of this run's rows hold only allowed values
WITH run_docs AS (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
SELECT 'temporal_expressions.timex_type' AS col, document_id, timex_type AS value FROM staging.temporal_expressions
WHERE document_id IN (SELECT document_id FROM run_docs) AND timex_type NOT IN ('DATE', 'TIME', 'DURATION', 'SET')
UNION ALL
SELECT 'entity_mentions.entity_type', document_id, entity_type FROM staging.entity_mentions
WHERE document_id IN (SELECT document_id FROM run_docs) AND entity_type NOT IN ('PERSON', 'ORG', 'LOC')
UNION ALL
SELECT 'event_counts', document_id, count_type || ' ' || coalesce(value::VARCHAR, 'null') FROM staging.event_counts
WHERE document_id IN (SELECT document_id FROM run_docs)
  AND (count_type NOT IN ('killed', 'wounded', 'fighters', 'displaced', 'other') OR value < 0)
UNION ALL
SELECT 'documents.published_date_source', document_id, published_date_source FROM staging.documents
WHERE run_id = $run_id AND published_date_source IS NOT NULL AND published_date_source NOT IN ('metadata', 'text')
UNION ALL
SELECT 'documents.outlet_source', document_id, outlet_source FROM staging.documents
WHERE run_id = $run_id AND outlet_source IS NOT NULL AND outlet_source NOT IN ('url', 'source', 'text')
UNION ALL
SELECT 'raw.rejects.reason', source_uri, reason FROM raw.rejects
WHERE run_id = $run_id AND NOT list_contains($reject_reasons, reason)
UNION ALL
SELECT 'pipeline_runs.status', run_id, status FROM marts.pipeline_runs
WHERE status NOT IN ('running', 'completed', 'failed', 'crashed', 'cancelled')
