-- Where each place sits, from marts.places (read only once that table exists), for nesting and geo_precision.
SELECT entity_id, geo_precision, country_code, admin1_code FROM marts.places
