-- The SQL the service sends for the flows matrix: the trigger-maintained totals.
\set y random(2000, 2014)
SELECT origin, destination, sum(projects), sum(investment_cny_100m), sum(jobs)
  FROM project_flow
 WHERE signed_year BETWEEN :y AND :y + 8
 GROUP BY origin, destination;
