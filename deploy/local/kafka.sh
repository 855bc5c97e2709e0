#!/usr/bin/env bash
# Stops or starts the local stack's Kafka broker alone, leaving PostgreSQL, the services and the gateway running: what a
# broker outage looks like to the suite (the services' outboxes keep their events until it is back). The system tests'
# "nothing lost" story uses it; so can anyone who wants to watch the outbox at work.
#
#   deploy/local/kafka.sh stop      TERM the broker (KILL after CUSTODIAN_STOP_TIMEOUT, 30 s); its data stays
#   deploy/local/kafka.sh start     start it again on the same data and wait until it accepts connections
#   deploy/local/kafka.sh status    running or not (exit 0 when it accepts connections)
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case ${1:-} in -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;; esac
launcher kafka "$@"
