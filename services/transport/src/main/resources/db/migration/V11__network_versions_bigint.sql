-- Nodes and links are versioned entities: their version is a bigint like every other @Version behind an ETag.
ALTER TABLE transport_node ALTER COLUMN version TYPE bigint;
ALTER TABLE transport_link ALTER COLUMN version TYPE bigint;
