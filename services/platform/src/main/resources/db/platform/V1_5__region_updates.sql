-- Updates of the regions reference published by the regions feed (jjj.regions.updated.v1), as this service received
-- them: laid over the generated reference in arrival order at start-up and whenever one arrives.
CREATE TABLE region_update (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    body        jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
