#!/usr/bin/env bash
# Gatehouse on one machine, with nothing installed but a JDK (17+):
# embedded PostgreSQL, a real single-node Kafka broker (KRaft) as its own process, then the four services.
#
#   deploy/local/run.sh          the whole system
#   deploy/local/run.sh infra    only PostgreSQL and Kafka, for `./mvnw -pl <service> quarkus:dev`
#
# All data lives in $GATEHOUSE_HOME (default .gatehouse/ in the repo), so a restart finds it again.
# Like an orchestrator, it starts again whatever exits on its own (a killed broker, a crashed service), waiting
# 1 s, 2 s, 4 s … up to 60 s between attempts while it keeps failing, and says so. Only Ctrl-C stops everything,
# in order: services first, then Kafka, then PostgreSQL.
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
#   GATEHOUSE_REPLICAS          replicas of each service (default 1). With 2 or more, each service's replica k
#                               listens on its port + 10000·k and HAProxy (Debian's package, installed when
#                               missing) takes the service's own port, balancing over the ready replicas.
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
# Each service's JVM: a small heap, the serial collector, few malloc arenas (MALLOC_ARENA_MAX, below) and native
# memory the JVM has freed (the JIT's arenas) handed back to the OS every 30 s keep a service's RSS low; what each
# takes, and what the trim saves, is in docs/benchmarks.md ("Resident memory"). The trim needs JDK 17.0.9+ or
# 21.0.1+; an older JVM would refuse to start with it, so it is asked first. GATEHOUSE_JAVA_OPTS replaces all of
# these. -Dvertx.disableURIValidation=true is always added: libs/web's WellFormedUri then answers a malformed URI
# with a problem body instead of Quarkus's empty 400.
DEFAULT_JAVA_OPTS="-Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m -Xss512k"
if "$SERVICE_JAVA" -XX:TrimNativeHeapInterval=30000 -version >/dev/null 2>&1; then
  DEFAULT_JAVA_OPTS+=" -XX:TrimNativeHeapInterval=30000"
fi
read -r -a SERVICE_JAVA_OPTS <<<"${GATEHOUSE_JAVA_OPTS:-$DEFAULT_JAVA_OPTS}"
LAUNCHER_DIR=$ROOT/deploy/local/launcher/target
LAUNCHER_CP="$LAUNCHER_DIR/gatehouse-local-launcher-0.1.0-SNAPSHOT.jar:$LAUNCHER_DIR/lib/*"
LOGS=$DATA/logs
RUN=$DATA/run
SERVICES=("directory-service:8081:directory" "app-management-service:8082:apps"
          "token-service:8083:token" "audit-metrics-service:8084:audit")
CONSOLE_PORT=${GATEHOUSE_CONSOLE_PORT:-8085}
REPLICAS=${GATEHOUSE_REPLICAS:-1}
case "$REPLICAS" in [1-9]) ;; *) echo "GATEHOUSE_REPLICAS must be 1 to 9" >&2; exit 2 ;; esac
CONSOLE_URL=http://localhost:$CONSOLE_PORT

mkdir -p "$LOGS" "$RUN"
declare -a PIDS=() NAMES=()
# What each process was started with, so that it can be started again the same way; when it last started; how long
# to wait before the next attempt while it keeps failing; when that attempt is due.
declare -A COMMANDS=() LOGFILES=() STARTED_AT=() BACKOFF=() DUE=()
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
  COMMANDS[$name]=$(printf '%q ' "$@"); LOGFILES[$name]=$log; STARTED_AT[$name]=$SECONDS
}

# Starts the process in slot $1 again with the command it was first started with (its log continues).
relaunch() { # index
  local i=$1 name=${NAMES[$1]}
  # exec: the background job is the process itself, as start_bg's are, so its pid is the one to signal.
  eval "exec ${COMMANDS[$name]}" >>"${LOGFILES[$name]}" 2>&1 &
  PIDS[$i]=$!
  echo $! >"$RUN/$name.pid"
  STARTED_AT[$name]=$SECONDS
  say "↻ $name started again (pid $!)"
}

