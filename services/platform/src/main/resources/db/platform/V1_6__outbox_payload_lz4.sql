-- Outbox payloads are written once, read once by the relay and then only kept for a while: lz4 compresses a large
-- event several times faster than the default pglz, for about the same size. A server built without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE outbox_event ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available in this server; outbox payloads stay compressed with pglz';
END
$$;
