#!/usr/bin/env bash
# The edge's cost, two ways, in one run:
#  1. EdgeDecisionBench: nanoseconds per request for the canonical path and the policy decision alone;
#  2. the gateway before the edge rewrite (BEFORE_REV, default 666ba59) and after it (this checkout), each in front
#     of the same stand-in service, measured with wrk at 32 connections in alternating rounds (ROUNDS, default 5,
#     of DURATION seconds, default 10): p50, p99 and req/s per round, then the median and spread of each.
# BEFORE_APP may name an already built quarkus-app folder of the earlier gateway instead of building BEFORE_REV.
# Needs wrk and nginx (apt-get install -y wrk nginx) and Debian's PostgreSQL 15 for the gateways' key tables.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
before_rev="${BEFORE_REV:-666ba59}"
rounds="${ROUNDS:-5}" duration="${DURATION:-10}"
work="$(mktemp -d)"; chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$work/standin.pid" ]] && kill "$(cat "$work/standin.pid")" 2>/dev/null || true
  git -C "$root" worktree remove --force "$work/before" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx: apt-get install -y wrk nginx" >&2; exit 2; }

after_app="$root/gateway/target/quarkus-app"
[[ -f "$after_app/quarkus-run.jar" ]] || (cd "$root" && ./mvnw -B -q -pl gateway -am package -DskipTests)
if [[ -n "${BEFORE_APP:-}" ]]; then
  before_app="$BEFORE_APP"
else
  git -C "$root" worktree add -q --detach "$work/before" "$before_rev"
  (cd "$work/before" && ./mvnw -B -q -pl gateway -am package -DskipTests)
  before_app="$work/before/gateway/target/quarkus-app"
fi

echo "== 1. canonical path + policy decision (in-process)"
cp="$root/gateway/target/classes:$(find "$after_app/lib" -name '*.jar' | tr '\n' ':')"
javac -d "$work/bench" -cp "$cp" src/EdgeDecisionBench.java
java -cp "$work/bench:$cp" EdgeDecisionBench | tail -1

printf '%s' '{"code":"110000","nameEn":"Beijing","nameZh":"北京市","level":"province","parent":null,"lon":116.407,"lat":39.904}' > "$work/region.json"
mkdir -p "$work/standin"
cat > "$work/standin/nginx.conf" <<CONF
worker_processes 1; pid $work/standin.pid; error_log $work/standin/error.log warn;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $work/standin; proxy_temp_path $work/standin; fastcgi_temp_path $work/standin;
  uwsgi_temp_path $work/standin; scgi_temp_path $work/standin;
  server { listen 127.0.0.1:18181; location = /api/regions/110000 { default_type application/json; alias $work/region.json; } } }
CONF
nginx -c "$work/standin/nginx.conf"

pg_ctlcluster 15 main start 2>/dev/null || true
su postgres -c "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname='jjj'\" | grep -q 1 || psql -qc \"CREATE ROLE jjj LOGIN PASSWORD 'jjj'\""
for db in jjj_gateway_before jjj_gateway_after; do
  su postgres -c "psql -qtc \"SELECT 1 FROM pg_database WHERE datname='$db'\" | grep -q 1 || psql -qc 'CREATE DATABASE $db OWNER jjj'"
done

start_gateway() { # name, app dir, port
  QUARKUS_HTTP_PORT=$3 DB_URL=jdbc:postgresql://localhost:5432/jjj_gateway_$1 DB_USER=jjj DB_PASSWORD=jjj \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 JJJ_INDICATORS_URL=http://127.0.0.1:18181 \
    JJJ_GATEWAY_TOKEN_SECRET="$(head -c 32 /dev/urandom | base64)" JJJ_PUBLIC_BASE_URL=http://localhost:$3 \
    JJJ_RATE_LIMIT_ADDRESS_BURST=100000000 JJJ_RATE_LIMIT_ADDRESS_PER_SECOND=100000000 \
    QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=ERROR java -Xmx512m -jar "$2/quarkus-run.jar" > "$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$3/api/regions/110000" >/dev/null 2>&1 && return; sleep 1; done
  tail -30 "$work/$1.log"; exit 1
}
start_gateway before "$before_app" 18180
start_gateway after "$after_app" 18182
for port in 18180 18182; do wrk -t2 -c32 -d5s "http://127.0.0.1:$port/api/regions/110000" > /dev/null; done

echo "== 2. GET /api/regions/110000 through each gateway, wrk -t2 -c32, ${duration}s per round, $(nproc) cores"
echo "| round | gateway | p50 | p99 | req/s | load (1 min) |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 "$rounds"); do
  for which in before:18180 after:18182; do
    name=${which%%:*} port=${which##*:}
    wrk -t2 -c32 -d"${duration}s" --latency "http://127.0.0.1:$port/api/regions/110000" > "$work/wrk.txt"
    p50=$(awk '$1=="50%"{print $2}' "$work/wrk.txt"); p99=$(awk '$1=="99%"{print $2}' "$work/wrk.txt")
    rps=$(awk '/Requests\/sec/{print $2}' "$work/wrk.txt")
    echo "$name $p50 $p99 $rps" >> "$work/results.txt"
    printf '| %d | %s | %s | %s | %s | %s |\n' "$r" "$name" "$p50" "$p99" "$rps" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
python3 - "$work/results.txt" <<'PY'
import sys, statistics
def ms(v):
    return float(v[:-2]) if v.endswith('ms') else float(v[:-2]) / 1000 if v.endswith('us') else float(v[:-1]) * 1000
rows = [l.split() for l in open(sys.argv[1])]
for name in ('before', 'after'):
    mine = [r for r in rows if r[0] == name]
    p50 = sorted(ms(r[1]) for r in mine); rps = sorted(float(r[3]) for r in mine)
    print(f"{name}: p50 median {statistics.median(p50):.3f} ms (min {p50[0]:.3f}, max {p50[-1]:.3f}); "
          f"req/s median {statistics.median(rps):,.0f} (min {rps[0]:,.0f}, max {rps[-1]:,.0f}); {len(mine)} rounds")
PY
