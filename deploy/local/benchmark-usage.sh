#!/usr/bin/env bash
# What recording API usage costs directory-service (start the stack with deploy/local/run.sh first).
#
# A paired comparison, so that neither side is favoured by the box's noise: the script starts two more
# directory-service processes from the running one's command line and environment, one with usage recording on and
# one with it off (GATEHOUSE_USAGE_ENABLED), both fresh and on the same database and broker. It warms both alike,
# then measures them in rounds, each round both of them back to back in alternating order (on-off, off-on, ...), and
# prints each run and, per round, the difference. Two JVMs differ by what their JIT made of the same code, so it does
# this with several fresh pairs and summarises every round of all of them. The load is a company service account
# reading its company (GET /companies/{id}: a bearer token checked by quarkus-oidc, the account's directory user
# looked up, one row read) as fast as the process answers (wrk, 64 connections, keep-alive). The two extra processes
# are stopped at the end; the stack's own directory-service is not measured (docs/benchmarks.md, "Usage recording").
#
#   deploy/local/benchmark-usage.sh      BENCH_PAIRS (3), BENCH_WARMUP (60: per process and pair, in runs of 15 s),
#                                        BENCH_RUNS (6 rounds per pair), BENCH_SECONDS (15), BENCH_CONNECTIONS (64),
#                                        BENCH_PORTS ("18181 18182")
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=${GATEHOUSE_HOME:-$ROOT/.gatehouse}
SECONDS_RUN=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP:-60}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
RUNS=${BENCH_RUNS:-6}
PAIRS=${BENCH_PAIRS:-3}
read -r PORT_ON PORT_OFF <<<"${BENCH_PORTS:-18181 18182}"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
LAUNCHER_DIR=$ROOT/deploy/local/launcher/target
LAUNCHER=("$JAVA" -cp "$LAUNCHER_DIR/gatehouse-local-launcher-0.1.0-SNAPSHOT.jar:$LAUNCHER_DIR/lib/*" dev.gatehouse.local.Launcher)

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
PID=$(cat "$DATA/run/directory-service.pid" 2>/dev/null || cat "$DATA/run/directory-service-1.pid" 2>/dev/null || true)
if [ -z "$PID" ] || ! kill -0 "$PID" 2>/dev/null; then
  echo "directory-service is not running from $DATA; start deploy/local/run.sh first" >&2; exit 2
fi

