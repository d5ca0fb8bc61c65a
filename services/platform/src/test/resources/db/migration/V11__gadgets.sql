-- A versioned aggregate as the services declare theirs: version from 1, updated_at on every write.
CREATE TABLE gadget (
    name       text PRIMARY KEY,
    colour     text        NOT NULL,
    version    integer     NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now()
);
