# Shared by the bench/<area>/run scripts (sourced, not run): a PostgreSQL cluster, services and the gateway of their own
# on free ports, stopped by process id at the end; open-loop HTTP load and pgbench at the same fixed rate; one line per
# measurement into a TSV that stats.py turns into a table with medians and spreads.
# Needs: Debian's PostgreSQL 15 (postgresql-15: server, psql, pgbench), a JDK 17, python3, curl, bc.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_LIB="$BENCH_ROOT/bench/lib"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
CORES=$(nproc)

# Every feed endpoint the benches post to. The environment may override one, to bench a build that still answers
# an older path.
FEED_INDICATORS_CATALOGUE="${FEED_INDICATORS_CATALOGUE:-/api/indicators/feeds/catalogue}"
FEED_INDICATORS_OBSERVATIONS="${FEED_INDICATORS_OBSERVATIONS:-/api/indicators/feeds/observations}"
FEED_PROJECTS="${FEED_PROJECTS:-/api/projects/feeds/projects}"

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
sql() { "$PG_BIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 "$(pg_url "$1")" -c "$2"; }

# start_app FOLDER NAME [NAME=value...]: the packaged Quarkus app of FOLDER (built when missing; copied, so a build
# during the run cannot pull the jars away) on a free port, in a database NAME of its own, with no broker; sets APP_URL.
start_app() {
  local folder="$1" name="$2" port pid
  local app="$BENCH_ROOT/$folder/target/quarkus-app"
  if [[ ! -f "$app/quarkus-run.jar" ]]; then
    log "building $folder"
    (cd "$BENCH_ROOT" && ./mvnw -B -q -pl "$folder" -am package -DskipTests) >&2
  fi
  cp -r "$app" "$BENCH_WORK/$name"
  port="$(free_port)"
  sql postgres "CREATE DATABASE jjj_$name"
  DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/jjj_$name" DB_USER=postgres DB_PASSWORD=unused KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
  JJJ_GATEWAY_TOKEN_SECRET="$TOKEN_SECRET" QUARKUS_HTTP_PORT="$port" QUARKUS_LOG_LEVEL=WARN env "${@:3}" \
    java ${APP_JAVA_OPTS:--Xmx2g} -jar "$BENCH_WORK/$name/quarkus-run.jar" >"$BENCH_WORK/$name.log" 2>&1 &
  pid=$!
  BENCH_PIDS+=($pid)
  APP_PID=$pid
  APP_URL="http://127.0.0.1:$port"
  wait_for "kill -0 $pid && curl -sf $APP_URL/q/health/live" || { tail -50 "$BENCH_WORK/$name.log" >&2; return 1; }
  log "$folder on port $port"
}

# start_service MODULE [NAME=value...]: services/MODULE in database jjj_MODULE, relay off (the outbox is written, not
# sent), feeds answered when applied (not 202 with a run to poll, so the time taken from outside is the feed's); sets
# SERVICE_URL, and DB to the service's database.
declare -A SERVICE_URLS
start_service() {
  start_app "services/$1" "$1" JJJ_OUTBOX_RELAY_ENABLED=false JJJ_FEEDS_ASYNC_ABOVE_BYTES=1073741824 "${@:2}"
  SERVICE_URL="$APP_URL"
  SERVICE_NAME="$1"
  SERVICE_URLS[$1]="$APP_URL"
  DB="jjj_$1"
}

# start_gateway [NAME=value...]: the gateway in front of the services started so far (one not started answers on a
# closed port), rate limits out of the way; sets GATEWAY_URL, GATEWAY_PID and ADMIN_KEY.
ADMIN_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
start_gateway() {
  local closed=http://127.0.0.1:9
  APP_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xms32m -Xmx256m -XX:+UseSerialGC}" start_app gateway gateway \
    JJJ_INDICATORS_URL="${SERVICE_URLS[indicators]:-$closed}" JJJ_PROJECTS_URL="${SERVICE_URLS[projects]:-$closed}" \
    JJJ_TRANSPORT_URL="${SERVICE_URLS[transport]:-$closed}" JJJ_ADMIN_KEY="$ADMIN_KEY" \
    JJJ_RATE_LIMIT_ADDRESS_BURST=1000000000 JJJ_RATE_LIMIT_ADDRESS_PER_SECOND=1000000000 \
    JJJ_RATE_LIMIT_KEY_BURST=1000000000 JJJ_RATE_LIMIT_KEY_PER_SECOND=1000000000 "$@"
  GATEWAY_URL="$APP_URL"
  GATEWAY_PID="$APP_PID"
}

# The services' connection pool (quarkus.datasource.jdbc.max-size in platform): the pgbench anchors get as many
# connections.
SERVICE_POOL=30

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

# post_feed PATH FILE [REPORT]: the CSV file to the service's feed endpoint PATH, the answer into REPORT.
post_feed() {
  curl -sf -o "${3:-/dev/null}" -H "$(write_token "$1")" -H 'Content-Type: text/csv' --data-binary @"$2" "$SERVICE_URL$1"
}

