-- Core warehouse tables besides `facts` (whose DDL is generated from pipeline/extract/tidy.py).
CREATE TABLE IF NOT EXISTS sources (
    source_id      VARCHAR PRIMARY KEY,
    dataset        VARCHAR NOT NULL,
    title          VARCHAR NOT NULL,
    publisher      VARCHAR NOT NULL,
    upstream_url   VARCHAR,
    url            VARCHAR,
    filename       VARCHAR NOT NULL,
    sha256         VARCHAR NOT NULL,
    size           BIGINT NOT NULL,
    license        VARCHAR NOT NULL,
    period_start   INTEGER NOT NULL,
    period_end     INTEGER NOT NULL,
    synthetic      BOOLEAN NOT NULL,
    notes          VARCHAR
);

CREATE TABLE IF NOT EXISTS towns (
    town    VARCHAR PRIMARY KEY,
    county  VARCHAR NOT NULL,
    fips    VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS town_population (
    town        VARCHAR NOT NULL,
    fips        VARCHAR NOT NULL,
    year        INTEGER NOT NULL,
    population  BIGINT,
    source_id   VARCHAR NOT NULL,
    line        INTEGER NOT NULL,
    PRIMARY KEY (town, year)
);

CREATE TABLE IF NOT EXISTS ucr_agency_crosswalk (
    year               INTEGER NOT NULL,
    column_index       INTEGER NOT NULL,
    column_header      VARCHAR NOT NULL,
    jurisdiction       VARCHAR NOT NULL,
    jurisdiction_type  VARCHAR NOT NULL,
    agency_kind        VARCHAR NOT NULL,
    agency             VARCHAR NOT NULL,
    notes              VARCHAR,
    PRIMARY KEY (year, column_header)
);

CREATE TABLE IF NOT EXISTS statutes (
    statute  VARCHAR PRIMARY KEY,
    title    VARCHAR NOT NULL,
    role     VARCHAR,
    aliases  VARCHAR
);
