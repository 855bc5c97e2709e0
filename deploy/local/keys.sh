#!/usr/bin/env bash
# Makes the dev key pair in .run/keys (private.pem: PKCS#8, public.pem) if it is missing, and prints its paths.
# up.sh does this by itself; docker compose mounts the same folder, so run this once before 'docker compose up'.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_keys
say "$PRIVATE_KEY"
say "$PUBLIC_KEY"
