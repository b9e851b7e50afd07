CREATE TABLE IF NOT EXISTS marts.incidents (
    incident_id         VARCHAR NOT NULL,   -- stable: a hash of the incident's first-reported event_counts row
    count_type          VARCHAR NOT NULL,   -- killed, wounded, fighters, displaced, other
    is_cumulative       BOOLEAN NOT NULL,   -- a running total ("the death toll has reached 130"): never summed with incidents
    place_entity_id     VARCHAR,            -- marts.entities (LOC): nearest place in the sentence, else paragraph, else dateline
    geo_precision       INTEGER,            -- from marts.places when built (1 town ... 4 country, 5 region); null until then
    date_start          DATE,
    date_end            DATE,
    time_precision      VARCHAR,            -- TIMEX granularity: time, day, week, month, season, quarter, half, year; published = publication date
    best                BIGINT,             -- most conservative supported figure: the lowest of each story's own highest figure
    low                 BIGINT,
    high                BIGINT,
    number_of_documents INTEGER NOT NULL,   -- stories: copies in one marts.story_clusters cluster count once
    number_of_outlets   INTEGER NOT NULL,
    first_reported_at   TIMESTAMPTZ,
    first_outlet        VARCHAR,
    document_ids        VARCHAR[] NOT NULL,
    count_rows          STRUCT(document_id VARCHAR, start_offset INTEGER, end_offset INTEGER)[] NOT NULL  -- event_counts keys
);
COMMENT ON TABLE marts.incidents IS 'Grain: one row per count type per incident (counts consolidated across sentences, documents and outlets). Key: (incident_id, count_type). count_rows are the event_counts keys behind the figures. Rebuilt after each run that loads documents (transforms/facts/incidents.py); a re-run with nothing new leaves it unchanged.';
