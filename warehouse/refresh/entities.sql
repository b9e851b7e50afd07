-- Rebuilds marts.entities from the mentions and the resolved keys (cheap: one aggregate, no re-tagging).
DELETE FROM marts.entities;
INSERT INTO marts.entities BY NAME
SELECT
    k.entity_id,
    any_value(k.entity_type) AS entity_type,
    max(k.canonical_name) AS canonical_name,
    max(coalesce(k.country_code, m.country_code)) AS country_code,
    list(DISTINCT m.text ORDER BY m.text) AS aliases,
    count(*) AS mention_count,
    count(DISTINCT m.document_id) AS document_count
FROM staging.entity_mentions AS m
JOIN staging.entity_keys AS k USING (entity_key)
GROUP BY k.entity_id;
