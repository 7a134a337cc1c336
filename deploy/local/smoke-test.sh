#!/usr/bin/env bash
# Smoke test: start the whole local stack in a fresh data folder, create a company and a project through
# directory-service's HTTP API, see both events in audit-metrics-service's trail within 5 seconds, check that a
# signing-key rotation needs no restart, dead tokens stop on every service, the broker and a service killed with
# SIGKILL are started again by run.sh and the stack carries on, and with Kafka killed for good token-service keeps
# issuing and still stops gracefully within its bound; stop the stack. Exits non-zero on any failure.
exec "$(dirname "${BASH_SOURCE[0]}")/stack-check.sh" smoke "smoke test"
