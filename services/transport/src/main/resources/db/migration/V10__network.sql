CREATE TABLE transport_node (
    id         text PRIMARY KEY,
    name_en    text             NOT NULL,
    name_zh    text,
    kind       text             NOT NULL,
    region     text             NOT NULL,
    lon        double precision NOT NULL,
    lat        double precision NOT NULL,
    version    integer          NOT NULL DEFAULT 1,
    updated_at timestamptz      NOT NULL DEFAULT now()
);

CREATE TABLE transport_link (
    id            text PRIMARY KEY,
    from_node     text          NOT NULL REFERENCES transport_node (id),
    to_node       text          NOT NULL REFERENCES transport_node (id),
    mode          text          NOT NULL,
    line          text,
    distance_km   numeric(10, 3) NOT NULL CHECK (distance_km >= 0),
    minutes       numeric(10, 2) NOT NULL CHECK (minutes > 0),
    opened        date          NOT NULL,
    closed        date,
    bidirectional boolean       NOT NULL DEFAULT true,
    source        text,
    version       integer       NOT NULL DEFAULT 1,
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    CHECK (from_node <> to_node),
    CHECK (closed IS NULL OR closed > opened)
);

CREATE INDEX transport_link_from ON transport_link (from_node);
CREATE INDEX transport_link_to ON transport_link (to_node);
CREATE INDEX transport_link_mode_opened ON transport_link (mode, opened);
CREATE INDEX transport_node_region ON transport_node (region);
