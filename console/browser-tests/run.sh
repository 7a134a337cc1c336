#!/usr/bin/env bash
# Runs the console's browser tests against a running local stack (GATEHOUSE_HOME names its data folder, for the
# first platform admin's credentials). Installs what a fresh machine lacks: Node.js and Debian's Chromium from
# Debian's packages, playwright-core and axe-core from npm (package-lock.json pins them; playwright-core drives the
# system Chromium and downloads no browser). Screenshots of every page land in console/browser-tests/screenshots/
# (GATEHOUSE_SCREENSHOTS moves them).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
missing=()
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
[ -x "${GATEHOUSE_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing ${missing[*]} from Debian's packages" >&2
    $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 18 ]; then
    echo "the browser tests need Node.js 18 or newer; this is $(node --version)" >&2
    exit 1
fi
if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/axe-core" ]; then
    (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
cd "$here"
exec node --test --test-concurrency=1 --test-reporter=spec tests/
