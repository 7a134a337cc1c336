#!/usr/bin/env bash
# Checks deploy/k8s offline (.ci/run runs it after ./mvnw verify, which renders each module's manifests):
#  1. base/generated/ holds exactly what the build rendered (deploy/k8s/generate.sh refreshes it);
#  2. kubectl kustomize renders both overlays;
#  3. check/validate.mjs validates every rendered resource against the Kubernetes and operators' schemas and
#     against the services (images, ports, probes, environment, secrets, topics, ACLs, replicas, budgets).
# Installs kubectl (Debian's package) and the checker's npm packages when missing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if ! command -v kubectl >/dev/null 2>&1; then
  echo "→ installing kubectl (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q kubectl >/dev/null; else sudo apt-get install -y -q kubectl >/dev/null; fi
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
