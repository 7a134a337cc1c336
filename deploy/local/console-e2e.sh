#!/usr/bin/env bash
# The console in a real browser: start the whole local stack in a fresh data folder (the console included), run the
# browser tests (console/browser-tests: headless Chromium through playwright-core, axe-core on every page, a
# screenshot of each), stop the stack. Exits non-zero on any failure.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/stack-check.sh" "$here/../../console/browser-tests/run.sh" "console in a browser"
