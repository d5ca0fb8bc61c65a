-- The flows matrix computed by scanning the registry, as it would be without the project_flow table.
\set y random(2000, 2014)
SELECT origin, destination, count(*), sum(investment_cny_100m), sum(jobs)
  FROM project
 WHERE status <> 'cancelled' AND origin IS NOT NULL AND signed_year BETWEEN :y AND :y + 8
 GROUP BY origin, destination;
