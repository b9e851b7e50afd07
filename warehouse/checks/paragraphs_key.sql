-- severity: error
-- description: (document_id, paragraph_no) is unique in staging.paragraphs
SELECT count(*) FROM (SELECT document_id, paragraph_no FROM staging.paragraphs GROUP BY ALL HAVING count(*) > 1)