# A process that exited on its own is started again after its back-off: 1 s, doubling while it keeps exiting
# within a minute of its start, at most 60 s; one that ran for a minute or more starts again after 1 s.
restart_exited() { # index
  local i=$1 name=${NAMES[$1]} code=0 up delay
  wait "${PIDS[$i]}" 2>/dev/null || code=$?
  # What it leaves behind in its process group (the embedded PostgreSQL's server under its launcher) would hold
  # the port and the data folder: gone too, as a container's processes go with it.
  kill -KILL -- "-${PIDS[$i]}" 2>/dev/null || true
  up=$((SECONDS - ${STARTED_AT[$name]:-0}))
  if [ "$up" -ge 60 ] || [ -z "${BACKOFF[$name]:-}" ]; then delay=1; else delay=$((BACKOFF[$name] * 2)); fi
  [ "$delay" -gt 60 ] && delay=60
  BACKOFF[$name]=$delay
  DUE[$name]=$((SECONDS + delay))
  say "✗ $name exited on its own (status $code after ${up}s; log: ${LOGFILES[$name]});" \
    "starting it again in ${delay}s"
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

# Replica k of a service (0 when it runs alone) listens on its port + 10000·k; with replicas, HAProxy has the port.
replica_port() { # port, replica
  echo $(($1 + 10000 * $2))
}
replica_name() { # module, replica
  if [ "$2" = 0 ]; then echo "$1"; else echo "$1-$2"; fi
}

start_service() { # services entry (module:port:role), replica (0 when it runs alone)
  local module port role password_var replica=${2:-0} name listen
  IFS=: read -r module port role <<<"$1"
  name=$(replica_name "$module" "$replica"); listen=$(replica_port "$port" "$replica")
  password_var="GATEHOUSE_DB_PASSWORD_$(echo "$role" | tr '[:lower:]' '[:upper:]')"
  port_open "$listen" && fail "$name (port $listen is already in use)" "$LOGS/$name.log"
  start_bg "$name" "$LOGS/$name.log" env MALLOC_ARENA_MAX=2 QUARKUS_HTTP_PORT="$listen" \
    GATEHOUSE_DB_HOST="$DB_HOST" GATEHOUSE_DB_PORT="$DB_PORT" GATEHOUSE_DB_NAME="$DB_NAME" \
    GATEHOUSE_DB_PASSWORD="${!password_var:-}" GATEHOUSE_KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP" \
    GATEHOUSE_SMTP_HOST="$SMTP_HOST" GATEHOUSE_SMTP_PORT="$SMTP_PORT" \
    GATEHOUSE_TOKEN_KEY_ENCRYPTION_KEY="$TOKEN_KEK" GATEHOUSE_TOKEN_SECRET_HASH_KEY="$TOKEN_HASH_KEY" \
    GATEHOUSE_ADMIN_CLIENT_ID="$ADMIN_ID" GATEHOUSE_ADMIN_CLIENT_SECRET="$ADMIN_SECRET" \
    GATEHOUSE_ADMIN_EMAIL="$ADMIN_EMAIL" GATEHOUSE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    "$SERVICE_JAVA" "${SERVICE_JAVA_OPTS[@]}" -Dvertx.disableURIValidation=true \
    -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar"
}

# The replicas' numbers: 0 alone, 1..N behind the load balancer.
replicas() {
  if [ "$REPLICAS" = 1 ]; then echo 0; else seq 1 "$REPLICAS"; fi
}

start_services() {
  local t0 entry module port role k name urls=(); t0=$(now)
  say "→ starting the services (logs: $LOGS/<service>.log)"
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r module port role <<<"$entry"
    for k in $(replicas); do
      start_service "$entry" "$k"
      urls+=("$(replica_name "$module" "$k")=http://localhost:$(replica_port "$port" "$k")/q/health/ready")
    done
  done
  if ! "${LAUNCHER[@]}" await-ready --timeout 240 "${urls[@]}"; then
    for entry in "${SERVICES[@]}"; do
      IFS=: read -r module port role <<<"$entry"
      for k in $(replicas); do
        name=$(replica_name "$module" "$k")
        port_open "$(replica_port "$port" "$k")" || say "✗ $name is not ready; its log is $LOGS/$name.log"
      done
    done
    fail "service start-up" "$LOGS/$(replica_name "${SERVICES[0]%%:*}" "$(replicas | head -1)").log"
  fi
  if [ "$REPLICAS" = 1 ]; then say "  all four services ready ($(elapsed "$t0"))"
  else say "  $REPLICAS replicas of each of the four services ready ($(elapsed "$t0"))"; fi
}

# With replicas, HAProxy takes each service's own port: round robin over the replicas whose readiness check
# answers (checked every second; two failures take one out), a refused connection tried on another replica, and
# a replica that goes down has its connections closed. Clients, the console and the services themselves (the
# JWKS) use the balanced ports only.
start_balancer() {
  local t0 cfg=$DATA/haproxy.cfg entry module port role k; t0=$(now)
  if ! command -v haproxy >/dev/null 2>&1; then
    say "→ installing HAProxy (Debian package)"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    { $sudo apt-get update -qq && $sudo apt-get install -y -q haproxy; } >"$LOGS/haproxy-install.log" 2>&1 \
      || fail "HAProxy install" "$LOGS/haproxy-install.log"
  fi
  say "→ starting HAProxy in front of $REPLICAS replicas of each service (config: $cfg)"
  {
    printf 'global\n  maxconn 4096\n\n'
    printf 'defaults\n  mode http\n  timeout connect 1s\n  timeout client 65s\n  timeout server 65s\n'
    printf '  timeout http-request 10s\n  option redispatch 1\n  retries 3\n  retry-on conn-failure\n'
    printf '  default-server inter 1s fastinter 500ms fall 2 rise 2 on-marked-down shutdown-sessions\n'
    for entry in "${SERVICES[@]}"; do
      IFS=: read -r module port role <<<"$entry"
      printf '\nfrontend %s\n  bind 0.0.0.0:%s\n  default_backend %s\n' "$module" "$port" "$module"
      printf 'backend %s\n  balance roundrobin\n  option httpchk GET /q/health/ready\n' "$module"
      printf '  http-check expect status 200\n'
      for k in $(replicas); do
        printf '  server %s 127.0.0.1:%s check\n' "$(replica_name "$module" "$k")" "$(replica_port "$port" "$k")"
      done
    done
  } >"$cfg"
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r module port role <<<"$entry"
    port_open "$port" && fail "HAProxy (port $port is already in use)" "$LOGS/haproxy.log"
  done
  start_bg haproxy "$LOGS/haproxy.log" haproxy -db -f "$cfg"
  IFS=: read -r module port role <<<"${SERVICES[0]}"
  wait_for HAProxy "$LOGS/haproxy.log" 30 port_open "$port"
  say "  HAProxy ready ($(elapsed "$t0"))"
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
restart_service() { # name: a service, one of its replicas (<service>-<k>), or the console
  local name=$1 i entry module port role found="" replica=0
  for i in "${!NAMES[@]}"; do [ "${NAMES[$i]}" = "$name" ] && found=$i; done
  for entry in "${SERVICES[@]}" "console:$CONSOLE_PORT:"; do
    module=${entry%%:*}
    if [ "$module" = "$name" ]; then replica=0; break; fi
    if [[ "$name" =~ ^$module-([1-9])$ ]]; then replica=${BASH_REMATCH[1]}; break; fi
    module=""
  done
  if [ -z "$found" ] || [ -z "$module" ]; then
    say "✗ restart asked for unknown service $name"; rm -f "$RUN/$name.restart"; return
  fi
  say "↻ restarting $name (asked for by $RUN/$name.restart)"
  kill -TERM "${PIDS[$found]}" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "${PIDS[$found]}" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "${PIDS[$found]}" 2>/dev/null || true
  wait "${PIDS[$found]}" 2>/dev/null || true
  IFS=: read -r module port role <<<"$entry"
  port=$(replica_port "$port" "$replica")
  for _ in $(seq 1 100); do port_open "$port" || break; sleep 0.1; done
  if [ "$module" = console ]; then start_console; else start_service "$entry" "$replica"; fi
  PIDS[$found]=${PIDS[-1]}; unset 'PIDS[-1]'
  NAMES[$found]=${NAMES[-1]}; unset 'NAMES[-1]'
  "${LAUNCHER[@]}" await-ready --timeout 180 "$name=http://localhost:$port/q/health/ready" \
    || fail "$name (not ready again after a restart)" "$LOGS/$name.log"
  say "  $name restarted and ready"
  rm -f "$RUN/$name.restart"
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
  [ "$REPLICAS" = 1 ] \
    || say "  each behind HAProxy: $REPLICAS replicas on the port + 10000·k (logs: $LOGS/<service>-<k>.log)"
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
      if [ -n "${DUE[${NAMES[$i]}]:-}" ]; then
        if [ "$SECONDS" -ge "${DUE[${NAMES[$i]}]}" ]; then
          unset "DUE[${NAMES[$i]}]"
          relaunch "$i"
        fi
      elif ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
        restart_exited "$i"
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
[ "$REPLICAS" = 1 ] || start_balancer
start_services
start_console
say "Ready in $(elapsed "$T0")"
print_urls
watch_children
