-- severity: error
-- description: staging.entity_keys has one row per entity_key and every mention's key is resolved
SELECT (SELECT count(*) - count(DISTINCT entity_key) FROM staging.entity_keys)
     + (SELECT count(*) FROM staging.entity_mentions AS m
        WHERE NOT EXISTS (SELECT 1 FROM staging.entity_keys AS k WHERE k.entity_key = m.entity_key))
