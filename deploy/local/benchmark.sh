#!/usr/bin/env bash
# Load benchmark of a running token-service (start it with deploy/local/run.sh first).
# For client_credentials with RS256 and with ES256, and for introspection, it prints requests/s, latency
# p50/p99/p99.9, errors, and token-service's CPU and RSS (wrk, closed loop: as fast as it answers); then each of
# them again at a constant 80 % of the rate it reached, for the latency target (hey -q: each of BENCH_RATE_WORKERS
# workers sends at a fixed pace, so the offered rate does not fall when the service slows down).
# Load generators: wrk and hey (apt-get install wrk hey), keep-alive HTTP/1.1, on this machine.
#
#   deploy/local/benchmark.sh            BENCH_SECONDS (20), BENCH_WARMUP (30), BENCH_CONNECTIONS (64),
#                                        BENCH_RATE_WORKERS (32) adjust it
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=${GATEHOUSE_HOME:-$ROOT/.gatehouse}
ISSUER=${GATEHOUSE_ISSUER:-http://localhost:8083}
SECONDS_RUN=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
RATE_WORKERS=${BENCH_RATE_WORKERS:-32}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
LAUNCHER_DIR=$ROOT/deploy/local/launcher/target
LAUNCHER=("$JAVA" -cp "$LAUNCHER_DIR/gatehouse-local-launcher-0.1.0-SNAPSHOT.jar:$LAUNCHER_DIR/lib/*" dev.gatehouse.local.Launcher)

for tool in wrk hey; do
  command -v $tool >/dev/null || { echo "$tool is needed: apt-get install $tool" >&2; exit 2; }
done
PID=$(cat "$DATA/run/token-service.pid" 2>/dev/null || true)
if [ -z "$PID" ] || ! kill -0 "$PID" 2>/dev/null; then
  echo "token-service is not running from $DATA; start deploy/local/run.sh first" >&2; exit 2
fi

eval "$("${LAUNCHER[@]}" bench-setup --dir "$DATA/keys")"
TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status"; }

# measure NAME RUNNER... : runs RUNNER (which prints one result line) while reading token-service's CPU
measure() {
  local name=$1 c0 c1 t0 line cores
  shift
  c0=$(cpu_ticks); t0=$(date +%s.%N)
  line=$("$@")
  c1=$(cpu_ticks)
  cores=$(awk -v a="$c0" -v b="$c1" -v t="$TICKS" -v s="$t0" -v e="$(date +%s.%N)" \
    'BEGIN { printf "%.2f", (b - a) / t / (e - s) }')
  RPS=$(echo "$line" | sed 's/.*rps=\([0-9]*\).*/\1/')
  printf '%-34s %s cpu_cores=%s rss_mb=%s\n' "$name" "$line" "$cores" "$(rss_mb)"
}

# wrk_run SECONDS PATH BASIC BODY [--latency]: closed loop, as fast as the service answers
wrk_run() {
  BENCH_BASIC=$3 BENCH_BODY=$4 wrk -t2 -c"$CONNECTIONS" -d"$1s" ${5:-} -s "$ROOT/deploy/local/benchmark.lua" \
    "$ISSUER$2" | sed -n 's/^RESULT //p'
}

# rate_run RATE PATH BASIC BODY: a constant offered rate (hey: every worker sends at RATE / RATE_WORKERS per second)
rate_run() {
  local per_worker out
  per_worker=$(awk -v r="$1" -v w="$RATE_WORKERS" 'BEGIN { printf "%.2f", r / w }')
  out=$(hey -z "${SECONDS_RUN}s" -c "$RATE_WORKERS" -q "$per_worker" -m POST -T application/x-www-form-urlencoded \
    -H "Authorization: Basic $3" -d "$4" "$ISSUER$2")
  echo "$out" | awk -v offered="$1" '
    /Requests\/sec:/ { rps = $2 }
    /^  50% in/ { p50 = $3 * 1000 } /^  99% in/ { p99 = $3 * 1000 }
    /^  \[200\]/ { ok = $2 } /^  \[[0-9]+\]/ { all += $2 } /^Error distribution:/ { err = 1 } err && /^  \[/ { errs += $2 }
    END { printf "rps=%.0f offered=%d p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d\n",
          rps, offered, p50, p99, all - ok + errs, all }'
}

# scenario NAME PATH BASIC BODY: warm-up, the closed-loop run, then a constant rate at 80 % of what it reached
scenario() {
  wrk_run "$WARMUP" "$2" "$3" "$4" >/dev/null
  measure "$1" wrk_run "$SECONDS_RUN" "$2" "$3" "$4" --latency
  local rate=$((RPS * 8 / 10))
  measure "$1 at 80 % ($rate/s)" rate_run "$rate" "$2" "$3" "$4"
}

echo "token-service pid $PID on $(nproc) cores, $(readlink "/proc/$PID/exe"); wrk -t2 -c$CONNECTIONS," \
  "hey -c$RATE_WORKERS, warm-up ${WARMUP}s, measured ${SECONDS_RUN}s"
scenario "client_credentials RS256" /oauth2/token "$RS256_BASIC" "grant_type=client_credentials"
scenario "client_credentials ES256" /oauth2/token "$ES256_BASIC" "grant_type=client_credentials"
scenario "introspection" /oauth2/introspect "$INTROSPECT_BASIC" "token=$INTROSPECT_TOKEN"
