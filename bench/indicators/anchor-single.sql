-- The statement the service sends for one series (all periods, latest vintage of each), for a series drawn as
-- single.paths draws it. Variables from bench/indicators/run: indicators (how many complete ones), regions (array),
-- region_count (its length).
\set i random(0, :indicators - 1)
\set r random(1, :region_count)
SELECT DISTINCT ON (o.series_id, o.period) s.indicator, s.region, o.period, o.value, o.status, o.source,
       o.published, o.received_at, o.note
FROM series s JOIN observation o ON o.series_id = s.id
WHERE s.indicator = ANY (ARRAY['bench.a' || lpad(:i::text, 3, '0')])
  AND s.region = ANY (ARRAY[(:regions::text[])[:r::int]])
ORDER BY o.series_id, o.period, o.published DESC, o.received_at DESC;
