CREATE OR REPLACE VIEW marts.entity_aliases AS
WITH keyed AS (
    SELECT m.text AS alias, m.entity_key, k.entity_id, k.canonical_name, m.document_id,
           -- the entity's own key: resolution joins a key to a fuller one, so the longest is the target,
           -- save a key with a word glued to its end (purbaya yudhi sadewabuka): the target's ends the name
           arg_max(k.entity_key, [ends_with(strip_accents(lower(k.canonical_name)), string_split(k.entity_key, ' ')[-1])::INT,
                                  length(k.entity_key)]) OVER (PARTITION BY k.entity_id) AS resolved_key
    FROM staging.entity_mentions AS m
    JOIN staging.entity_keys AS k USING (entity_key)
)
SELECT alias, entity_id,
       CASE WHEN entity_key <> resolved_key THEN 'corpus short form'
            WHEN lower(alias) = lower(canonical_name) THEN 'name'
            ELSE 'document or gazetteer' END AS link_method,
       count(*) AS mention_count, count(DISTINCT document_id) AS document_count
FROM keyed
GROUP BY ALL;
COMMENT ON VIEW marts.entity_aliases IS 'Grain: one row per written form of an entity and how it was linked. Key: (entity_id, alias, link_method). The evidence behind each entity: corpus short form = a key resolution joined to the corpus''s only fuller name (transforms.entities.resolution.resolved_keys); document or gazetteer = a form the extraction keyed to the entity in its article (gazetteer and acronym aliases, Long Name (ACR), a short form of a name in the same article); name = the canonical name itself.';
COMMENT ON COLUMN marts.entity_aliases.alias IS 'the text of the mentions, as written';
COMMENT ON COLUMN marts.entity_aliases.entity_id IS 'the entity the mentions belong to (joins marts.entities)';
COMMENT ON COLUMN marts.entity_aliases.link_method IS 'name, document or gazetteer, or corpus short form';
COMMENT ON COLUMN marts.entity_aliases.mention_count IS 'mentions written this way and linked this way';
COMMENT ON COLUMN marts.entity_aliases.document_count IS 'documents with such a mention';
