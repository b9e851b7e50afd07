-- Documents per outlet, with publication date range and languages.
SELECT outlet, count(*) AS documents, min(published_date) AS first_day, max(published_date) AS last_day,
       list(DISTINCT language) AS languages, sum(word_count) AS words
FROM marts.documents
GROUP BY outlet
ORDER BY documents DESC, outlet;
