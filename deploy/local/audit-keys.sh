#!/usr/bin/env bash
# Makes the dev audit keys in .run/keys if they are missing (audit-chain.key: the chains' HMAC key; audit-checkpoint.pem:
# the Ed25519 key that signs checkpoints) and writes .run/keys/audit.env with them as the services read them; prints
# its path. up.sh does this by itself; docker compose reads audit.env, so run this once before 'docker compose up'.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case ${1:-} in -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;; esac
launcher audit-keys
