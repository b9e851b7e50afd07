-- severity: error
-- description: staging.entity_keys has one row per entity_key and every mention of this run has its key resolved
SELECT 'duplicate' AS problem, entity_key FROM staging.entity_keys GROUP BY entity_key HAVING count(*) > 1
UNION ALL
SELECT 'unresolved', m.entity_key FROM staging.entity_mentions AS m
WHERE m.document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
  AND NOT EXISTS (SELECT 1 FROM staging.entity_keys AS k WHERE k.entity_key = m.entity_key)
