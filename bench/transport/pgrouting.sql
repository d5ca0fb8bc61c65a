-- pgRouting side of the benchmark: the same generated graph, the same asOf filter, the same pairs.
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS edges, pairs, matrix_ids, timings;
CREATE EXTENSION IF NOT EXISTS pgrouting CASCADE;
CREATE TABLE edges (id bigint PRIMARY KEY, source bigint, target bigint, cost float8, reverse_cost float8, opened date, closed date);
\copy edges FROM 'edges.csv' WITH (FORMAT csv)
CREATE TABLE pairs (n int, source bigint, target bigint, engine_minutes float8);
\copy pairs FROM 'pairs.csv' WITH (FORMAT csv)
CREATE TABLE matrix_ids (side text, id bigint);
\copy matrix_ids FROM 'matrix.csv' WITH (FORMAT csv)
ANALYZE edges;
SELECT set_config('bench.pairs', :'pairs', false);
CREATE TABLE timings (what text, n int, ms float8, cost float8);

CREATE OR REPLACE FUNCTION edges_sql() RETURNS text LANGUAGE sql AS $$
  SELECT 'SELECT id, source, target, cost, reverse_cost FROM edges '
      || 'WHERE opened <= DATE ''2025-06-01'' AND (closed IS NULL OR closed > DATE ''2025-06-01'')'
$$;

DO $$
DECLARE p record; t0 timestamptz; c float8;
BEGIN
  FOR p IN SELECT * FROM pairs WHERE n < current_setting('bench.pairs')::int ORDER BY n LOOP
    t0 := clock_timestamp();
    SELECT agg_cost INTO c FROM pgr_dijkstra(edges_sql(), p.source, p.target) WHERE node = p.target;
    INSERT INTO timings VALUES ('route', p.n, extract(epoch FROM clock_timestamp() - t0) * 1000, c);
  END LOOP;
END $$;

SELECT 'pgr_dijkstra route' AS what, count(*) AS n,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS p50_ms,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS p99_ms
FROM timings WHERE what = 'route';

SELECT count(*) AS pairs_compared,
       count(*) FILTER (WHERE abs(t.cost - p.engine_minutes) < 0.01
                        OR (t.cost IS NULL AND p.engine_minutes IS NULL)) AS same_minutes
FROM timings t JOIN pairs p USING (n) WHERE t.what = 'route';

\timing on
SELECT count(*) AS isochrone_nodes FROM pgr_drivingDistance(edges_sql(), :origin, 60);
SELECT count(*) AS matrix_cells FROM pgr_dijkstraCost(edges_sql(),
    (SELECT array_agg(id) FROM matrix_ids WHERE side = 'from'), (SELECT array_agg(id) FROM matrix_ids WHERE side = 'to'));