# urls_of PATHS BASE_URL: a file of URLs, BASE_URL before each path of PATHS; prints its name.
urls_of() {
  local urls
  urls="$BENCH_WORK/$(basename "$1" .paths)-$(echo "$2" | tr -c 'a-z0-9\n' '_').urls"
  sed "s|^|$2|" "$1" >"$urls"
  echo "$urls"
}

# open_loop URLS RATE SECONDS [HEADER]: one OpenLoop line after a warm-up of a fifth of the time.
open_loop() {
  [[ -f "$BENCH_WORK/classes/OpenLoop.class" ]] || javac -d "$BENCH_WORK/classes" "$BENCH_LIB/OpenLoop.java"
  java -Xmx256m -cp "$BENCH_WORK/classes" OpenLoop --urls "$1" --rate "$2" --seconds "$3" \
    --warmup "$(echo "$3 / 5" | bc -l)" ${4:+--header "$4"}
}

# revalidate_loop URLS RATE SECONDS: open_loop with each URL's ETag in If-None-Match (every answer must be a 304).
revalidate_loop() {
  [[ -f "$BENCH_WORK/classes/OpenLoop.class" ]] || javac -d "$BENCH_WORK/classes" "$BENCH_LIB/OpenLoop.java"
  java -Xmx256m -cp "$BENCH_WORK/classes" OpenLoop --urls "$1" --rate "$2" --seconds "$3" \
    --warmup "$(echo "$3 / 5" | bc -l)" --revalidate true
}

# pgbench_at_rate SQL_FILE DB RATE SECONDS [pgbench options, e.g. -D name=value]: the same fixed rate through pgbench
# with the service's pool of connections (prepared statements, as the JDBC driver sends them once warm), after a
# warm-up of a fifth of the time; one line as OpenLoop prints.
pgbench_at_rate() {
  local dir warmup
  dir="$(mktemp -d -p "$BENCH_WORK" pgbench.XXXX)"
  warmup="$(python3 -c "print(max(1, round($4 / 5)))")"
  "$PG_BIN/pgbench" -n -M prepared -c $SERVICE_POOL -j 2 -R "$3" -T "$warmup" "${@:5}" -f "$1" "$(pg_url "$2")" \
    >"$dir/warmup.out" 2>&1 || { cat "$dir/warmup.out" >&2; return 1; }
  (cd "$dir" && "$PG_BIN/pgbench" -n -M prepared -c $SERVICE_POOL -j 2 -R "$3" -T "$4" -l "${@:5}" -f "$1" "$(pg_url "$2")" \
    >"$dir/run.out" 2>&1) || { cat "$dir/run.out" >&2; return 1; }
  python3 "$BENCH_LIB/stats.py" pglog "$4" "$dir"/pgbench_log.*
}

# record MEASURE SIDE METRIC VALUE...: lines of the TSV stats.py reads, one per metric.
record() {
  local measure="$1" side="$2"
  shift 2
  while (($# >= 2)); do
    printf '%s\t%s\t%s\t%s\n' "$measure" "$side" "$1" "$2" >>"$TSV"
    shift 2
  done
}

# measure_latency MEASURE SIDE COMMAND...: runs the command (open_loop or pgbench_at_rate) and records its line, with
# the load average before and after, as one repetition of a latency figure.
measure_latency() {
  local before line p50 p99 p999 achieved errors n
  before="$(load1)"
  line="$("${@:3}")"
  read -r p50 p99 p999 achieved errors n <<<"$line"
  [[ -n "$n" ]] || { log "no figures from: ${*:3}"; return 1; }
  record "$1" "$2" "p50 ms" "$p50" "p99 ms" "$p99" "p99.9 ms" "$p999" "req/s" "$achieved" "errors" "$errors" \
    "load before" "$before" "load after" "$(load1)"
}

# measure_seconds MEASURE SIDE ROWS COMMAND...: runs the command and records the time it took, with the load average
# before and after, as one repetition of a timed load.
measure_seconds() {
  local before start took
  before="$(load1)"
  start=$(date +%s.%N)
  "${@:4}"
  took=$(seconds_since "$start")
  record "$1" "$2" "seconds" "$took" "rows/s" "$(echo "$3 / $took" | bc -l)" "load before" "$before" "load after" "$(load1)"
}

figures_table() { python3 "$BENCH_LIB/stats.py" table "$TSV" "$CORES"; }

# fail_on_errors: exits non-zero when any latency run counted a failed request (after the area printed its table).
fail_on_errors() {
  local failed
  failed="$(awk -F'\t' '$3 == "errors" && $4 > 0 { print $1 " (" $2 "): " $4 }' "$TSV")"
  [[ -z "$failed" ]] || { log "failed requests: $failed"; exit 1; }
}
