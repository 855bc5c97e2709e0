#!/usr/bin/env bash
# Lints the public OpenAPI document with Spectral, its core OpenAPI rules (spectral:oas) and the OWASP API Security
# Top 10 ruleset (2023), failing on any
# error (warnings are printed, not fatal). The document is the one the gateway serves at /api/openapi: every service's
# operations merged, with the gateway's own answers, limits and headers.
#
#   security/lint-openapi.sh                 the running local stack's gateway (deploy/local/up.sh)
#   security/lint-openapi.sh URL|FILE        another gateway's /api/openapi, or a saved document
#
# Spectral comes from the npm registry, pinned in security/spectral/package-lock.json (installed on first use).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source=${1:-http://127.0.0.1:${CUSTODIAN_GATEWAY_PORT:-8080}/api/openapi}

if [[ ! -x $here/spectral/node_modules/.bin/spectral ]]; then
  (cd "$here/spectral" && npm ci --no-audit --no-fund --loglevel=error) || { echo "error: npm ci in security/spectral failed" >&2; exit 1; }
fi

document=$source
if [[ $source == http* ]]; then
  document=$(mktemp --suffix=.json)
  trap 'rm -f "$document"' EXIT
  curl -fsS -m 30 "$source" -o "$document" || { echo "error: could not fetch $source" >&2; exit 1; }
fi
if grep -q '"x-custodian-unavailable"' "$document"; then
  echo "error: the document is incomplete (a service's own document was unavailable):" >&2
  grep -o '"x-custodian-unavailable":{[^}]*}' "$document" >&2
  exit 1
fi

printf 'linting %s with the core OpenAPI and the OWASP rulesets\n' "$source"
set +e
"$here/spectral/node_modules/.bin/spectral" lint "$document" --ruleset "$here/spectral/.spectral.yaml" \
  --format text --fail-severity error >"$document.out" 2>&1
rc=$?
set -e
awk '$2 == "error" || $2 == "warning" { n[$2 " " $3]++ } END { for (k in n) printf "  %5d %s\n", n[k], k }' "$document.out" | sort -k2
awk '$2 == "error"' "$document.out" | head -n 40
errors=$(awk '$2 == "error"' "$document.out" | wc -l)
warnings=$(awk '$2 == "warning"' "$document.out" | wc -l)
rm -f "$document.out"
printf 'core + OWASP rulesets: %s errors, %s warnings\n' "$errors" "$warnings"
exit "$rc"
