#!/usr/bin/env bash
# Kills, stops or starts one service (or the gateway) of the running local stack, leaving the rest running: what a crash
# and a restart look like to the suite. The system tests' faults use it (a service killed mid-relay and started again).
#
#   deploy/local/service.sh kill NAME     SIGKILL, as a crash: no shutdown hooks, transactions cut off where they are
#   deploy/local/service.sh stop NAME     TERM, a clean shutdown (KILL after CUSTODIAN_STOP_TIMEOUT, 30 s)
#   deploy/local/service.sh start NAME    start it again (same jar, same environment as up.sh gives it) and wait until
#                                         /q/health/ready answers UP (CUSTODIAN_START_TIMEOUT, 180 s)
#   deploy/local/service.sh status NAME   running and ready or not (exit 0 when ready)
#
# NAME is one of consent, sar, sharing, retention, accountability, gateway. Run it with the environment up.sh was run
# with (ports, PGPORT, CUSTODIAN_DB_PREFIX, CUSTODIAN_RUN_DIR): the service is started from it.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case ${1:-} in -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;; esac
launcher service "$@"
