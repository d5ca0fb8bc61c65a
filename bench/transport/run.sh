#!/usr/bin/env bash
# Routing engine benchmark, side by side with pgRouting on the same generated graph.
# Needs: the transport classes built (./mvnw -pl services/transport compile), Debian's PostgreSQL 15 with
# postgresql-15-pgrouting running locally (pg_ctlcluster 15 main start), and root to run psql as postgres.
# PAIRS=20 sets how many of the timed pairs pgRouting repeats (each pgr_dijkstra call reads the whole edge table).
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
CLASSES="$HERE/../../services/transport/target/classes"
OUT=$(mktemp -d /tmp/transport-bench.XXXXXX)
chmod 755 "$OUT"
javac -d "$OUT/classes" -cp "$CLASSES" src/*.java
echo "== engine (in-process)"
java -Xmx3g -cp "$OUT/classes:$CLASSES" TransportBench "$OUT" | tee "$OUT/engine.txt"
ORIGIN=$(sed -n 's/^isochrone origin for pgRouting: //p' "$OUT/engine.txt")
cp pgrouting.sql "$OUT/"
chmod a+r "$OUT"/*.csv "$OUT/pgrouting.sql"
DB=jjj_bench_transport
su postgres -c "createdb $DB" 2>/dev/null || true
echo "== pgRouting $(su postgres -c "psql -XAtq -d $DB -c 'SELECT 1'" >/dev/null && echo ready)"
(cd "$OUT" && su postgres -c "psql -X -d $DB -v pairs=${PAIRS:-20} -v origin=$ORIGIN -f pgrouting.sql") | tee "$OUT/pgrouting.txt"
echo "results in $OUT"
