-- Documents per outlet, the distinct stories among them (near-duplicate copies count once), publication date range and languages.
SELECT d.outlet, count(*) AS documents, count(DISTINCT coalesce(s.cluster_id, d.document_id)) AS stories,
       min(d.published_date) AS first_day, max(d.published_date) AS last_day,
       list(DISTINCT d.language) AS languages, sum(d.word_count) AS words
FROM marts.documents AS d
LEFT JOIN marts.story_clusters AS s USING (document_id)
GROUP BY d.outlet
ORDER BY documents DESC, d.outlet;
