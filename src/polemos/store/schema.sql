-- Polemos store, schema version 2. The single description of the tables.
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    title VARCHAR,
    source VARCHAR,
    url VARCHAR,
    published DATE,
    author VARCHAR,
    text_date DATE,
    language VARCHAR,
    text VARCHAR NOT NULL,
    n_sentences INTEGER NOT NULL,
    status VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    date_value DATE,
    date_end DATE,
    date_precision VARCHAR,
    date_basis VARCHAR,
    date_reason VARCHAR,  -- how the date was chosen or why none was given (EventDate.reason)
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS skips (
    item VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    doc_id VARCHAR,
    title VARCHAR,
    skipped_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    code VARCHAR,
    sector VARCHAR,
    person VARCHAR,
    kind VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    members VARCHAR[],
    rule VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    contexts VARCHAR[],
    cameo VARCHAR NOT NULL,
    goldstein DOUBLE NOT NULL,
    quad INTEGER NOT NULL,
    actors JSON,
    recipients JSON,
    mediators JSON,
    actor_codes VARCHAR[],
    recipient_codes VARCHAR[],
    mediator_codes VARCHAR[],
    trigger VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    date_value DATE,
    date_end DATE,
    date_precision VARCHAR,
    date_basis VARCHAR,
    date_text VARCHAR,
    is_negated BOOLEAN,
    is_hypothetical BOOLEAN,
    is_attempted BOOLEAN,
    sentence_text VARCHAR,
    sentence_start INTEGER,
    sentence_end INTEGER,
    pattern VARCHAR,
    coder VARCHAR,
    confidence DOUBLE,
    merged_id VARCHAR,
    is_secondary BOOLEAN,
    date_reason VARCHAR  -- how the date was chosen or why none was given (EventDate.reason)
);

CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    holder VARCHAR NOT NULL,
    toward VARCHAR[],
    polarity DOUBLE,
    topic VARCHAR,
    text VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    rule VARCHAR,
    date_value DATE,
    date_precision VARCHAR,
    date_basis VARCHAR
);
