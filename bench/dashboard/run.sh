#!/usr/bin/env bash
# First view of the dashboard beside Swagger UI's, against a running suite (./jjj up --detach).
# Usage: bench/dashboard/run.sh [gateway url] [repetitions]
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --prefer-offline >/dev/null
uptime
node first-view.mjs "${1:-http://localhost:8080}" "${2:-7}"
uptime
