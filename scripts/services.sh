#!/usr/bin/env bash
# Starts and stops the real Redis and Elasticsearch that tests and development use, without
# Docker (see "Real services without Docker" in DESIGN.md).
#
#   scripts/services.sh up      start what is not running, print REDIS_URL=... and
#                               ELASTICSEARCH_URL=... on stdout: eval "$(scripts/services.sh up)"
#   scripts/services.sh down    stop what `up` started
#   scripts/services.sh status  print the state; exit 0 only when both answer
#
# Progress goes to stderr so that stdout carries nothing but the two lines.
set -euo pipefail

# The newest integ-test-zip Maven Central serves (no 9.x is published there); runs on Java 17.
ES_VERSION=8.19.21
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
ES_USER=presswatch-es
# A cold JVM on a small CI runner needs 20-60 s; three minutes means something is wrong.
ES_START_TIMEOUT_S=180
REDIS_START_TIMEOUT_S=15
# Seconds a server gets to stop on SIGTERM before SIGKILL.
STOP_GRACE_S=30

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES_DIR="$PROJECT_DIR/.services"
STATE_FILE="$SERVICES_DIR/state.env"

log() { echo "services: $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*"
  fi
}

APT_UPDATED=0
ensure_command() { # command, Debian package that provides it
  command -v "$1" >/dev/null && return 0
  command -v apt-get >/dev/null || die "'$1' is missing and apt-get is not available: install $2"
  log "installing $2"
  if [[ $APT_UPDATED -eq 0 ]]; then
    as_root apt-get update -qq >&2
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}

