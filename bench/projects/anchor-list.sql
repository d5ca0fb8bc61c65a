-- The two statements the service sends for the filtered listing (destination 130000 expanded to Hebei and everything
-- below it): the page, then the total.
\set y random(2000, 2019)
\set s random(1, 4)
SELECT id, ref, name_en, name_zh, kind, sector, chain, origin, destination, organisations, investment_amount,
       investment_currency, investment_basis, investment_cny_100m, jobs, area_km2, lon, lat, metrics, signed,
       signed_year, construction_start, operational, status, status_since, suspended_from, sources, version
  FROM project
 WHERE destination = ANY ('{130000,130100,130200,130300,130400,130500,130600,130700,130800,130900,131000,131100,133100,130209,130684,130983,131082}')
   AND status = ('{operational,signed,approved,under-construction}'::text[])[:s]
   AND signed >= make_date(:y, 1, 1) AND signed <= make_date(:y + 4, 12, 31)
 ORDER BY id LIMIT 50;
SELECT count(*)
  FROM project
 WHERE destination = ANY ('{130000,130100,130200,130300,130400,130500,130600,130700,130800,130900,131000,131100,133100,130209,130684,130983,131082}')
   AND status = ('{operational,signed,approved,under-construction}'::text[])[:s]
   AND signed >= make_date(:y, 1, 1) AND signed <= make_date(:y + 4, 12, 31);
