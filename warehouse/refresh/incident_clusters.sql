-- Story clusters from marts.story_clusters (read only once that table exists): copies of one story count once.
SELECT document_id, cluster_id FROM marts.story_clusters
