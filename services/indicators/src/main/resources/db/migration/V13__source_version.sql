-- Sources change under If-Match like every updatable resource: the version behind their ETag.
ALTER TABLE source ADD COLUMN version integer NOT NULL DEFAULT 1;
