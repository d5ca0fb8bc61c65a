#!/usr/bin/env bash
# Indicators benchmark: a 1,000,000-row CSV feed end to end beside psql \copy of the same file, then two
# queries at 32 concurrent clients (wrk) beside the same SQL through pgbench. Starts its own PostgreSQL 15
# cluster, Kafka broker and service on spare ports and stops them (by process id) at the end.
# Needs: Debian's PostgreSQL 15 binaries, wrk, curl, python3; the launcher's lib folder for Kafka
# (./mvnw -pl deploy/local -am package -DskipTests builds it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/indicators"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${PG_PORT:-55491}"
KAFKA_PORT="${KAFKA_PORT:-29092}"
CONTROLLER_PORT="${CONTROLLER_PORT:-29093}"
SERVICE_PORT="${SERVICE_PORT:-28081}"
CLIENTS="${CLIENTS:-32}"
DURATION="${DURATION:-30}"
WORK="${BENCH_WORK:-$(mktemp -d /tmp/indicators-bench.XXXXXX)}"
chmod 755 "$WORK"
BASE="http://localhost:$SERVICE_PORT"
PIDS=()

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
as_postgres() { if [[ "$(id -u)" == 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 2
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  as_postgres "$PG_BIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 240); do if eval "$1" >/dev/null 2>&1; then return 0; fi; sleep 0.5; done; log "timed out: $1"; exit 1; }
sql() { psql -X -q -t -A "postgresql://postgres@localhost:$PG_PORT/jjj_indicators" -c "$1"; }

JAR="$ROOT/services/indicators/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" ]]; then
  log "building the service"
  (cd "$ROOT" && ./mvnw -B -q -pl services/indicators package -DskipTests)
fi
# a copy, so a build of the repository during the run cannot pull the jars away from under the service
cp -r "$ROOT/services/indicators/target/quarkus-app" "$WORK/service"
JAR="$WORK/service/quarkus-run.jar"
KAFKA_LIB="$ROOT/deploy/local/target/lib"
[[ -d "$KAFKA_LIB" ]] || { echo "missing $KAFKA_LIB: ./mvnw -pl deploy/local -am package -DskipTests" >&2; exit 1; }

log "generating data in $WORK"
python3 "$HERE/generate.py" "$WORK" >&2
ls -l "$WORK/observations.csv" >&2

for port in "$PG_PORT" "$KAFKA_PORT" "$SERVICE_PORT"; do
  if bash -c "</dev/tcp/localhost/$port" 2>/dev/null; then echo "port $port is taken; set PG_PORT, KAFKA_PORT or SERVICE_PORT" >&2; exit 1; fi
done
log "PostgreSQL 15 on port $PG_PORT"
mkdir -p "$WORK/pg" "$WORK/sock"
[[ "$(id -u)" == 0 ]] && chown postgres "$WORK/pg" "$WORK/sock"
as_postgres "$PG_BIN/initdb -D $WORK/pg -A trust -U postgres -E UTF8" >/dev/null
as_postgres "$PG_BIN/pg_ctl -D $WORK/pg -l $WORK/pg/server.log -w -o \"-p $PG_PORT -k $WORK/sock -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=100\" start" >/dev/null
psql -X -q "postgresql://postgres@localhost:$PG_PORT/postgres" -c "CREATE DATABASE jjj_indicators"

log "Kafka on port $KAFKA_PORT"
mkdir -p "$WORK/kafka"
cat > "$WORK/kafka/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$KAFKA_PORT,CONTROLLER://localhost:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$WORK/kafka/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
cluster_id="$(java -cp "$KAFKA_LIB/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)"
java -Xmx128m -cp "$KAFKA_LIB/*" kafka.tools.StorageTool format --cluster-id "$cluster_id" \
  --config "$WORK/kafka/server.properties" --ignore-formatted >"$WORK/kafka/format.log" 2>&1
java -Xmx512m -cp "$KAFKA_LIB/*" kafka.Kafka "$WORK/kafka/server.properties" >"$WORK/kafka/kafka.log" 2>&1 &
PIDS+=($!)
wait_for "bash -c '</dev/tcp/localhost/$KAFKA_PORT'"

log "service on port $SERVICE_PORT"
DB_URL="jdbc:postgresql://localhost:$PG_PORT/jjj_indicators" DB_USER=postgres DB_PASSWORD=unused \
KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" QUARKUS_HTTP_PORT="$SERVICE_PORT" \
JJJ_SECURITY_REQUIRE_GATEWAY_TOKEN=false QUARKUS_LOG_LEVEL=WARN \
  java -Xmx2g -jar "$JAR" >"$WORK/service.log" 2>&1 &
PIDS+=($!)
wait_for "curl -sf $BASE/q/health/ready"

curl -sf -H 'Content-Type: text/csv' --data-binary @"$WORK/catalogue.csv" "$BASE/api/indicators/catalogue/feeds" >/dev/null

