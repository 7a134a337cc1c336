#!/usr/bin/env bash
# Load benchmark of a running token-service (start it with deploy/local/run.sh first).
# For client_credentials with RS256 and with ES256, and for introspection, it prints requests/s, latency
# p50/p99/p99.9, errors, and token-service's CPU and RSS; then client_credentials at ~80 % of the rate it reached,
# for the latency target. Load generator: wrk (apt-get install wrk), keep-alive, on this machine.
#
#   deploy/local/benchmark.sh            BENCH_SECONDS (20), BENCH_WARMUP (30), BENCH_CONNECTIONS (64) adjust it
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=${GATEHOUSE_HOME:-$ROOT/.gatehouse}
ISSUER=${GATEHOUSE_ISSUER:-http://localhost:8083}
SECONDS_RUN=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
LAUNCHER_DIR=$ROOT/deploy/local/launcher/target
LAUNCHER=("$JAVA" -cp "$LAUNCHER_DIR/gatehouse-local-launcher-0.1.0-SNAPSHOT.jar:$LAUNCHER_DIR/lib/*" dev.gatehouse.local.Launcher)

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
PID=$(cat "$DATA/run/token-service.pid" 2>/dev/null || true)
if [ -z "$PID" ] || ! kill -0 "$PID" 2>/dev/null; then
  echo "token-service is not running from $DATA; start deploy/local/run.sh first" >&2; exit 2
fi

eval "$("${LAUNCHER[@]}" bench-setup --dir "$DATA/keys")"
TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status"; }

# run NAME PATH BASIC BODY [DELAY_MS] -> prints one line; sets RPS
run() {
  local name=$1 path=$2 basic=$3 body=$4 delay=${5:-0} t0 c0 c1 line
  BENCH_BASIC=$basic BENCH_BODY=$body BENCH_DELAY_MS=$delay \
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$ROOT/deploy/local/benchmark.lua" "$ISSUER$path" >/dev/null
  c0=$(cpu_ticks); t0=$(date +%s.%N)
  line=$(BENCH_BASIC=$basic BENCH_BODY=$body BENCH_DELAY_MS=$delay \
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s "$ROOT/deploy/local/benchmark.lua" "$ISSUER$path" \
    | grep '^RESULT')
  c1=$(cpu_ticks)
  local cores
  cores=$(awk -v a="$c0" -v b="$c1" -v t="$TICKS" -v s="$t0" -v e="$(date +%s.%N)" \
    'BEGIN { printf "%.2f", (b - a) / t / (e - s) }')
  RPS=$(echo "$line" | sed 's/.*rps=\([0-9]*\).*/\1/')
  printf '%-34s %s cpu_cores=%s rss_mb=%s\n' "$name" "${line#RESULT }" "$cores" "$(rss_mb)"
}

echo "token-service pid $PID on $(nproc) cores, $("$JAVA" -version 2>&1 | head -1); wrk -t2 -c$CONNECTIONS," \
  "warm-up ${WARMUP}s, measured ${SECONDS_RUN}s"
run "client_credentials RS256" /oauth2/token "$RS256_BASIC" "grant_type=client_credentials"
RS_RPS=$RPS
run "client_credentials ES256" /oauth2/token "$ES256_BASIC" "grant_type=client_credentials"
ES_RPS=$RPS
run "introspection" /oauth2/introspect "$INTROSPECT_BASIC" "token=$INTROSPECT_TOKEN"
# ~80 % of the reached rate: each connection pauses so that CONNECTIONS / (pause + service time) ≈ 0.8 × rate.
for alg in RS256 ES256; do
  rps=$([ "$alg" = RS256 ] && echo "$RS_RPS" || echo "$ES_RPS")
  basic_var="${alg}_BASIC"
  pause=$(awk -v c="$CONNECTIONS" -v r="$rps" 'BEGIN { p = c * 1000 / (0.8 * r); printf "%d", (p < 1 ? 1 : p) }')
  run "client_credentials $alg at ~80 %" /oauth2/token "${!basic_var}" "grant_type=client_credentials" "$pause"
done
