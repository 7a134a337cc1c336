#!/usr/bin/env bash
# Runs app-for-person.mjs (a stock openid-client relying party) against the running stack. Installs Node.js from
# Debian's packages when it is missing, and openid-client from npm (package-lock.json pins it). The environment
# names the app, the company and the person (DmsaStory sets it).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Node.js is missing: installing it from Debian's packages" >&2
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq nodejs npm >/dev/null
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
    echo "openid-client needs Node.js 20 or newer; this is $(node --version)" >&2
    exit 1
fi
if [ ! -d "$here/node_modules/openid-client" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
exec node "$here/app-for-person.mjs"
