-- The statement the service sends for 3 regions x 5 indicators x 20 years, drawn as panel.paths draws them.
-- Variables from bench/indicators/run: indicators (how many complete ones), regions (array),
-- region_count (its length).
\set i random(0, :indicators - 5)
\set r random(1, :region_count - 2)
\set r3 :r + 2
\set y random(1965, 2005)
SELECT DISTINCT ON (o.series_id, o.period) s.indicator, s.region, o.period, o.value, o.status, o.source,
       o.published, o.received_at, o.note
FROM series s JOIN observation o ON o.series_id = s.id
WHERE s.indicator = ANY (ARRAY(SELECT 'bench.a' || lpad((:i::int + k)::text, 3, '0') FROM generate_series(0, 4) k))
  AND s.region = ANY ((:regions::text[])[:r::int : :r3::int])
  AND o.period >= make_date(:y::int, 1, 1) AND o.period < make_date(:y::int + 20, 1, 1)
ORDER BY o.series_id, o.period, o.published DESC, o.received_at DESC;
