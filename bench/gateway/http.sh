#!/usr/bin/env bash
# The same small JSON read three ways in one run: straight to the service, through the gateway, and through nginx as
# a plain reverse proxy to the same service; wrk at 32 and 256 connections. See README.md.
#
# SERVICE_URL   a read on a running service to measure (default: a stand-in nginx serving a small static JSON)
# DURATION      seconds per wrk run (default 15)
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
work="$(mktemp -d)"; chmod 755 "$work"  # nginx workers read the stand-in's file
duration="${DURATION:-15}"
gateway_port=18080 standin_port=18081 nginx_port=18082
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$work/standin.pid" ]] && kill "$(cat "$work/standin.pid")" 2>/dev/null || true
  [[ -f "$work/proxy.pid" ]] && kill "$(cat "$work/proxy.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx: apt-get install -y wrk nginx" >&2; exit 2; }
jar="$root/gateway/target/quarkus-app/quarkus-run.jar"
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -B -q -pl gateway package -DskipTests)

nginx_conf() { # name, server block
  mkdir -p "$work/$1"
  cat > "$work/$1/nginx.conf" <<CONF
worker_processes auto;
pid $work/$1.pid;
error_log $work/$1/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/$1; proxy_temp_path $work/$1; fastcgi_temp_path $work/$1; uwsgi_temp_path $work/$1; scgi_temp_path $work/$1;
  $2
}
CONF
  nginx -c "$work/$1/nginx.conf"
}

if [[ -z "${SERVICE_URL:-}" ]]; then
  printf '%s' '{"code":"110000","nameEn":"Beijing","nameZh":"北京市","level":"province","parent":null,"lon":116.407,"lat":39.904}' > "$work/region.json"
  nginx_conf standin "server { listen 127.0.0.1:$standin_port; location = /api/regions/110000 { default_type application/json; alias $work/region.json; } }"
  SERVICE_URL="http://127.0.0.1:$standin_port/api/regions/110000"
fi
service_base="$(echo "$SERVICE_URL" | sed -E 's#(https?://[^/]+).*#\1#')"
path="$(echo "$SERVICE_URL" | sed -E 's#https?://[^/]+##')"
nginx_conf proxy "upstream service { server ${service_base#http://}; keepalive 256; }
  server { listen 127.0.0.1:$nginx_port; location / { proxy_pass $service_base; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host \$host; } }"

# The gateway's database: Debian's PostgreSQL 15
pg_ctlcluster 15 main start 2>/dev/null || true
su postgres -c "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname='jjj'\" | grep -q 1 || psql -qc \"CREATE ROLE jjj LOGIN PASSWORD 'jjj'\""
su postgres -c "psql -qtc \"SELECT 1 FROM pg_database WHERE datname='jjj_gateway_bench'\" | grep -q 1 || psql -qc 'CREATE DATABASE jjj_gateway_bench OWNER jjj'"

QUARKUS_HTTP_PORT=$gateway_port DB_URL=jdbc:postgresql://localhost:5432/jjj_gateway_bench DB_USER=jjj DB_PASSWORD=jjj \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 JJJ_INDICATORS_URL="$service_base" \
  JJJ_RATE_LIMIT_ADDRESS_BURST=100000000 JJJ_RATE_LIMIT_ADDRESS_PER_SECOND=100000000 \
  QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=ERROR java -Xmx512m -jar "$jar" > "$work/gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$gateway_port$path" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$gateway_port$path" >/dev/null || { tail -30 "$work/gateway.log"; exit 1; }

run() { # label, url, connections
  wrk -t2 -c"$3" -d"${duration}s" --latency "$2" > "$work/wrk.txt"
  local p50 p99 rps
  p50=$(awk '$1=="50%"{print $2}' "$work/wrk.txt"); p99=$(awk '$1=="99%"{print $2}' "$work/wrk.txt")
  rps=$(awk '/Requests\/sec/{print $2}' "$work/wrk.txt")
  printf '| %-8s | %4s | %10s | %10s | %10s |\n' "$1" "$3" "$p50" "$p99" "$rps"
}
echo "read: $path ($(curl -s "$SERVICE_URL" | wc -c) bytes), ${duration}s per run, $(nproc) cores"
for url in "$SERVICE_URL" "http://127.0.0.1:$gateway_port$path" "http://127.0.0.1:$nginx_port$path"; do
  wrk -t2 -c32 -d5s "$url" > /dev/null   # warm-up (JIT, pools)
done
echo "| path     | conn |        p50 |        p99 |    req/s   |"
echo "|----------|------|------------|------------|------------|"
for c in 32 256; do
  run direct "$SERVICE_URL" "$c"
  run gateway "http://127.0.0.1:$gateway_port$path" "$c"
  run nginx "http://127.0.0.1:$nginx_port$path" "$c"
done
