#!/usr/bin/env bash
# SSE fan-out: 1,000 subscribers on the gateway's /api/events, events produced to Kafka, delivery latency from the
# Kafka acknowledgement (the commit) and from the send. Starts its own KRaft broker from deploy/local's jars and the
# gateway on Debian's PostgreSQL 15. See README.md.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
work="$(mktemp -d)"
subscribers="${SUBSCRIBERS:-1000}" events="${EVENTS:-20}"
gateway_port=18080 kafka_port=19092 controller_port=19093
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

lib="$root/deploy/local/target/lib"
[[ -d "$lib" ]] || (cd "$root" && ./mvnw -B -q -pl deploy/local package -DskipTests)
jar="$root/gateway/target/quarkus-app/quarkus-run.jar"
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -B -q -pl gateway package -DskipTests)

cat > "$work/server.properties" <<CONF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$work/kafka
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
CONF
java -cp "$lib/*" kafka.tools.StorageTool format -t "$(java -cp "$lib/*" kafka.tools.StorageTool random-uuid)" -c "$work/server.properties" > "$work/format.log"
java -Xmx512m -cp "$lib/*" kafka.Kafka "$work/server.properties" > "$work/kafka.log" 2>&1 &
pids+=($!)

pg_ctlcluster 15 main start 2>/dev/null || true
su postgres -c "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname='jjj'\" | grep -q 1 || psql -qc \"CREATE ROLE jjj LOGIN PASSWORD 'jjj'\""
su postgres -c "psql -qtc \"SELECT 1 FROM pg_database WHERE datname='jjj_gateway_bench'\" | grep -q 1 || psql -qc 'CREATE DATABASE jjj_gateway_bench OWNER jjj'"

QUARKUS_HTTP_PORT=$gateway_port DB_URL=jdbc:postgresql://localhost:5432/jjj_gateway_bench DB_USER=jjj DB_PASSWORD=jjj \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port QUARKUS_HTTP_LIMITS_MAX_CONNECTIONS=5000 \
  JJJ_RATE_LIMIT_ADDRESS_BURST=100000000 JJJ_RATE_LIMIT_ADDRESS_PER_SECOND=100000000 \
  QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=ERROR java -Xmx512m -jar "$jar" > "$work/gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$gateway_port/q/health/ready" 2>/dev/null | grep -q '"event-relay"' \
    && curl -fs "http://127.0.0.1:$gateway_port/q/health/ready" | grep -q '"status": "UP"' && break
  sleep 1
done
ulimit -n 65536 2>/dev/null || true
java -cp "$lib/*" SseBench.java "http://127.0.0.1:$gateway_port" "127.0.0.1:$kafka_port" "$subscribers" "$events"
