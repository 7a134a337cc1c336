#!/usr/bin/env bash
# Gatehouse on one machine, with nothing installed but a JDK (17+):
# embedded PostgreSQL, a real single-node Kafka broker (KRaft) as its own process, then the four services.
#
#   deploy/local/run.sh          the whole system
#   deploy/local/run.sh infra    only PostgreSQL and Kafka, for `./mvnw -pl <service> quarkus:dev`
#
# All data lives in $GATEHOUSE_HOME (default .gatehouse/ in the repo), so a restart finds it again.
# Ctrl-C stops everything in order: services first, then Kafka, then PostgreSQL.
#
# Environment (all optional):
#   GATEHOUSE_HOME              data folder (default <repo>/.gatehouse)
#   GATEHOUSE_DB_HOST           use this external PostgreSQL instead of the embedded one
#   GATEHOUSE_DB_PORT           PostgreSQL port (default 5432)
#   GATEHOUSE_DB_NAME           database (default postgres)
#   GATEHOUSE_DB_PASSWORD_<ROLE> external database: each service role's password (DIRECTORY, APPS, TOKEN, AUDIT)
#   GATEHOUSE_KAFKA_BOOTSTRAP   use this external Kafka instead of the local broker
#   GATEHOUSE_KAFKA_PORT        local broker port (default 9092; its controller uses the next port)
#   GATEHOUSE_SMTP_HOST         send e-mail through this SMTP server instead of the local one (with
#                               GATEHOUSE_SMTP_PORT, _USER, _PASSWORD, GATEHOUSE_MAIL_FROM)
#   GATEHOUSE_SMTP_PORT         local SMTP port (default 2525)
#   GATEHOUSE_REBUILD=1         rebuild the jars even if they exist
#   GATEHOUSE_CONSOLE_PORT      the web console's port (default 8085)
set -euo pipefail
set -m # each background job gets its own process group: Ctrl-C reaches this script only, which stops them in order

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MODE=${1:-all}
case "$MODE" in all|infra) ;; *) echo "usage: $0 [infra]" >&2; exit 2 ;; esac

DATA=${GATEHOUSE_HOME:-$ROOT/.gatehouse}
DB_HOST=${GATEHOUSE_DB_HOST:-}
DB_PORT=${GATEHOUSE_DB_PORT:-5432}
DB_NAME=${GATEHOUSE_DB_NAME:-postgres}
KAFKA_BOOTSTRAP=${GATEHOUSE_KAFKA_BOOTSTRAP:-}
KAFKA_PORT=${GATEHOUSE_KAFKA_PORT:-9092}
SMTP_HOST=${GATEHOUSE_SMTP_HOST:-}
SMTP_PORT=${GATEHOUSE_SMTP_PORT:-2525}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# The services' own runtime may differ from the one that runs Kafka and the launcher (docs/benchmarks.md compares
# JDK 17 and 25 as the services' runtime); the build stays on release 17 either way.
SERVICE_JAVA=${GATEHOUSE_SERVICE_JAVA:-$JAVA}
# Each service's JVM: a small heap, the serial collector and few malloc arenas keep one under 300 MB of RSS
# under load (docs/benchmarks.md); GATEHOUSE_JAVA_OPTS replaces these. -Dvertx.disableURIValidation=true is always
# added: libs/web's WellFormedUri then answers a malformed URI with a problem body instead of Quarkus's empty 400.
read -r -a SERVICE_JAVA_OPTS <<<"${GATEHOUSE_JAVA_OPTS:--Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Xss512k}"
LAUNCHER_DIR=$ROOT/deploy/local/launcher/target
LAUNCHER_CP="$LAUNCHER_DIR/gatehouse-local-launcher-0.1.0-SNAPSHOT.jar:$LAUNCHER_DIR/lib/*"
LOGS=$DATA/logs
RUN=$DATA/run
SERVICES=("directory-service:8081:directory" "app-management-service:8082:apps"
          "token-service:8083:token" "audit-metrics-service:8084:audit")
