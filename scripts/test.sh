#!/usr/bin/env bash
# The test command (`npm test`): starts the real Redis and Elasticsearch, runs every unit and
# integration test against them, and stops them again, so a fresh machine needs nothing by hand.
# PRESSWATCH_KEEP_SERVICES=1 leaves them running for the next run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ARTIFACTS=test-artifacts
TAP_FILE="$ARTIFACTS/results.tap"
# Runs in the same checkout share the servers; each holds a lease (its pid) while it runs, and
# the last one to finish stops them.
LEASES=.services/leases

other_runs_alive() {
  local lease
  for lease in "$LEASES"/*; do
    [[ -e $lease ]] && kill -0 "${lease##*/}" 2>/dev/null && return 0
  done
  return 1
}

stop_services() {
  rm -f "$LEASES/$$"
  if [[ ${PRESSWATCH_KEEP_SERVICES:-0} != 1 ]] && ! other_runs_alive; then
    scripts/services.sh down || true
  fi
}

mkdir -p "$LEASES"
touch "$LEASES/$$"
trap stop_services EXIT
# Interrupted runs exit through the EXIT trap too.
trap 'exit 130' INT
trap 'exit 143' TERM

# The serve page's browser test drives Debian's Chromium (playwright-core fetches no browser).
if [[ ! -x /usr/bin/chromium ]]; then
  echo "installing chromium for the browser test" >&2
  sudo_prefix=()
  [[ $(id -u) -eq 0 ]] || sudo_prefix=(sudo)
  "${sudo_prefix[@]}" apt-get update -qq >&2
  "${sudo_prefix[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi

# Assigned first: a failing `up` inside `eval "$(...)"` would not stop the script.
services_env=$(scripts/services.sh up)
eval "$services_env"
export REDIS_URL ELASTICSEARCH_URL
export PRESSWATCH_ALLOW_PRIVATE_NETWORKS=true

shopt -s nullglob
test_files=(test/unit/*.test.ts test/integration/*.test.ts)
if [[ ${#test_files[@]} -eq 0 ]]; then
  echo "no test files under test/unit or test/integration" >&2
  exit 1
fi

mkdir -p "$ARTIFACTS"
status=0
node --import tsx --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$TAP_FILE" \
  "${test_files[@]}" || status=$?

# The spec reporter's summary is decorated; CI reads TAP's plain `# tests N`, `# pass N`, ...
grep -E '^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' "$TAP_FILE" || true
exit "$status"
