-- severity: error
-- description: marts.story_clusters.document_id is unique and not null (rebuilt by every run)
SELECT document_id, count(*) AS n FROM marts.story_clusters GROUP BY document_id HAVING count(*) > 1 OR document_id IS NULL
