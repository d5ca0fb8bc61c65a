-- The SQL the service sends for q=hydrogen (to_tsquery over the GIN-indexed tsvector).
SELECT id, ref, name_en, status, count(*) OVER () AS total
  FROM project
 WHERE search @@ to_tsquery('simple', 'hydrogen:*')
 ORDER BY id LIMIT 50;
