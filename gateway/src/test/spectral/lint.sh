#!/usr/bin/env bash
# Lints the merged OpenAPI document with Spectral (ruleset spectral:oas); fails on any error.
# The document is the one CombinedOpenApiTest writes to gateway/target/openapi-merged.json, or a file or a
# running gateway's URL given as the first argument (e.g. http://localhost:8080/openapi.json).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
document="${1:-$here/../../../target/openapi-merged.json}"
if [[ "$document" == http* ]]; then
  fetched="$(mktemp --suffix=.json)"
  trap 'rm -f "$fetched"' EXIT
  curl -fsS "$document" -o "$fetched"
  document="$fetched"
fi
if [[ ! -s "$document" ]]; then
  echo "no merged OpenAPI document at $document; run: ./mvnw -pl gateway verify -Dtest=CombinedOpenApiTest" >&2
  exit 2
fi
npx -y @stoplight/spectral-cli@6 lint --ruleset "$here/.spectral.yaml" --fail-severity error "$document"
