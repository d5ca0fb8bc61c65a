-- API keys: only the SHA-256 of the secret is stored; the secret is shown once when the key is created.
CREATE TABLE api_key (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    scopes      text[]      NOT NULL,
    secret_hash char(64)    NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

CREATE UNIQUE INDEX api_key_active_name ON api_key (name) WHERE revoked_at IS NULL;
