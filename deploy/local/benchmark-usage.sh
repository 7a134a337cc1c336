#!/usr/bin/env bash
# What recording API usage costs directory-service (start the stack with deploy/local/run.sh first).
# A company service account reads its company (GET /companies/{id}: a bearer token checked by quarkus-oidc, the
# account's directory user looked up, one row read) as fast as directory-service answers, and the script prints
# requests/s, latency and directory-service's CPU per request. Usage recording is on unless the stack was started
# with GATEHOUSE_USAGE_ENABLED=false; run it once each way and compare (docs/benchmarks.md, "Usage recording").
#
#   deploy/local/benchmark-usage.sh      BENCH_SECONDS (20), BENCH_WARMUP (30), BENCH_CONNECTIONS (64), BENCH_RUNS (3)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=${GATEHOUSE_HOME:-$ROOT/.gatehouse}
DIRECTORY=${GATEHOUSE_DIRECTORY_URL:-http://localhost:8081}
SECONDS_RUN=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
RUNS=${BENCH_RUNS:-3}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
LAUNCHER_DIR=$ROOT/deploy/local/launcher/target
LAUNCHER=("$JAVA" -cp "$LAUNCHER_DIR/gatehouse-local-launcher-0.1.0-SNAPSHOT.jar:$LAUNCHER_DIR/lib/*" dev.gatehouse.local.Launcher)

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
PID=$(cat "$DATA/run/directory-service.pid" 2>/dev/null || true)
if [ -z "$PID" ] || ! kill -0 "$PID" 2>/dev/null; then
  echo "directory-service is not running from $DATA; start deploy/local/run.sh first" >&2; exit 2
fi
RECORDING=$(tr '\0' '\n' <"/proc/$PID/environ" | sed -n 's/^GATEHOUSE_USAGE_ENABLED=//p')
RECORDING=${RECORDING:-true}

eval "$("${LAUNCHER[@]}" bench-setup --dir "$DATA/keys")"
URL="$DIRECTORY/companies/$COMPANY_ID"
# The service account reaches directory-service as an event; wait for it (up to 30 s).
for _ in $(seq 300); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $INTROSPECT_TOKEN" "$URL")
  [ "$status" = 200 ] && break
  sleep 0.1
done
[ "$status" = 200 ] || { echo "GET $URL answered $status, not 200" >&2; exit 1; }

TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
wrk_run() {
  BENCH_BEARER=$INTROSPECT_TOKEN wrk -t2 -c"$CONNECTIONS" -d"$1s" ${2:-} -s "$ROOT/deploy/local/benchmark.lua" "$URL" \
    | sed -n 's/^RESULT //p'
}

echo "directory-service pid $PID, $(readlink "/proc/$PID/exe"), usage recording: $RECORDING;" \
  "wrk -t2 -c$CONNECTIONS, warm-up ${WARMUP}s, $RUNS runs of ${SECONDS_RUN}s"
wrk_run "$WARMUP" >/dev/null
for run in $(seq "$RUNS"); do
  c0=$(cpu_ticks); t0=$(date +%s.%N)
  line=$(wrk_run "$SECONDS_RUN" --latency)
  c1=$(cpu_ticks)
  rps=$(echo "$line" | sed 's/.*rps=\([0-9]*\).*/\1/')
  awk -v a="$c0" -v b="$c1" -v t="$TICKS" -v s="$t0" -v e="$(date +%s.%N)" -v r="$rps" -v n="$run" -v l="$line" \
    'BEGIN { c = (b - a) / t / (e - s); printf "run %d: %s cpu_cores=%.2f cpu_us_per_request=%.0f\n", n, l, c, c * 1e6 / r }'
done
