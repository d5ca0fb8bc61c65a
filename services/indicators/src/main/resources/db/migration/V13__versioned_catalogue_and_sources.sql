-- The catalogue and the sources are versioned entities: the version behind their ETag (a bigint, as every
-- service's) and the time of the last write. Sources change under If-Match like every updatable resource.
ALTER TABLE indicator ALTER COLUMN version TYPE bigint;
ALTER TABLE source ADD COLUMN version bigint NOT NULL DEFAULT 1,
                   ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
