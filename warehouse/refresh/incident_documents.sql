-- Documents that have counts: publication time, outlet, and the dateline resolved to a LOC entity
-- (a LOC mention in the document with the dateline's text, else an entity named or aliased so).
WITH docs AS (
    SELECT d.document_id, d.published_date, r.published_at, d.outlet, d.dateline_place
    FROM staging.documents AS d
    JOIN raw.documents AS r USING (document_id)
    WHERE d.document_id IN (SELECT DISTINCT document_id FROM staging.event_counts)
), in_text AS (
    SELECT docs.document_id, arg_min(m.entity_id, m.start_offset) AS entity_id
    FROM docs JOIN marts.entity_mentions AS m
      ON m.document_id = docs.document_id AND m.entity_type = 'LOC' AND m.entity_id IS NOT NULL
     AND lower(m.text) = lower(docs.dateline_place)
    GROUP BY docs.document_id
), by_name AS (
    SELECT docs.document_id, arg_max(e.entity_id, e.mention_count) AS entity_id
    FROM docs JOIN marts.entities AS e
      ON e.entity_type = 'LOC'
     AND (lower(e.canonical_name) = lower(docs.dateline_place)
          OR list_contains(list_transform(e.aliases, a -> lower(a)), lower(docs.dateline_place)))
    GROUP BY docs.document_id
)
SELECT docs.document_id, docs.published_date, docs.published_at, docs.outlet,
       coalesce(in_text.entity_id, by_name.entity_id) AS dateline_entity_id
FROM docs
LEFT JOIN in_text USING (document_id)
LEFT JOIN by_name USING (document_id)
ORDER BY docs.document_id
