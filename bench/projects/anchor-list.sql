-- The two statements the service sends for the filtered listing (destination DESTINATIONS, the code and every code
-- below it, as the service expands it; bench/projects/paths.py writes one script per destination): the page, then
-- the total. Status and years drawn as list.paths draws them.
\set y random(2000, 2019)
\set s random(1, 8)
SELECT id, ref, name_en, name_zh, kind, sector, chain, origin, destination, organisations, investment_amount,
       investment_currency, investment_basis, investment_cny_100m, jobs, area_km2, lon, lat, metrics, signed,
       signed_year, construction_start, operational, status, status_since, suspended_from, sources, version
  FROM project p
 WHERE destination = ANY ('DESTINATIONS'::text[])
   AND status = ANY (ARRAY[('{planned,signed,approved,under-construction,operational,completed,suspended,cancelled}'::text[])[:s::int]])
   AND signed >= make_date(:y::int, 1, 1) AND signed <= make_date(:y::int + 4, 12, 31)
 ORDER BY id LIMIT 50 OFFSET 0;
SELECT count(*)
  FROM project p
 WHERE destination = ANY ('DESTINATIONS'::text[])
   AND status = ANY (ARRAY[('{planned,signed,approved,under-construction,operational,completed,suspended,cancelled}'::text[])[:s::int]])
   AND signed >= make_date(:y::int, 1, 1) AND signed <= make_date(:y::int + 4, 12, 31);
