#!/bin/sh
# One-shot loader: pushes the default data set (deploy/data, mounted at /data)
# through the gateway's feeds with the admin key. Each feed carries an
# Idempotency-Key derived from the file's content, so running the loader again
# applies nothing twice.
set -eu

: "${JJJ_ADMIN_KEY:?JJJ_ADMIN_KEY must be set}"
GATEWAY="${JJJ_GATEWAY_URL:-http://gateway:8080}"
DATA="${JJJ_DATA_DIR:-/data}"

feed() { # feed <path> <file>
  file="$DATA/$2"
  if [ ! -f "$file" ]; then
    echo "loader: $file is missing" >&2
    exit 1
  fi
  key="jjj-default-$(sha256sum "$file" | cut -c1-32)"
  echo "loader: POST $1 <- $2"
  # Ask for 202 + Location: the answer of a long feed then never depends on one connection staying open.
  status=$(curl --silent --show-error \
       --retry 5 --retry-delay 3 --retry-connrefused \
       -o /tmp/answer -D /tmp/headers -w '%{http_code}' \
       -X POST "$GATEWAY$1" \
       -H "Authorization: Bearer $JJJ_ADMIN_KEY" \
       -H "Content-Type: text/csv" \
       -H "Idempotency-Key: $key" \
       -H "Prefer: respond-async" \
       --data-binary "@$file")
  if [ "$status" = 202 ]; then
    location=$(sed -n 's/^[Ll]ocation: *\([^[:space:]]*\).*$/\1/p' /tmp/headers)
    echo "loader: accepted, following $location"
    state=queued
    while [ "$state" = queued ] || [ "$state" = running ]; do
      sleep 1
      curl --silent --show-error --fail-with-body --retry 5 --retry-delay 3 --retry-connrefused \
           -o /tmp/answer "$GATEWAY$location" -H "Authorization: Bearer $JJJ_ADMIN_KEY"
      state=$(sed -n 's/^{[^{]*"state":"\([a-z]*\)".*$/\1/p' /tmp/answer)
    done
    [ "$state" = succeeded ] && status=200 || status=500
  fi
  cat /tmp/answer
  echo
  case "$status" in
    2*) ;;
    *) echo "loader: $2 was refused (HTTP $status)" >&2; exit 1 ;;
  esac
}

# The routes and their order are those of deploy/local's FeedRoutes (a test there compares them):
# the indicator catalogue before the observations that use it, nodes before the links between them.
feed /api/indicators/feeds/catalogue indicators.csv
feed /api/transport/feeds/nodes transport-nodes.csv
feed /api/transport/feeds/links transport-links.csv
feed /api/projects/feeds/projects projects.csv
feed /api/indicators/feeds/observations observations.csv
echo "loader: default data set loaded"
