#!/usr/bin/env bash
# Makes the dev key pairs in .run/keys if they are missing, and prints their paths: the dev issuer's (private.pem:
# PKCS#8, public.pem), which token.sh signs people's tokens with, and the service-token pair (service-private.pem,
# service-public.pem), which sar-service signs its calls to the other services' internal routes with; and cursor.key
# (with cursor.env, for docker compose), the HMAC key the services seal their list cursors with.
# up.sh does this by itself; docker compose mounts the same folder, so run this once before 'docker compose up'.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case ${1:-} in -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;; esac
launcher keys
