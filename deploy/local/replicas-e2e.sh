#!/usr/bin/env bash
# The DMSA story (dmsa-e2e.sh) with two replicas of every service behind HAProxy (run.sh with GATEHOUSE_REPLICAS=2):
# in the middle, replica 1 of each of the four services is killed with SIGKILL, run.sh starts them again, and the
# story must still complete; it prints what the client saw from the kill until every replica was back (errors,
# retries, answer times; docs/architecture.md). Exits non-zero on the first failure; the stack is stopped either way.
export GATEHOUSE_REPLICAS=2 GATEHOUSE_E2E_KILL_REPLICA=1
exec "$(dirname "${BASH_SOURCE[0]}")/stack-check.sh" dmsa-e2e "DMSA end-to-end, two replicas of each service"