CONSOLE_PORT=${GATEHOUSE_CONSOLE_PORT:-8085}
CONSOLE_URL=http://localhost:$CONSOLE_PORT

mkdir -p "$LOGS" "$RUN"
declare -a PIDS=() NAMES=()
STOPPING=0

say() { printf '%s\n' "$*" 2>/dev/null || true; } # never let a closed stdout (a pipe's reader gone) stop us
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
fail() { # component, log
  say "✗ $1 failed; its log is $2"
  [ -f "$2" ] && tail -n 20 "$2" | sed 's/^/    /'
  exit 1
}
# An array, not a function: a backgrounded function runs in a subshell, and stopping that would orphan the JVM.
LAUNCHER=("$JAVA" -cp "$LAUNCHER_CP" dev.gatehouse.local.Launcher)

start_bg() { # name, log, command...
  local name=$1 log=$2; shift 2
  [ -f "$log" ] && mv -f "$log" "$log.previous" # keep one earlier run; a fresh log for readiness checks
  "$@" >>"$log" 2>&1 &
  PIDS+=($!); NAMES+=("$name")
  echo $! >"$RUN/$name.pid"
}

stop_all() {
  [ "$STOPPING" = 1 ] && return; STOPPING=1
  # Ctrl-C also ends whatever reads our output (| tee, | less): carry on stopping with nowhere to write.
  trap '' INT TERM PIPE
  set +e
  say ""; say "Stopping…"
  local i k started=("${!PIDS[@]}") # the indexes: a process stopped on request has left a gap
  for ((k = ${#started[@]} - 1; k >= 0; k--)); do # reverse start order: services, Kafka, PostgreSQL
    i=${started[$k]}
    local pid=${PIDS[$i]} name=${NAMES[$i]} t0; t0=$(now)
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then
        say "  $name did not stop in 30s; killing it"; kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      fi
      wait "$pid" 2>/dev/null || true
      say "  stopped $name ($(elapsed "$t0"))"
    fi
    rm -f "$RUN/$name.pid"
  done
  rm -f "$RUN/ready"
}
trap 'stop_all; exit 130' INT TERM
trap 'stop_all; exit 141' PIPE
trap 'stop_all' EXIT

refuse_if_running() {
  local f pid
  for f in "$RUN"/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      say "✗ a Gatehouse stack is already running from $DATA ($(basename "$f" .pid), pid $pid); stop it first"
      trap - EXIT; exit 1
    fi
    rm -f "$f"
  done
}

build_if_missing() {
  local t0 missing=0 entry module
  t0=$(now)
  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*}
    [ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ] || missing=1
  done
  [ -f "$ROOT/console/target/quarkus-app/quarkus-run.jar" ] || missing=1
  [ -d "$LAUNCHER_DIR/lib" ] || missing=1
  if [ "$missing" = 1 ] || [ "${GATEHOUSE_REBUILD:-0}" = 1 ]; then
    say "→ building (./mvnw install, tests skipped, so dev mode finds the libs too; log: $LOGS/build.log)"
    (cd "$ROOT" && ./mvnw -B -DskipTests install >"$LOGS/build.log" 2>&1) || fail "build" "$LOGS/build.log"
    say "  built ($(elapsed "$t0"))"
  else
    say "→ jars present, not rebuilding (GATEHOUSE_REBUILD=1 forces it)"
  fi
}

wait_for() { # name, log, seconds, test-command...
  local name=$1 log=$2 seconds=$3 pid=${PIDS[${#PIDS[@]}-1]}; shift 3
  for _ in $(seq 1 $((seconds * 4))); do
    "$@" && return 0
    kill -0 "$pid" 2>/dev/null || fail "$name" "$log"
    sleep 0.25
  done
  fail "$name (not ready after ${seconds}s)" "$log"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
  local t0; t0=$(now)
  if [ -n "$DB_HOST" ]; then
    say "→ PostgreSQL: external at $DB_HOST:$DB_PORT/$DB_NAME (roles and schemas: see deploy/local/README.md)"
    return
  fi
  say "→ starting embedded PostgreSQL on 127.0.0.1:$DB_PORT (data: $DATA/postgres)"
  port_open "$DB_PORT" && fail "PostgreSQL (port $DB_PORT is already in use)" "$LOGS/postgres.log"
  start_bg postgres "$LOGS/postgres.log" "${LAUNCHER[@]}" postgres --data "$DATA/postgres" --port "$DB_PORT"
  wait_for PostgreSQL "$LOGS/postgres.log" 120 grep -q "PostgreSQL ready" "$LOGS/postgres.log"
  say "  PostgreSQL ready ($(elapsed "$t0"))"
  DB_HOST=127.0.0.1
}

start_kafka() {
  local t0 dir=$DATA/kafka; t0=$(now)
  if [ -n "$KAFKA_BOOTSTRAP" ]; then
    say "→ Kafka: external at $KAFKA_BOOTSTRAP"
    return
  fi
  say "→ starting Kafka (KRaft, single node) on 127.0.0.1:$KAFKA_PORT (data: $dir)"
  port_open "$KAFKA_PORT" && fail "Kafka (port $KAFKA_PORT is already in use)" "$LOGS/kafka.log"
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$((KAFKA_PORT + 1))
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$((KAFKA_PORT + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  if [ ! -f "$dir/data/meta.properties" ]; then
    [ -f "$dir/cluster-id" ] || "$JAVA" -cp "$LAUNCHER_DIR/lib/*" kafka.tools.StorageTool random-uuid >"$dir/cluster-id" 2>>"$LOGS/kafka.log"
    "$JAVA" -cp "$LAUNCHER_DIR/lib/*" kafka.tools.StorageTool format -t "$(cat "$dir/cluster-id")" \
      -c "$dir/server.properties" >>"$LOGS/kafka.log" 2>&1 || fail "Kafka storage format" "$LOGS/kafka.log"
  fi
  start_bg kafka "$LOGS/kafka.log" "$JAVA" -Xms256m -Xmx512m -cp "$LAUNCHER_DIR/lib/*" kafka.Kafka "$dir/server.properties"
  wait_for Kafka "$LOGS/kafka.log" 120 port_open "$KAFKA_PORT"
  say "  Kafka ready ($(elapsed "$t0"))"
  KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
}

start_mail() {
  local t0; t0=$(now)
  if [ -n "$SMTP_HOST" ]; then
    say "→ e-mail: external SMTP server at $SMTP_HOST:$SMTP_PORT"
    return
  fi
  SMTP_HOST=127.0.0.1
  say "→ starting the SMTP server (GreenMail) on 127.0.0.1:$SMTP_PORT; mail it receives goes to $DATA/mail"
  port_open "$SMTP_PORT" && fail "SMTP (port $SMTP_PORT is already in use)" "$LOGS/mail.log"
  start_bg mail "$LOGS/mail.log" "${LAUNCHER[@]}" mail --dir "$DATA/mail" --port "$SMTP_PORT"
  wait_for SMTP "$LOGS/mail.log" 60 grep -q "SMTP ready" "$LOGS/mail.log"
  say "  SMTP ready ($(elapsed "$t0"))"
}

make_keys() {
  local made
  made=$("${LAUNCHER[@]}" keygen --dir "$DATA/keys") || fail "key generation" "$DATA/keys"
  TOKEN_KEK=$(cat "$DATA/keys/token-key-encryption-key.b64")
  TOKEN_HASH_KEY=$(cat "$DATA/keys/token-secret-hash-key.b64")
  if [ -z "${GATEHOUSE_ADMIN_CLIENT_ID:-}" ] || [ -z "${GATEHOUSE_ADMIN_CLIENT_SECRET:-}" ]; then
    # shellcheck disable=SC1091
    . "$DATA/keys/admin-client.env"
    case "$made" in *admin-client-created*)
      say ""
      say "  Platform-admin client created; shown this once, kept in $DATA/keys/admin-client.env:"
      say "    GATEHOUSE_ADMIN_CLIENT_ID=$GATEHOUSE_ADMIN_CLIENT_ID"
      say "    GATEHOUSE_ADMIN_CLIENT_SECRET=$GATEHOUSE_ADMIN_CLIENT_SECRET"
      say ""
      ;;
    esac
  fi
  ADMIN_ID=$GATEHOUSE_ADMIN_CLIENT_ID
  ADMIN_SECRET=$GATEHOUSE_ADMIN_CLIENT_SECRET
  if [ -z "${GATEHOUSE_ADMIN_EMAIL:-}" ] || [ -z "${GATEHOUSE_ADMIN_PASSWORD:-}" ]; then
    # shellcheck disable=SC1091
    . "$DATA/keys/admin-account.env"
    case "$made" in *admin-account-created*)
      say ""
      say "  The first platform admin can sign in at http://localhost:8083/signin; shown this once, kept in"
      say "  $DATA/keys/admin-account.env:"
      say "    e-mail:   $GATEHOUSE_ADMIN_EMAIL"
      say "    password: $GATEHOUSE_ADMIN_PASSWORD"
      say ""
      ;;
    esac
  fi
  ADMIN_EMAIL=$GATEHOUSE_ADMIN_EMAIL
  ADMIN_PASSWORD=$GATEHOUSE_ADMIN_PASSWORD
}

write_dev_env() { # Quarkus dev mode reads .env from the module folder it runs in
  local entry module
  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*}
    cat >"$ROOT/$module/.env" <<EOF
# Written by deploy/local/run.sh infra for quarkus:dev; not committed.
GATEHOUSE_DB_HOST=$DB_HOST
GATEHOUSE_DB_PORT=$DB_PORT
GATEHOUSE_DB_NAME=$DB_NAME
GATEHOUSE_KAFKA_BOOTSTRAP=$KAFKA_BOOTSTRAP
GATEHOUSE_SMTP_HOST=$SMTP_HOST
GATEHOUSE_SMTP_PORT=$SMTP_PORT
GATEHOUSE_TOKEN_KEY_ENCRYPTION_KEY=$TOKEN_KEK
GATEHOUSE_TOKEN_SECRET_HASH_KEY=$TOKEN_HASH_KEY
GATEHOUSE_ADMIN_CLIENT_ID=$ADMIN_ID
GATEHOUSE_ADMIN_CLIENT_SECRET=$ADMIN_SECRET
GATEHOUSE_ADMIN_EMAIL=$ADMIN_EMAIL
GATEHOUSE_ADMIN_PASSWORD=$ADMIN_PASSWORD
EOF
  done
}

start_service() { # services entry (module:port:role)
  local module port role password_var
  IFS=: read -r module port role <<<"$1"
  password_var="GATEHOUSE_DB_PASSWORD_$(echo "$role" | tr '[:lower:]' '[:upper:]')"
  port_open "$port" && fail "$module (port $port is already in use)" "$LOGS/$module.log"
  start_bg "$module" "$LOGS/$module.log" env MALLOC_ARENA_MAX=2 \
    GATEHOUSE_DB_HOST="$DB_HOST" GATEHOUSE_DB_PORT="$DB_PORT" GATEHOUSE_DB_NAME="$DB_NAME" \
    GATEHOUSE_DB_PASSWORD="${!password_var:-}" GATEHOUSE_KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP" \
    GATEHOUSE_SMTP_HOST="$SMTP_HOST" GATEHOUSE_SMTP_PORT="$SMTP_PORT" \
    GATEHOUSE_TOKEN_KEY_ENCRYPTION_KEY="$TOKEN_KEK" GATEHOUSE_TOKEN_SECRET_HASH_KEY="$TOKEN_HASH_KEY" \
    GATEHOUSE_ADMIN_CLIENT_ID="$ADMIN_ID" GATEHOUSE_ADMIN_CLIENT_SECRET="$ADMIN_SECRET" \
    GATEHOUSE_ADMIN_EMAIL="$ADMIN_EMAIL" GATEHOUSE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    "$SERVICE_JAVA" "${SERVICE_JAVA_OPTS[@]}" -Dvertx.disableURIValidation=true \
    -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar"
}

start_services() {
  local t0 entry module port role urls=(); t0=$(now)
  say "→ starting the services (logs: $LOGS/<service>.log)"
  for entry in "${SERVICES[@]}"; do
    start_service "$entry"
    IFS=: read -r module port role <<<"$entry"
    urls+=("$module=http://localhost:$port/q/health/ready")
  done
  if ! "${LAUNCHER[@]}" await-ready --timeout 180 "${urls[@]}"; then
    for entry in "${SERVICES[@]}"; do
      IFS=: read -r module port role <<<"$entry"
      port_open "$port" || say "✗ $module is not ready; its log is $LOGS/$module.log"
    done
    fail "service start-up" "$LOGS/${SERVICES[0]%%:*}.log"
  fi
  say "  all four services ready ($(elapsed "$t0"))"
}

# The web console: a first-party client of token-service (registered on the first start, kept in
# keys/console-client.env), started once token-service answers; it owns no schema and needs no database.
start_console() {
  local t0 made; t0=$(now)
  say "→ starting the console on $CONSOLE_URL (log: $LOGS/console.log)"
  made=$("${LAUNCHER[@]}" console-client --dir "$DATA/keys" --console-url "$CONSOLE_URL") \
    || fail "console registration at token-service" "$LOGS/token-service.log"
  case "$made" in
    *console-client-created*) say "  registered the console as a first-party client of token-service" ;;
  esac
  # shellcheck disable=SC1091
  . "$DATA/keys/console-client.env"
  port_open "$CONSOLE_PORT" && fail "console (port $CONSOLE_PORT is already in use)" "$LOGS/console.log"
  start_bg console "$LOGS/console.log" env MALLOC_ARENA_MAX=2 GATEHOUSE_CONSOLE_PORT="$CONSOLE_PORT" \
    GATEHOUSE_CONSOLE_CLIENT_ID="$GATEHOUSE_CONSOLE_CLIENT_ID" \
    GATEHOUSE_CONSOLE_CLIENT_SECRET="$GATEHOUSE_CONSOLE_CLIENT_SECRET" \
    "$SERVICE_JAVA" "${SERVICE_JAVA_OPTS[@]}" -jar "$ROOT/console/target/quarkus-app/quarkus-run.jar"
  "${LAUNCHER[@]}" await-ready --timeout 120 "console=$CONSOLE_URL/q/health/ready" \
    || fail "console start-up" "$LOGS/console.log"
  say "  console ready ($(elapsed "$t0"))"
}

# A restart asked for by creating $RUN/<service>.restart (the end-to-end story does, to show nothing is lost):
# stop it as Ctrl-C would, start it again, wait until it is ready, then remove the file. The console too
# (touch $RUN/console.restart after rebuilding it).
restart_service() { # module
  local module=$1 i entry port role found=""
  for i in "${!NAMES[@]}"; do [ "${NAMES[$i]}" = "$module" ] && found=$i; done
  for entry in "${SERVICES[@]}" "console:$CONSOLE_PORT:"; do [ "${entry%%:*}" = "$module" ] && break; done
  if [ -z "$found" ] || [ "${entry%%:*}" != "$module" ]; then
    say "✗ restart asked for unknown service $module"; rm -f "$RUN/$module.restart"; return
  fi
  say "↻ restarting $module (asked for by $RUN/$module.restart)"
  kill -TERM "${PIDS[$found]}" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "${PIDS[$found]}" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "${PIDS[$found]}" 2>/dev/null || true
  wait "${PIDS[$found]}" 2>/dev/null || true
  IFS=: read -r module port role <<<"$entry"
  for _ in $(seq 1 100); do port_open "$port" || break; sleep 0.1; done
  if [ "$module" = console ]; then start_console; else start_service "$entry"; fi
  PIDS[$found]=${PIDS[-1]}; unset 'PIDS[-1]'
  NAMES[$found]=${NAMES[-1]}; unset 'NAMES[-1]'
  "${LAUNCHER[@]}" await-ready --timeout 180 "$module=http://localhost:$port/q/health/ready" \
    || fail "$module (not ready again after a restart)" "$LOGS/$module.log"
  say "  $module restarted and ready"
  rm -f "$RUN/$module.restart"
}

print_urls() {
  local entry module port role
  say ""
  say "Gatehouse is running (data: $DATA)"
  printf '  %-24s %-24s %s\n' service url "swagger ui"
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r module port role <<<"$entry"
    printf '  %-24s %-24s %s\n' "$module" "http://localhost:$port" "http://localhost:$port/q/swagger-ui"
  done
  say "  PostgreSQL $DB_HOST:$DB_PORT/$DB_NAME   Kafka $KAFKA_BOOTSTRAP"
  say "  a platform-admin token (from token-service): $JAVA -cp '$LAUNCHER_CP' dev.gatehouse.local.Launcher token --dir $DATA/keys"
  printf '  %-24s %s\n' console "$CONSOLE_URL"
  say "  sign in to the console as the first platform admin: $CONSOLE_URL ($DATA/keys/admin-account.env)"
  say "  e-mail the stack sends (invitations): $DATA/mail/*.eml"
  say "Press Ctrl-C to stop."
}

# A stop asked for by writing TERM or KILL into $RUN/<name>.stop (the smoke test does, to kill the broker and then
# time a graceful stop): send that signal, wait up to 60s, write how long it took in milliseconds to
# $RUN/<name>.stopped, and stop watching it.
stop_on_request() { # name
  local name=$1 i found="" signal t0
  for i in "${!NAMES[@]}"; do [ "${NAMES[$i]}" = "$name" ] && found=$i; done
  signal=$(cat "$RUN/$name.stop" 2>/dev/null); rm -f "$RUN/$name.stop"
  if [ -z "$found" ] || { [ "$signal" != TERM ] && [ "$signal" != KILL ]; }; then
    say "✗ stop asked for unknown process $name or signal '$signal'"; return
  fi
  say "■ stopping $name with SIG$signal (asked for by $RUN/$name.stop)"
  t0=$(date +%s%3N)
  kill "-$signal" "${PIDS[$found]}" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 "${PIDS[$found]}" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "${PIDS[$found]}" 2>/dev/null || true
  wait "${PIDS[$found]}" 2>/dev/null || true
  echo $(($(date +%s%3N) - t0)) >"$RUN/$name.stopped"
  rm -f "$RUN/$name.pid"
  unset "PIDS[$found]" "NAMES[$found]"
}

watch_children() {
  local i f
  touch "$RUN/ready"
  while true; do
    for f in "$RUN"/*.restart; do
      [ -e "$f" ] && [ "$MODE" = all ] && restart_service "$(basename "$f" .restart)"
    done
    for f in "$RUN"/*.stop; do
      [ -e "$f" ] && stop_on_request "$(basename "$f" .stop)"
    done
    for i in "${!PIDS[@]}"; do
      if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
        say "✗ ${NAMES[$i]} exited unexpectedly; its log is $LOGS/${NAMES[$i]}.log"
        exit 1
      fi
    done
    sleep 1
  done
}

T0=$(now)
refuse_if_running
build_if_missing
start_postgres
start_kafka
start_mail
make_keys
if [ "$MODE" = infra ]; then
  write_dev_env
  say ""
  say "Infrastructure ready in $(elapsed "$T0"): PostgreSQL $DB_HOST:$DB_PORT, Kafka $KAFKA_BOOTSTRAP"
  say "Run a service in dev mode, e.g.: ./mvnw -pl token-service quarkus:dev -Dquarkus.console.enabled=false"
  say "(each service's .env, written now, points it here; the others verify tokens with token-service on :8083,"
  say "so run it too). Press Ctrl-C to stop."
  watch_children
fi
start_services
start_console
say "Ready in $(elapsed "$T0")"
print_urls
watch_children
