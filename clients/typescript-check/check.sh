#!/usr/bin/env bash
# The front-end check (issue 17): a TypeScript client generated from the gateway's merged OpenAPI document with
# openapi-typescript (+ openapi-fetch) must type the parent's journey (parent-journey.ts) with no hand-written types.
#
#   clients/typescript-check/check.sh                the running local stack's gateway (deploy/local/up.sh)
#   clients/typescript-check/check.sh URL|FILE       another gateway's /api/openapi, or a saved document
#
# Generates schema.d.ts from the document, then compiles parent-journey.ts with tsc --strict --noEmit. Fails on an
# incomplete document, a generation error, any `any` or type assertion in parent-journey.ts, or a compile error.
# openapi-typescript, openapi-fetch and TypeScript come from the npm registry, pinned in package-lock.json (installed
# on first use).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source=${1:-http://127.0.0.1:${CUSTODIAN_GATEWAY_PORT:-8080}/api/openapi}

if [[ ! -x $here/node_modules/.bin/openapi-typescript || ! -x $here/node_modules/.bin/tsc ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || { echo "error: npm ci in clients/typescript-check failed" >&2; exit 1; }
fi

document=$source
if [[ $source == http* ]]; then
  document=$(mktemp --suffix=.json)
  trap 'rm -f "$document"' EXIT
  curl -fsS -m 30 "$source" -o "$document" || { echo "error: could not fetch $source" >&2; exit 1; }
elif [[ ! -f $source ]]; then
  echo "error: no such file: $source" >&2
  exit 1
fi
if grep -q '"x-custodian-unavailable"' "$document"; then
  echo "error: the document is incomplete (a service's own document was unavailable):" >&2
  grep -o '"x-custodian-unavailable":{[^}]*}' "$document" >&2
  exit 1
fi

# the journey must lean on the generated types only (comments aside)
if sed 's://.*$::' "$here/parent-journey.ts" | grep -nE '\bany\b|\bas\s+[A-Za-z{[(]|^\s*(export\s+)?(type|interface)\s' >&2; then
  echo "error: parent-journey.ts uses any, a type assertion or a hand-written type (the lines above)" >&2
  exit 1
fi

printf 'generating schema.d.ts from %s (openapi-typescript %s)\n' "$source" \
  "$(node -p 'require(process.argv[1]).version' "$here/node_modules/openapi-typescript/package.json")"
"$here/node_modules/.bin/openapi-typescript" "$document" --output "$here/schema.d.ts" --silent \
  || { echo "error: openapi-typescript could not generate types from $source" >&2; exit 1; }

printf 'compiling parent-journey.ts with tsc --strict --noEmit (TypeScript %s)\n' \
  "$("$here/node_modules/.bin/tsc" --version | awk '{print $2}')"
if ! (cd "$here" && node_modules/.bin/tsc -p tsconfig.json --strict --noEmit --pretty false); then
  echo "error: the parent's journey does not type-check against the generated client (errors above)" >&2
  exit 1
fi
echo "the parent's journey type-checks against the generated client: no hand-written types needed"