# twin PORT RECORDING: the running directory-service's command and environment (secrets stay in the environment,
# never on a command line or in the output), on another port, with recording on or off; prints its pid.
twin() {
  local env=() cmd=()
  mapfile -d '' env <"/proc/$PID/environ"
  mapfile -d '' cmd <"/proc/$PID/cmdline"
  (cd "/proc/$PID/cwd" && exec env -i "${env[@]}" QUARKUS_HTTP_PORT="$1" GATEHOUSE_USAGE_ENABLED="$2" "${cmd[@]}") \
    >"$DATA/logs/usage-benchmark-$1.log" 2>&1 &
  echo $!
}
PIDS=()
stop_twins() {
  [ ${#PIDS[@]} = 0 ] || kill "${PIDS[@]}" 2>/dev/null || true
  for p in "${PIDS[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done
  PIDS=()
}
trap stop_twins EXIT
for port in "$PORT_ON" "$PORT_OFF"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use (BENCH_PORTS)" >&2; exit 2; fi
done

eval "$("${LAUNCHER[@]}" bench-setup --dir "$DATA/keys")"
path="/companies/$COMPANY_ID"
# start_twins: a fresh pair, each up and knowing the service account (it reaches the directory as an event)
start_twins() {
  local port status
  PID_ON=$(twin "$PORT_ON" true); PIDS+=("$PID_ON")
  PID_OFF=$(twin "$PORT_OFF" false); PIDS+=("$PID_OFF")
  for port in "$PORT_ON" "$PORT_OFF"; do
    status=000
    for _ in $(seq 900); do
      status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $INTROSPECT_TOKEN" \
        "http://localhost:$port$path" || true)
      [ "$status" = 200 ] && break
      sleep 0.2
    done
    [ "$status" = 200 ] \
      || { echo "GET :$port$path answered $status, not 200 (log: $DATA/logs/usage-benchmark-$port.log)" >&2; exit 1; }
  done
}

TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
wrk_run() { # port seconds [--latency]
  BENCH_BEARER=$INTROSPECT_TOKEN wrk -t2 -c"$CONNECTIONS" -d"$2s" ${3:-} -s "$ROOT/deploy/local/benchmark.lua" \
    "http://localhost:$1$path" | sed -n 's/^RESULT //p'
}
# measure LABEL PORT PID: one measured run; prints it, leaves requests/s in RPS and CPU µs per request in CPU_US
measure() {
  local c0 c1 t0 line cores
  c0=$(cpu_ticks "$3"); t0=$(date +%s.%N)
  line=$(wrk_run "$2" "$SECONDS_RUN" --latency)
  c1=$(cpu_ticks "$3")
  RPS=$(echo "$line" | sed 's/.*rps=\([0-9]*\).*/\1/')
  cores=$(awk -v a="$c0" -v b="$c1" -v t="$TICKS" -v s="$t0" -v e="$(date +%s.%N)" \
    'BEGIN { printf "%.2f", (b - a) / t / (e - s) }')
  CPU_US=$(awk -v c="$cores" -v r="$RPS" 'BEGIN { printf "%.0f", c * 1e6 / r }')
  printf '  %-14s %s cpu_cores=%s cpu_us_per_request=%s\n' "$1" "$line" "$cores" "$CPU_US"
}
# summary WHAT VALUE...: the median of the paired rounds' differences, with their mean, standard error and range
summary() {
  local what=$1
  shift
  printf '%s\n' "$@" | sort -g | awk -v what="$what" '
    { d[NR] = $1; sum += $1; sq += $1 * $1 }
    END { mean = sum / NR; sd = NR > 1 ? sqrt((sq - NR * mean * mean) / (NR - 1)) : 0
          median = NR % 2 ? d[(NR + 1) / 2] : (d[NR / 2] + d[NR / 2 + 1]) / 2
          printf "recording costs %.2f %% %s (median of %d paired rounds; mean %.2f %%, ", median, what, NR, mean
          printf "standard error %.2f %%; rounds from %.2f to %.2f %%)\n", sd / sqrt(NR), d[1], d[NR] }'
}

echo "directory-service twins of pid $PID ($(readlink "/proc/$PID/exe")): recording on at :$PORT_ON," \
  "off at :$PORT_OFF; wrk -t2 -c$CONNECTIONS; $PAIRS pairs; warm-up ${WARMUP}s each; $RUNS rounds of ${SECONDS_RUN}s"
throughput=()
cpu=()
for pair in $(seq "$PAIRS"); do
  start_twins
  echo "pair $pair: pids $PID_ON (on) and $PID_OFF (off)"
  for _ in $(seq $(((WARMUP + 14) / 15))); do
    wrk_run "$PORT_ON" 15 >/dev/null
    wrk_run "$PORT_OFF" 15 >/dev/null
  done
  for round in $(seq "$RUNS"); do
    echo " round $round"
    if [ $((round % 2)) = 1 ]; then
      measure "recording on" "$PORT_ON" "$PID_ON"; on=$RPS; on_cpu=$CPU_US
      measure "recording off" "$PORT_OFF" "$PID_OFF"; off=$RPS; off_cpu=$CPU_US
    else
      measure "recording off" "$PORT_OFF" "$PID_OFF"; off=$RPS; off_cpu=$CPU_US
      measure "recording on" "$PORT_ON" "$PID_ON"; on=$RPS; on_cpu=$CPU_US
    fi
    throughput+=("$(awk -v on="$on" -v off="$off" 'BEGIN { printf "%.2f", (off - on) * 100 / off }')")
    cpu+=("$(awk -v on="$on_cpu" -v off="$off_cpu" 'BEGIN { printf "%.2f", (on - off) * 100 / off }')")
    echo "  this round recording costs ${throughput[-1]} % of requests/s and ${cpu[-1]} % more CPU per request"
  done
  stop_twins
done
summary "of requests/s" "${throughput[@]}"
summary "more CPU per request" "${cpu[@]}"
