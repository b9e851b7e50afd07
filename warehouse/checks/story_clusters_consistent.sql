-- severity: error
-- description: every signed document of this run has a story cluster; each cluster has one canonical member, its earliest, named by every member, with cluster_size members and similarities in [0, 1]
WITH c AS (
    SELECT s.*, count(*) OVER (PARTITION BY cluster_id) AS members,
           count(*) FILTER (WHERE is_canonical) OVER (PARTITION BY cluster_id) AS canonicals,
           count(DISTINCT canonical_document_id) OVER (PARTITION BY cluster_id) AS named
    FROM marts.story_clusters AS s
)
SELECT m.document_id, 'no cluster row' AS problem FROM staging.document_minhashes AS m
WHERE m.run_id = $run_id AND NOT EXISTS (SELECT 1 FROM marts.story_clusters AS s WHERE s.document_id = m.document_id)
UNION ALL
SELECT document_id, 'inconsistent cluster' FROM c
WHERE members <> cluster_size OR canonicals <> 1 OR named <> 1
   OR is_canonical <> (document_id = canonical_document_id)
   OR (is_canonical AND similarity <> 1)
   OR similarity < 0 OR similarity > 1
