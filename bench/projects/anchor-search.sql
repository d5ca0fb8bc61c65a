-- The two statements the service sends for q=hydrogen: the page, then the total.
SELECT id, ref, name_en, name_zh, kind, sector, chain, origin, destination, organisations, investment_amount,
       investment_currency, investment_basis, investment_cny_100m, jobs, area_km2, lon, lat, metrics, signed,
       signed_year, construction_start, operational, status, status_since, suspended_from, sources, version
  FROM project
 WHERE search @@ to_tsquery('simple', 'hydrogen:*')
 ORDER BY id LIMIT 50;
SELECT count(*) FROM project WHERE search @@ to_tsquery('simple', 'hydrogen:*');
