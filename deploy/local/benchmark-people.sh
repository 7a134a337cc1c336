#!/usr/bin/env bash
# Load benchmark of people's flows on a running stack (start it with deploy/local/run.sh first), with wrk
# (apt-get install wrk), keep-alive, on this machine. Prints one line each, with token-service's CPU:
#   authorize              the authorization endpoint with a signed-in session: a code per request
#   authorization_code     those codes redeemed (each once) for access, ID and refresh tokens
#   refresh_token          those grants refreshed, each response's rotated refresh token used next
#   sign-in                the sign-in form with the right password: a full Argon2id sign-in per request
#   client_credentials     alone, then together with the sign-in flood (two wrk processes at once)
#
#   deploy/local/benchmark-people.sh      BENCH_SECONDS (20), BENCH_CONNECTIONS (64) adjust it; BENCH_ALG (ES256 or
#                                         RS256) is how the sign-in client's tokens are signed; BENCH_SCOPE (openid:
#                                         every catalogue scope) is what the authorization requests ask for
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=${GATEHOUSE_HOME:-$ROOT/.gatehouse}
ISSUER=${GATEHOUSE_ISSUER:-http://localhost:8083}
SECONDS_RUN=${BENCH_SECONDS:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
LAUNCHER_DIR=$ROOT/deploy/local/launcher/target
LAUNCHER=("$JAVA" -cp "$LAUNCHER_DIR/gatehouse-local-launcher-0.1.0-SNAPSHOT.jar:$LAUNCHER_DIR/lib/*" dev.gatehouse.local.Launcher)
SCRIPT=$ROOT/deploy/local/benchmark-people.lua

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
PID=$(cat "$DATA/run/token-service.pid" 2>/dev/null || true)
if [ -z "$PID" ] || ! kill -0 "$PID" 2>/dev/null; then
  echo "token-service is not running from $DATA; start deploy/local/run.sh first" >&2; exit 2
fi

set -a
eval "$(GATEHOUSE_CLI_SIGNING_ALG=${BENCH_ALG:-ES256} "${LAUNCHER[@]}" bench-people-setup --dir "$DATA/keys")"
BENCH_DIR=$(mktemp -d)
BENCH_PATH="/oauth2/authorize?response_type=code&client_id=$CLI_CLIENT&redirect_uri=$LOOPBACK_ENC&scope=${BENCH_SCOPE:-openid}&code_challenge=$CHALLENGE&code_challenge_method=S256"
set +a
trap 'rm -rf "$BENCH_DIR"' EXIT
TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }

# measure NAME MODE DURATION [CONNECTIONS] -> one line
measure() {
  local name=$1 mode=$2 duration=$3 connections=${4:-$CONNECTIONS} c0 t0 line cores
  c0=$(cpu_ticks); t0=$(date +%s.%N)
  line=$(BENCH_MODE=$mode wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$SCRIPT" "$ISSUER" | grep '^RESULT')
  cores=$(awk -v a="$c0" -v b="$(cpu_ticks)" -v t="$TICKS" -v s="$t0" -v e="$(date +%s.%N)" \
    'BEGIN { printf "%.2f", (b - a) / t / (e - s) }')
  printf '%-44s %s token_service_cores=%s\n' "$name" "${line#RESULT }" "$cores"
}

echo "token-service pid $PID on $(nproc) cores; wrk -t2, $CONNECTIONS connections unless said; ${SECONDS_RUN}s each;" \
  "sign-in client's tokens ${BENCH_ALG:-ES256}"
measure "client_credentials (warm-up)" grant 10 >/dev/null
# JIT warm-up of the sign-in grants too (BENCH_WARMUP=0 skips it): a first round, not printed.
if [ "${BENCH_WARMUP:-1}" != 0 ]; then
  measure "authorize (warm-up)" authorize 10 >/dev/null
  measure "exchange (warm-up)" exchange 5 >/dev/null
  measure "refresh (warm-up)" refresh 10 >/dev/null
fi
# Codes live 60 s: make them for 20 s, then redeem them for 10 s (fewer than were made, so the rate is exact).
measure "authorize (signed in, one code each)" authorize 20
measure "authorization_code exchange" exchange 10
# Each grant is refreshed by one connection at a time, so fewer connections than grants per thread.
measure "refresh_token (rotating)" refresh "$SECONDS_RUN"
measure "sign-in (Argon2id, right password)" signin "$SECONDS_RUN" 8
measure "client_credentials alone" grant "$SECONDS_RUN" 32
BENCH_MODE=signin wrk -t1 -c8 -d"${SECONDS_RUN}s" --latency -s "$SCRIPT" "$ISSUER" >"$BENCH_DIR/flood" &
FLOOD=$!
measure "client_credentials during a sign-in flood" grant "$SECONDS_RUN" 32
wait "$FLOOD"
printf '%-44s %s\n' "  the sign-in flood at the same time" "$(grep '^RESULT' "$BENCH_DIR/flood" | sed 's/^RESULT //')"
# A flood of wrong passwords from one address: the throttle answers 429 before any hashing after 30 of them.
BENCH_MODE=signin PASSWORD_ENC=wrong-password wrk -t1 -c8 -d"${SECONDS_RUN}s" --latency -s "$SCRIPT" "$ISSUER" \
  >"$BENCH_DIR/failures" &
FLOOD=$!
measure "client_credentials during failed sign-ins" grant "$SECONDS_RUN" 32
wait "$FLOOD"
printf '%-44s %s\n' "  the failed sign-ins (429 after 30)" "$(grep '^RESULT' "$BENCH_DIR/failures" | sed 's/^RESULT //')"