free_port() {
  node -e 'const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# True when $1 is a live process whose command line contains $2 (guards against pid reuse).
process_is() {
  [[ -n $1 && -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q -- "$2"
}

load_state() {
  REDIS_PID='' REDIS_PORT='' ES_PID='' ES_PORT='' ES_BASE=''
  # shellcheck disable=SC1090
  if [[ -f $STATE_FILE ]]; then source "$STATE_FILE"; fi
}

save_state() {
  cat >"$STATE_FILE" <<EOF
REDIS_PID=$REDIS_PID
REDIS_PORT=$REDIS_PORT
ES_PID=$ES_PID
ES_PORT=$ES_PORT
ES_BASE=$ES_BASE
EOF
}

redis_healthy() {
  process_is "$REDIS_PID" redis-server &&
    [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]
}

es_healthy() { # wait_seconds: how long Elasticsearch may take to reach yellow in this call
  process_is "$ES_PID" elasticsearch &&
    node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
      "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=${1:-1}s"
}

start_redis() {
  ensure_command redis-server redis-server
  mkdir -p "$SERVICES_DIR/redis"
  REDIS_PORT=$(free_port)
  log "starting redis on 127.0.0.1:$REDIS_PORT"
  # No persistence: test data must never outlive the server.
  setsid redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --dir "$SERVICES_DIR/redis" </dev/null >"$SERVICES_DIR/redis/redis.log" 2>&1 9>&- &
  REDIS_PID=$!
  local deadline=$((SECONDS + REDIS_START_TIMEOUT_S))
  until redis_healthy; do
    if ((SECONDS > deadline)) || ! kill -0 "$REDIS_PID" 2>/dev/null; then
      tail -n 20 "$SERVICES_DIR/redis/redis.log" >&2 || true
      stop_group "$REDIS_PID" redis-server
      die "redis did not answer PING within ${REDIS_START_TIMEOUT_S}s"
    fi
    sleep 0.2
  done
}

es_java_home() {
  if [[ -n ${ES_JAVA_HOME:-} ]]; then echo "$ES_JAVA_HOME" && return; fi
  ensure_command java openjdk-17-jre-headless
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

ensure_es_user() {
  [[ $(id -u) -eq 0 ]] || return 0
  id "$ES_USER" >/dev/null 2>&1 && return 0
  log "creating system user $ES_USER (Elasticsearch refuses to run as root)"
  useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
}

# The command prefix that runs a command as the Elasticsearch user (nothing when not root).
es_user_prefix() {
  if [[ $(id -u) -eq 0 ]]; then echo runuser -u "$ES_USER" --; fi
}

# Elasticsearch's files live under .services unless its user cannot reach that directory
# (a checkout under /root is mode 700); then under /var/tmp, keyed by the project's path.
choose_es_base() {
  ES_BASE="$SERVICES_DIR/elasticsearch"
  # shellcheck disable=SC2046
  if ! $(es_user_prefix) test -x "$SERVICES_DIR"; then
    ES_BASE="/var/tmp/presswatch-services-$(echo "$PROJECT_DIR" | md5sum | cut -c1-12)"
    log "$ES_USER cannot enter $SERVICES_DIR; using $ES_BASE"
  fi
  mkdir -p "$ES_BASE"
}

install_es() {
  local home="$ES_BASE/elasticsearch-$ES_VERSION"
  [[ -x $home/bin/elasticsearch ]] && return 0
  ensure_command mvn maven
  ensure_command unzip unzip
  log "fetching Elasticsearch $ES_VERSION (cached in the local Maven repository)"
  # Maven prints colour resets even when quiet and not on a terminal; keep logs clean.
  mvn -q -B dependency:copy -Dartifact="$ES_ARTIFACT" -DoutputDirectory="$ES_BASE/download" 2>&1 |
    sed 's/\x1b\[[0-9;]*m//g' >&2
  unzip -q -o "$ES_BASE/download/elasticsearch-$ES_VERSION.zip" -d "$ES_BASE"
  rm -rf "$ES_BASE/download"
}

launch_es() {
  local home="$ES_BASE/elasticsearch-$ES_VERSION" java_home
  java_home=$(es_java_home)
  # A fresh cluster per start: indices left by crashed test runs must not pile up.
  rm -rf "$ES_BASE/data" "$ES_BASE/logs"
  mkdir -p "$ES_BASE/data" "$ES_BASE/logs"
  if [[ $(id -u) -eq 0 ]]; then chown -R "$ES_USER:" "$ES_BASE"; fi
  ES_PORT=$(free_port)
  log "starting Elasticsearch $ES_VERSION on 127.0.0.1:$ES_PORT (Java: $java_home)"
  # shellcheck disable=SC2046
  setsid $(es_user_prefix) env ES_JAVA_HOME="$java_home" ES_JAVA_OPTS='-Xms512m -Xmx512m' \
    "$home/bin/elasticsearch" -E discovery.type=single-node -E network.host=127.0.0.1 \
    -E http.port="$ES_PORT" -E path.data="$ES_BASE/data" -E path.logs="$ES_BASE/logs" \
    -E xpack.security.enabled=false -E cluster.routing.allocation.disk.threshold_enabled=false \
    </dev/null >"$ES_BASE/console.log" 2>&1 9>&- &
  ES_PID=$!
}

fail_es_start() {
  if kill -0 "$ES_PID" 2>/dev/null; then
    log "Elasticsearch did not reach yellow within ${ES_START_TIMEOUT_S}s; last lines of its log:"
  else
    log "Elasticsearch exited while starting; last lines of its log:"
  fi
  tail -n 40 "$ES_BASE/console.log" >&2 || true
  stop_group "$ES_PID" elasticsearch
  die "Elasticsearch failed to start (full log: $ES_BASE/console.log)"
}

start_es() {
  ensure_es_user
  choose_es_base
  install_es
  launch_es
  local started=$SECONDS deadline=$((SECONDS + ES_START_TIMEOUT_S))
  until es_healthy 2; do
    if ((SECONDS > deadline)) || ! kill -0 "$ES_PID" 2>/dev/null; then fail_es_start; fi
    sleep 1
  done
  log "Elasticsearch is up after $((SECONDS - started))s"
}

# Servers run as leaders of their own process group (setsid), so the group id is their pid.
stop_group() { # pid, expected command
  process_is "$1" "$2" || return 0
  kill -TERM -- "-$1" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_GRACE_S))
  while process_is "$1" "$2" && ((SECONDS < deadline)); do sleep 0.5; done
  if process_is "$1" "$2"; then kill -KILL -- "-$1" 2>/dev/null || true; fi
}

cmd_up() {
  chmod 755 "$SERVICES_DIR"
  load_state
  # A recorded server that runs but does not answer is stopped before a new one starts.
  if redis_healthy; then log "reusing redis on port $REDIS_PORT"; else
    stop_group "$REDIS_PID" redis-server
    start_redis
  fi
  save_state
  if es_healthy 5; then log "reusing Elasticsearch on port $ES_PORT"; else
    stop_group "$ES_PID" elasticsearch
    start_es
  fi
  save_state
  echo "REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
  echo "ELASTICSEARCH_URL=http://127.0.0.1:$ES_PORT"
}

cmd_down() {
  load_state
  stop_group "$REDIS_PID" redis-server
  stop_group "$ES_PID" elasticsearch
  rm -f "$STATE_FILE"
  log "stopped"
}

cmd_status() {
  load_state
  local healthy=0
  if redis_healthy; then echo "redis: running pid=$REDIS_PID url=redis://127.0.0.1:$REDIS_PORT"; else
    echo "redis: not running"
    healthy=1
  fi
  if es_healthy 1; then echo "elasticsearch: running pid=$ES_PID url=http://127.0.0.1:$ES_PORT"; else
    echo "elasticsearch: not running"
    healthy=1
  fi
  return $healthy
}

# One invocation at a time: concurrent `up`s must not start two of each server. The servers
# are started with fd 9 closed so that they do not hold the lock.
mkdir -p "$SERVICES_DIR"
exec 9>"$SERVICES_DIR/lock"
flock 9
case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) die "usage: $0 up|down|status" ;;
esac
