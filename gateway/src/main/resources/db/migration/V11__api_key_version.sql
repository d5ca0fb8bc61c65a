-- API keys carry the version their ETag is made of (revoking a key sends it back as If-Match).
ALTER TABLE api_key ADD COLUMN version bigint NOT NULL DEFAULT 0;
