#!/usr/bin/env bash
# Shows each part of the local stack: running or not, its pid, port, readiness and resident memory.
# Exits 0 when everything is running and ready, 1 otherwise.
#
#   deploy/local/status.sh
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case ${1:-} in -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;; esac
launcher status "$@"
