-- The statement the service sends for the flows matrix (the trigger-kept totals), years drawn as flows.paths draws
-- them; the service then sums to the level asked for and picks the measure in Java.
\set y random(1995, 2024)
\set to :y + random(0, 14)
SELECT origin, destination, sum(projects), sum(investment_cny_100m), sum(jobs)
  FROM project_flow
 WHERE signed_year BETWEEN :y AND :to
 GROUP BY origin, destination;
