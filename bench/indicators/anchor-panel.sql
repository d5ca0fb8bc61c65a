-- What the service reads for 3 regions x 5 indicators x 20 years, straight from PostgreSQL.
SELECT id FROM series WHERE indicator = ANY ('{bench.a001,bench.a002,bench.a003,bench.a004,bench.a005}'::text[])
  AND region = ANY ('{110000,120000,130000}'::text[]);
SELECT DISTINCT ON (series_id, period) series_id, period, value, status, source, published, received_at, note
FROM observation WHERE series_id = ANY (ARRAY(SELECT id FROM series
        WHERE indicator = ANY ('{bench.a001,bench.a002,bench.a003,bench.a004,bench.a005}'::text[])
          AND region = ANY ('{110000,120000,130000}'::text[])))
  AND period >= '2000-01-01' AND period < '2020-01-01'
ORDER BY series_id, period, published DESC, received_at DESC;