load_feed=$(cut -d' ' -f1-3 /proc/loadavg)
log "psql \\copy of the same file into a plain table"
sql "CREATE TABLE copy_anchor (indicator text, region text, period text, value numeric, status text, source text, published date)"
start=$(date +%s.%N)
psql -X -q "postgresql://postgres@localhost:$PG_PORT/jjj_indicators" -c "\\copy copy_anchor FROM '$WORK/observations.csv' WITH (FORMAT csv, HEADER true)"
copy_seconds=$(echo "$(date +%s.%N) - $start" | bc)

log "the same file through POST /api/indicators/feeds"
start=$(date +%s.%N)
curl -sf -H 'Content-Type: text/csv' --data-binary @"$WORK/observations.csv" "$BASE/api/indicators/feeds" >"$WORK/feed-report.json"
feed_seconds=$(echo "$(date +%s.%N) - $start" | bc)
cat "$WORK/feed-report.json" >&2; echo >&2
vintages=$(sql "SELECT count(*) FROM observation")
events=$(sql "SELECT count(*) FROM outbox_event WHERE type LIKE 'jjj.indicators.observation.%'")
log "waiting for the outbox relay to send the events to Kafka"
start=$(date +%s.%N)
for _ in $(seq 1 600); do [[ "$(sql "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")" == 0 ]] && break; sleep 1; done
drain_seconds=$(echo "$(date +%s.%N) - $start" | bc)
unsent=$(sql "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")
sql "VACUUM ANALYZE" >/dev/null

SINGLE="$BASE/api/observations?indicator=bench.a001&region=110000&size=100"
PANEL="$BASE/api/observations?indicator=bench.a001,bench.a002,bench.a003,bench.a004,bench.a005&region=110000,120000,130000&from=2000&to=2019&size=1000"
[[ "$(curl -sf "$SINGLE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" == 60 ]]
[[ "$(curl -sf "$PANEL" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" == 300 ]]

run_wrk() {
  wrk -t2 -c"$CLIENTS" -d5s "$1" >/dev/null
  wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency "$1" >"$WORK/wrk-$2.txt"
  local p50 p99 rps
  p50=$(awk '/^ +50%/ {print $2}' "$WORK/wrk-$2.txt")
  p99=$(awk '/^ +99%/ {print $2}' "$WORK/wrk-$2.txt")
  rps=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk-$2.txt")
  echo "| $2 | service (HTTP, JSON) | $p50 | $p99 | $rps |"
}
run_pgbench() {
  rm -f "$WORK"/pgbench_log.*
  pgbench -n -c"$CLIENTS" -j2 -T5 -f "$1" "postgresql://postgres@localhost:$PG_PORT/jjj_indicators" >/dev/null 2>&1
  (cd "$WORK" && pgbench -n -c"$CLIENTS" -j2 -T"$DURATION" -l -f "$1" "postgresql://postgres@localhost:$PG_PORT/jjj_indicators" >"$WORK/pgbench-$2.txt" 2>&1)
  local p50 p99 tps
  read -r p50 p99 < <(cat "$WORK"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2fms %.2fms\n", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000}')
  tps=$(awk '/^tps/ {print $3}' "$WORK/pgbench-$2.txt")
  echo "| $2 | anchor: the same SQL via pgbench | $p50 | $p99 | $tps |"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "queries at $CLIENTS clients, ${DURATION}s each"
{
  echo "| query | client | p50 | p99 | requests/s |"
  echo "|---|---|---|---|---|"
  run_wrk "$SINGLE" single-series
  run_pgbench "$HERE/anchor-single.sql" single-series
  run_wrk "$PANEL" "3x5x20"
  run_pgbench "$HERE/anchor-panel.sql" "3x5x20"
} >"$WORK/queries.md"

{
  echo "## Feed of 1,000,000 rows (load average before: $load_feed)"
  echo
  echo "| load | seconds | rows/s |"
  echo "|---|---|---|"
  printf '| psql \\copy into a plain table | %.2f | %.0f |\n' "$copy_seconds" "$(echo "1000000 / $copy_seconds" | bc -l)"
  printf '| POST /api/indicators/feeds (validated, vintages, %s events in the outbox) | %.2f | %.0f |\n' "$events" "$feed_seconds" "$(echo "1000000 / $feed_seconds" | bc -l)"
  printf '\nfeed / \\copy = %.2f; vintages stored: %s; the relay then needed %.1f s more to send the events to Kafka (%s unsent)\n\n' \
    "$(echo "$feed_seconds / $copy_seconds" | bc -l)" "$vintages" "$drain_seconds" "$unsent"
  echo "## Queries with 1,000,000 observations stored (load average before: $load_before)"
  echo
  cat "$WORK/queries.md"
} | tee "$WORK/results.md"
log "details in $WORK"
