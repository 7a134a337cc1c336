#!/usr/bin/env bash
# Checks deploy/k8s offline (.ci/run runs it after ./mvnw verify, which renders each module's manifests):
#  1. base/generated/ holds exactly what the build rendered (deploy/k8s/generate.sh refreshes it);
#  2. kubectl kustomize renders both overlays;
#  3. check/validate.mjs validates every rendered resource against the Kubernetes and operators' schemas and
#     against the services (images, ports, probes, environment, secrets, topics, ACLs, replicas, budgets).
# Installs kubectl and Node.js (Debian's packages) and the checker's npm packages when missing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
missing=()
command -v kubectl >/dev/null 2>&1 || missing+=(kubectl)
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "→ installing ${missing[*]} (Debian packages)"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for overlay in dev prod; do
  kubectl kustomize "$HERE/overlays/$overlay" > "$out/$overlay.yaml"
done
echo "✔ kubectl kustomize renders dev and prod"

if [ ! -d "$HERE/check/node_modules" ]; then
  (cd "$HERE/check" && npm ci --no-audit --no-fund --silent)
fi
node "$HERE/check/validate.mjs" --generated "dev=$out/dev.yaml" "prod=$out/prod.yaml"
