-- Stories told more than once: each near-duplicate cluster, its first version, how many copies and outlets, and the agency they share.
SELECT
    origin.title AS first_title,
    origin.outlet AS first_outlet,
    origin.published_date AS first_published,
    s.cluster_size AS documents,
    count(DISTINCT d.outlet) AS outlets,
    list(DISTINCT d.outlet ORDER BY d.outlet) AS outlet_names,
    max(d.published_date) AS last_published,
    round(min(s.similarity), 2) AS min_similarity,
    any_value(s.syndicated_from) AS syndicated_from,
    s.cluster_id
FROM marts.story_clusters AS s
JOIN marts.documents AS d USING (document_id)
JOIN marts.documents AS origin ON origin.document_id = s.canonical_document_id
WHERE s.cluster_size > 1
GROUP BY s.cluster_id, s.cluster_size, origin.title, origin.outlet, origin.published_date
ORDER BY documents DESC, first_published, s.cluster_id;
