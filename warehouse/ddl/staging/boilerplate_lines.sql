CREATE TABLE IF NOT EXISTS staging.boilerplate_lines (
    scope     VARCHAR NOT NULL,   -- whose template: an outlet domain, else file:<input file or folder>
    line_key  VARCHAR NOT NULL,   -- the line casefolded, spaces collapsed (transforms.boilerplate.boilerplate_line_key); '' counts the scope's documents
    documents BIGINT NOT NULL,    -- in how many loaded documents of the scope the line occurs
    PRIMARY KEY (scope, line_key)
);
COMMENT ON TABLE staging.boilerplate_lines IS 'Grain: one row per short line per scope, plus one row per scope with line_key = '''' holding its document count. Key: (scope, line_key). Counts grow with every load; transforms.boilerplate.learned_boilerplate turns them into the lines masked as boilerplate in later documents and runs.';
