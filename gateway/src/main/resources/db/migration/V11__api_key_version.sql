-- API keys are versioned entities: the version their ETag is made of (revoking a key sends it back as If-Match)
-- and when they were last written.
ALTER TABLE api_key
    ADD COLUMN version    bigint      NOT NULL DEFAULT 1,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
