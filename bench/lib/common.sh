# Shared by the bench/<area>/run scripts (sourced, not run): a PostgreSQL cluster and a service of their own on free
# ports, stopped by process id at the end; open-loop HTTP load and pgbench at the same fixed rate; one line per
# repetition into a TSV that stats.py turns into a table with medians and spreads.
# Needs: Debian's PostgreSQL 15 server binaries and pgbench, a JDK 17, python3, curl.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_LIB="$BENCH_ROOT/bench/lib"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
BENCH_PIDS=()
BENCH_WORK="${BENCH_WORK:-$(mktemp -d /tmp/bench.XXXXXX)}"
mkdir -p "$BENCH_WORK"
chmod 755 "$BENCH_WORK"
TSV="$BENCH_WORK/figures.tsv"
: >"$TSV"

QUICK=false
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
  esac
done

export PGOPTIONS="-c client_min_messages=warning"
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
load1() { cut -d' ' -f1 /proc/loadavg; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_postgres() { if [[ "$(id -u)" == 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
wait_for() {
  local deadline=$((SECONDS + ${2:-240}))
  until eval "$1" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { log "timed out: $1"; return 1; }
    sleep 0.5
  done
}
seconds_since() { echo "$(date +%s.%N) - $1" | bc; }

bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${BENCH_PIDS[@]}"; do
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [[ -d "$BENCH_WORK/pg" ]] && as_postgres "$PG_BIN/pg_ctl -D $BENCH_WORK/pg -m fast stop" >/dev/null 2>&1 || true
  [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$BENCH_WORK"
}
trap bench_cleanup EXIT

# start_postgres: a fresh cluster in the work folder; sets PG_PORT.
start_postgres() {
  PG_PORT="$(free_port)"
  mkdir -p "$BENCH_WORK/pg" "$BENCH_WORK/sock"
  [[ "$(id -u)" == 0 ]] && chown postgres "$BENCH_WORK/pg" "$BENCH_WORK/sock"
  as_postgres "$PG_BIN/initdb -D $BENCH_WORK/pg -A trust -U postgres -E UTF8" >/dev/null
  as_postgres "$PG_BIN/pg_ctl -D $BENCH_WORK/pg -l $BENCH_WORK/pg/server.log -w -o \"-p $PG_PORT -k $BENCH_WORK/sock \
    -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=200\" start" >/dev/null
  log "PostgreSQL 15 on port $PG_PORT"
}
pg_url() { echo "postgresql://postgres@127.0.0.1:$PG_PORT/$1"; }
sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$(pg_url "$1")" -c "$2"; }

# start_service MODULE DB [NAME=value...]: the module's packaged service (copied, so a build during the run cannot pull the jars
# away), relay off (the outbox is written, not sent), gateway token check off, feeds answered when applied (not 202
# with a run to poll, so the time taken from outside is the feed's); sets SERVICE_URL.
start_service() {
  local module="$1" db="$2" port
  local app="$BENCH_ROOT/services/$module/target/quarkus-app"
  if [[ ! -f "$app/quarkus-run.jar" ]]; then
    log "building services/$module"
    (cd "$BENCH_ROOT" && ./mvnw -B -q -pl "services/$module" -am package -DskipTests) >&2
  fi
  cp -r "$app" "$BENCH_WORK/$module"
  port="$(free_port)"
  sql postgres "CREATE DATABASE $db"
  DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" DB_USER=postgres DB_PASSWORD=unused KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
  JJJ_OUTBOX_RELAY_ENABLED=false JJJ_GATEWAY_TOKEN_SECRET="$TOKEN_SECRET" JJJ_FEEDS_ASYNC_ABOVE_BYTES=1073741824 \
  QUARKUS_HTTP_PORT="$port" QUARKUS_LOG_LEVEL=WARN env "${@:3}" \
    java -Xmx2g -jar "$BENCH_WORK/$module/quarkus-run.jar" >"$BENCH_WORK/$module.log" 2>&1 &
  local pid=$!
  BENCH_PIDS+=($pid)
  SERVICE_URL="http://127.0.0.1:$port"
  SERVICE_NAME="$module"
  wait_for "kill -0 $pid && curl -sf $SERVICE_URL/q/health/live" || { tail -50 "$BENCH_WORK/$module.log" >&2; return 1; }
  kill -0 $pid || { tail -50 "$BENCH_WORK/$module.log" >&2; return 1; }
  log "services/$module on port $port"
}

# write_token PATH: the header a POST to PATH on the service needs, signed as the gateway signs it (admin scope).
TOKEN_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
write_token() {
  python3 - "$TOKEN_SECRET" "$SERVICE_NAME" "$1" <<'PY'
import base64, hashlib, hmac, json, sys, time
secret, service, path = sys.argv[1:]
now = int(time.time())
payload = json.dumps({"sub": "bench", "scp": ["admin"], "aud": service, "mth": "POST", "pth": path,
                      "iat": now, "exp": now + 600}, separators=(",", ":"))
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
body = b64(payload.encode())
print("X-JJJ-Gateway-Token: " + body + "." + b64(hmac.new(secret.encode(), body.encode("ascii"), hashlib.sha256).digest()))
PY
}

# open_loop URLS RATE SECONDS [CONNECTIONS]: one OpenLoop line after a warm-up of a fifth of the time.
open_loop() {
  [[ -f "$BENCH_WORK/classes/OpenLoop.class" ]] || javac -d "$BENCH_WORK/classes" "$BENCH_LIB/OpenLoop.java"
  java -Xmx256m -cp "$BENCH_WORK/classes" OpenLoop --urls "$1" --rate "$2" --seconds "$3" \
    --warmup "$(echo "$3 / 5" | bc -l)" --connections "${4:-64}"
}

# pgbench_at_rate SQL_FILE DB RATE SECONDS CLIENTS [pgbench options, e.g. -D name=value]: the same fixed rate
# through pgbench (prepared statements, as the JDBC driver sends them once warm), after a warm-up of a fifth of the
# time; one line as OpenLoop prints.
pgbench_at_rate() {
  local dir warmup
  dir="$(mktemp -d -p "$BENCH_WORK" pgbench.XXXX)"
  warmup="$(python3 -c "print(max(1, round($4 / 5)))")"
  pgbench -n -M prepared -c "$5" -j 2 -R "$3" -T "$warmup" "${@:6}" -f "$1" "$(pg_url "$2")" >"$dir/warmup.out" 2>&1 \
    || { cat "$dir/warmup.out" >&2; return 1; }
  (cd "$dir" && pgbench -n -M prepared -c "$5" -j 2 -R "$3" -T "$4" -l "${@:6}" -f "$1" "$(pg_url "$2")" \
    >"$dir/run.out" 2>&1) || { cat "$dir/run.out" >&2; return 1; }
  python3 "$BENCH_LIB/stats.py" pglog "$4" "$dir"/pgbench_log.*
}

# measure_latency MEASURE SIDE COMMAND...: runs the command (open_loop or pgbench_at_rate) and records its line as one
# repetition of a latency figure.
measure_latency() {
  local line p50 p99 p999 achieved errors n
  line="$("${@:3}")"
  read -r p50 p99 p999 achieved errors n <<<"$line"
  [[ -n "$n" ]] || { log "no figures from: ${*:3}"; return 1; }
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "p50 ms" "$p50" "$1" "$2" "p99 ms" "$p99" "$1" "$2" "p99.9 ms" "$p999" \
    "$1" "$2" "req/s" "$achieved" "$1" "$2" "errors" "$errors" "$1" "$2" "load 1m" "$(load1)" >>"$TSV"
}

# record_seconds MEASURE SIDE SECONDS ROWS: one repetition of a timed load.
record_seconds() {
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "seconds" "$3" "$1" "$2" "rows/s" "$(echo "$4 / $3" | bc -l)" \
    "$1" "$2" "load 1m" "$(load1)" >>"$TSV"
}

figures_table() { python3 "$BENCH_LIB/stats.py" table "$TSV"; }
