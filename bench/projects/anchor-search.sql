-- The two statements the service sends for q: the page, then the total (sent unless the page shows it is the last).
-- The query is one word, two words, or a word and two digits, drawn as search.paths draws them (by weight: 26 one-word,
-- 650 two-word and 2,340 word-and-number queries). Variable from bench/projects/run: words (array).
\set kind random(1, 3016)
\set w random(1, 26)
\set v random(1, 25)
\set other case when :v >= :w then :v + 1 else :v end
\set n random(10, 99)
SELECT id, ref, name_en, name_zh, kind, sector, chain, origin, destination, organisations, investment_amount,
       investment_currency, investment_basis, investment_cny_100m, jobs, area_km2, lon, lat, metrics, signed,
       signed_year, construction_start, operational, status, status_since, suspended_from, sources, version
  FROM project p
 WHERE search @@ to_tsquery('simple', CASE WHEN :kind::int <= 26 THEN (:words::text[])[:w::int] || ':*'
                                           WHEN :kind::int <= 676 THEN (:words::text[])[:w::int] || ':* & ' || (:words::text[])[:other::int] || ':*'
                                           ELSE (:words::text[])[:w::int] || ':* & ' || :n::text || ':*' END)
 ORDER BY id LIMIT 50 OFFSET 0;
SELECT count(*)
  FROM project p
 WHERE search @@ to_tsquery('simple', CASE WHEN :kind::int <= 26 THEN (:words::text[])[:w::int] || ':*'
                                           WHEN :kind::int <= 676 THEN (:words::text[])[:w::int] || ':* & ' || (:words::text[])[:other::int] || ':*'
                                           ELSE (:words::text[])[:w::int] || ':* & ' || :n::text || ':*' END);
