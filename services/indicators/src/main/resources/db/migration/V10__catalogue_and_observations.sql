-- Sources, the indicator catalogue, series and observation vintages.

CREATE TABLE source (
    id       text PRIMARY KEY,
    citation text NOT NULL
);

CREATE TABLE indicator (
    code        text        PRIMARY KEY,
    name_en     text        NOT NULL,
    name_zh     text,
    unit        text        NOT NULL,
    frequency   text        NOT NULL CHECK (frequency IN ('annual', 'quarterly', 'monthly')),
    description text,
    source      text        REFERENCES source (id),
    additive    boolean     NOT NULL,
    derived     boolean     NOT NULL DEFAULT false,
    version     integer     NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per indicator and region (or region group) that has data.
CREATE TABLE series (
    id        serial PRIMARY KEY,
    indicator text   NOT NULL REFERENCES indicator (code),
    region    text   NOT NULL,
    UNIQUE (indicator, region)
);

-- Every value ever received (ALFRED-style vintages): never updated by a later value. The value of an
-- observation as of a date is the row with the latest `published` on or before it; `period` is the first
-- day of the period. No foreign key to series: rows are only written by the feed, which creates the series
-- first, and a per-row check would slow bulk loads for nothing.
CREATE TABLE observation (
    series_id   integer     NOT NULL,
    period      date        NOT NULL,
    published   date        NOT NULL,
    received_at timestamptz NOT NULL,
    value       numeric     NOT NULL,
    status      text        NOT NULL,
    source      text,
    note        text
);
CREATE UNIQUE INDEX observation_vintage ON observation (series_id, period, published DESC, received_at DESC);

-- Values this service computes from other services' events; a published value for the same series and
-- period takes precedence when read.
CREATE TABLE derived_value (
    series_id  integer     NOT NULL REFERENCES series (id),
    period     date        NOT NULL,
    value      numeric     NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (series_id, period)
);

-- The latest state of other services' entities, as their events carry it.
CREATE TABLE project_snapshot (
    id                  text    PRIMARY KEY,
    destination         text,
    status              text,
    signed_year         integer,
    investment_cny100m  numeric
);

CREATE TABLE link_snapshot (
    id           text    PRIMARY KEY,
    mode         text,
    from_region  text,
    to_region    text,
    from_node    text,
    to_node      text,
    distance_km  numeric,
    opened       date,
    closed       date
);
