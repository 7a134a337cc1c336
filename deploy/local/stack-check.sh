#!/usr/bin/env bash
# Starts the whole local stack in a fresh data folder, runs one of the launcher's checks (or a script) against it,
# stops the stack. Used by smoke-test.sh (launcher "smoke"), dmsa-e2e.sh and replicas-e2e.sh (launcher "dmsa-e2e")
# and console-e2e.sh (the console's browser tests).
#   deploy/local/stack-check.sh <launcher-command | path to an executable script> <label>
# Prints what it checks; exits non-zero on any failure (and the stack is stopped either way).
set -euo pipefail
CHECK=${1:?usage: stack-check.sh <launcher-command> <label>}
LABEL=${2:-$CHECK}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
export GATEHOUSE_HOME=${GATEHOUSE_SMOKE_HOME:-$(mktemp -d -t gatehouse-smoke.XXXXXX)}
LOG=$GATEHOUSE_HOME/run.sh.log
LAUNCHER_DIR=$ROOT/deploy/local/launcher/target
mkdir -p "$GATEHOUSE_HOME"

# Usage counts go out every 2 s here (60 s by default), so a check sees a story's calls in the usage report soon.
export GATEHOUSE_USAGE_FLUSH_INTERVAL=${GATEHOUSE_USAGE_FLUSH_INTERVAL:-2s}
echo "$LABEL: starting the stack (data: $GATEHOUSE_HOME, log: $LOG)"
"$ROOT/deploy/local/run.sh" >"$LOG" 2>&1 &
RUN_PID=$!

stop_stack() {
  # run.sh removes its pid files as it stops each process: note them first.
  local leftovers=0 f names=() pids=() i
  for f in "$GATEHOUSE_HOME"/run/*.pid; do
    [ -e "$f" ] && { names+=("$(basename "$f" .pid)"); pids+=("$(cat "$f")"); }
  done
  if kill -0 "$RUN_PID" 2>/dev/null; then
    kill -TERM "$RUN_PID" 2>/dev/null || true
    wait "$RUN_PID" 2>/dev/null || true
  fi
  # A process, or anything left in its process group (a child it started), still running.
  for i in "${!pids[@]}"; do
    if kill -0 "${pids[$i]}" 2>/dev/null || pgrep -g "${pids[$i]}" >/dev/null 2>&1; then
      echo "  ✗ ${names[$i]} (or a process it started) still running"; leftovers=1
    fi
  done
  return $leftovers
}
trap 'stop_stack' EXIT

for _ in $(seq 1 1200); do # up to 10 minutes: the first run may have to build
  [ -f "$GATEHOUSE_HOME/run/ready" ] && break
  if ! kill -0 "$RUN_PID" 2>/dev/null; then
    echo "  ✗ the stack did not start:"; sed 's/^/    /' "$LOG"; exit 1
  fi
  sleep 0.5
done
[ -f "$GATEHOUSE_HOME/run/ready" ] || { echo "  ✗ the stack was not ready in 10 minutes"; sed 's/^/    /' "$LOG"; exit 1; }
sed -n '/^→/p;/ready (/p' "$LOG" | sed 's/^/  /'

status=0
if [ -x "$CHECK" ]; then
  "$CHECK" || status=$?
else
  GATEHOUSE_KEYS_DIR=$GATEHOUSE_HOME/keys GATEHOUSE_RUN_DIR=$GATEHOUSE_HOME/run \
    GATEHOUSE_MAIL_DIR=$GATEHOUSE_HOME/mail GATEHOUSE_OPENID_CLIENT_CHECK=$ROOT/deploy/local/openid-client/run.sh "$JAVA" \
    -cp "$LAUNCHER_DIR/gatehouse-local-launcher-0.1.0-SNAPSHOT.jar:$LAUNCHER_DIR/lib/*" \
    dev.gatehouse.local.Launcher "$CHECK" || status=$?
fi

# What run.sh did on its own while the check ran (a process that exited and was started again).
grep -E "exited on its own|started again" "$LOG" | sed 's/^/  run.sh: /' || true
echo "$LABEL: stopping the stack"
trap - EXIT
if stop_stack; then
  echo "  ✓ stopped cleanly, no process left behind"
else
  status=1
fi
sed -n '/^Stopping/,$p' "$LOG" | sed 's/^/  /'
[ -z "${GATEHOUSE_SMOKE_HOME:-}" ] && rm -rf "$GATEHOUSE_HOME"
exit $status
