-- severity: error
-- description: every entity mention of this run has its entity_key resolved in staging.entity_keys (the key itself is checked by key_staging_entity_keys)
SELECT m.document_id, m.start_offset, m.entity_key FROM staging.entity_mentions AS m
WHERE m.document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
  AND NOT EXISTS (SELECT 1 FROM staging.entity_keys AS k WHERE k.entity_key = m.entity_key)
