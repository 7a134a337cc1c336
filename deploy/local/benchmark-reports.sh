#!/usr/bin/env bash
# Benchmark of audit-metrics-service's reports (issue 14: each under 200 ms at p99) on a running local stack
# (start it with deploy/local/run.sh first): generates a company with BENCH_APPS (100) installed apps and a year of
# daily data in the stack's PostgreSQL (how: dev.gatehouse.local.ReportBenchmark), then asks each report
# BENCH_REQUESTS (200) times in a row after a warm-up and prints p50/p90/p99/max. Leaves the generated company in the
# stack (a fresh one each run).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=${GATEHOUSE_HOME:-$ROOT/.gatehouse}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
LAUNCHER_DIR=$ROOT/deploy/local/launcher/target
"$JAVA" -cp "$LAUNCHER_DIR/gatehouse-local-launcher-0.1.0-SNAPSHOT.jar:$LAUNCHER_DIR/lib/*" dev.gatehouse.local.Launcher \
  bench-reports --dir "$DATA/keys" --apps "${BENCH_APPS:-100}" --days "${BENCH_DAYS:-365}" \
  --requests "${BENCH_REQUESTS:-200}"
