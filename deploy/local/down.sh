#!/usr/bin/env bash
# Stops what deploy/local/up.sh started (gateway, services, Kafka), by the pids in .run/pids: TERM, a grace period,
# then KILL. Then checks that none of the stack's ports is still listening.
#
#   deploy/local/down.sh [--reset]    --reset: also delete the Kafka data, drop the five local databases with their
#                                     roles, and delete their audit checkpoints (.run/audit-checkpoints)
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case ${1:-} in -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;; esac
launcher down "$@"
