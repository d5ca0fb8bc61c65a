#!/usr/bin/env bash
# Benchmark of the projects service with 100,000 generated projects; see README.md beside this file.
# KEEP_DATA=1 reuses the database of an earlier run instead of loading again.
# Needs: Debian's PostgreSQL 15 (pgbench), wrk, python3, a JDK 17. Sends traffic to 127.0.0.1 only, bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18082}
DB=${DB:-jjj_projects_bench}
N=${N:-100000}
DURATION=${DURATION:-20s}
OUT=bench/projects/results
mkdir -p "$OUT"

pg_ctlcluster 15 main start 2>/dev/null || true
su postgres -c "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname = 'jjj'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE jjj LOGIN PASSWORD 'jjj'\""
if [ -z "${KEEP_DATA:-}" ]; then
  su postgres -c "psql -qc 'DROP DATABASE IF EXISTS $DB'"
  su postgres -c "psql -qc 'CREATE DATABASE $DB OWNER jjj'"
fi

JAR=services/projects/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q -pl services/projects package -DskipTests

DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB DB_USER=jjj DB_PASSWORD=jjj KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
JJJ_OUTBOX_RELAY_ENABLED=false JJJ_SECURITY_REQUIRE_GATEWAY_TOKEN=false QUARKUS_HTTP_PORT=$PORT \
  java -Xmx1g -jar "$JAR" > "$OUT/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/live" > /dev/null && break
  sleep 1
done

if [ -z "${KEEP_DATA:-}" ]; then
  python3 bench/projects/generate.py "$N" > "$OUT/projects-generated.csv"
  echo "== feed of $N projects (one atomic feed: validation, history, events to the outbox)"
  /usr/bin/time -f "feed wall time %e s" curl -sf -X POST -H 'Content-Type: text/csv' \
    --data-binary @"$OUT/projects-generated.csv" "http://127.0.0.1:$PORT/api/projects/feeds" | head -c 300; echo
  # what autovacuum does soon after a bulk load: statistics and the visibility map (index-only counts)
  PGPASSWORD=jjj psql -qh 127.0.0.1 -U jjj -d "$DB" -c "VACUUM ANALYZE project" -c "VACUUM ANALYZE project_version" \
    -c "VACUUM ANALYZE project_flow"
fi

echo "== warm-up"
for lua in list flows search; do
  wrk -t2 -c8 -d3s -s "bench/projects/paths-$lua.lua" "http://127.0.0.1:$PORT" > /dev/null
done

for lua in list flows search; do
  echo "== service: $lua, 32 connections, $DURATION"
  wrk -t2 -c32 -d"$DURATION" --latency -s "bench/projects/paths-$lua.lua" "http://127.0.0.1:$PORT" \
    | grep -E "Requests/sec|  50%|  99%|Non-2xx|Socket errors" || true
done
for lua in list flows search; do
  echo "== service: $lua, 1 connection, $DURATION"
  wrk -t1 -c1 -d"$DURATION" --latency -s "bench/projects/paths-$lua.lua" "http://127.0.0.1:$PORT" \
    | grep -E "Requests/sec|  50%|  99%|Non-2xx" || true
done

echo "== load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
for sql in list flows-naive flows-table search; do
  echo "== anchor: $sql straight on PostgreSQL (pgbench), 32 clients, ${DURATION%s} s"
  PGPASSWORD=jjj /usr/lib/postgresql/15/bin/pgbench -h 127.0.0.1 -U jjj -n -c 32 -j 2 -T "${DURATION%s}" -r \
    -f "bench/projects/anchor-$sql.sql" "$DB" | grep -E "latency average|tps =" || true
done
