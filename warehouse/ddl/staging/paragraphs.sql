CREATE TABLE IF NOT EXISTS staging.paragraphs (
    document_id         VARCHAR NOT NULL,
    paragraph_no        INTEGER NOT NULL,
    start_offset        INTEGER NOT NULL,
    end_offset          INTEGER NOT NULL,
    text                VARCHAR NOT NULL,
    language            VARCHAR NOT NULL,
    language_confidence DOUBLE,
    is_boilerplate      BOOLEAN NOT NULL
);
COMMENT ON TABLE staging.paragraphs IS 'Grain: one row per non-empty line of a document. Key: (document_id, paragraph_no).';
