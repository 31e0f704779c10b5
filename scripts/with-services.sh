#!/usr/bin/env bash
# Runs a command (a benchmark) with the real Redis and Elasticsearch started by services.sh.
# They keep running afterwards for the next run; `scripts/services.sh down` stops them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
services_env=$(scripts/services.sh up)
eval "$services_env"
export REDIS_URL ELASTICSEARCH_URL
exec "$@"
