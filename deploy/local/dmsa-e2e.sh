#!/usr/bin/env bash
# The developer-managed service account story of issue 4, end to end over HTTP through the four running services
# (dev.gatehouse.local.DmsaStory): register and publish an app, enable and install it with two projects, the DMSA
# user and its permissions, the app's token for that company and those projects only, a project removed, an
# upgrade with its diff approved, uninstall, the audit trail. In the middle one service is restarted
# (GATEHOUSE_E2E_RESTART, default token-service) and the story must still complete. Exits non-zero on the first
# failure; the stack is stopped either way.
exec "$(dirname "${BASH_SOURCE[0]}")/stack-check.sh" dmsa-e2e "DMSA end-to-end"
