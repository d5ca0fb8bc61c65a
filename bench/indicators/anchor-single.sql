-- What the service reads for one series (indicator bench.a001, region 110000, every year), straight from PostgreSQL.
SELECT id FROM series WHERE indicator = ANY ('{bench.a001}'::text[]) AND region = ANY ('{110000}'::text[]);
SELECT DISTINCT ON (series_id, period) series_id, period, value, status, source, published, received_at, note
FROM observation WHERE series_id = ANY (ARRAY(SELECT id FROM series WHERE indicator = 'bench.a001' AND region = '110000'))
ORDER BY series_id, period, published DESC, received_at DESC;
