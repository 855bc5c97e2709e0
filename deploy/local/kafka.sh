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

case ${1:-} in
  stop)
    stop kafka || say "kafka was not running"
    ! listening "$KAFKA_PORT" || die "port $KAFKA_PORT is still in use after stopping kafka:
$(port_owner "$KAFKA_PORT")"
    ;;
  start)
    if pid=$(running_pid kafka); then
      say "kafka already running (pid $pid)"
    else
      listening "$KAFKA_PORT" && die "port $KAFKA_PORT is in use by something up.sh did not start:
$(port_owner "$KAFKA_PORT")"
      start_kafka
    fi
    await_ready kafka
    say "kafka ready on 127.0.0.1:$KAFKA_PORT"
    ;;
  status)
    if pid=$(running_pid kafka) && ready kafka; then
      say "kafka running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
    else
      say "kafka is not running"
      exit 1
    fi
    ;;
  -h | --help) usage_of "${BASH_SOURCE[0]}" ;;
  *) usage_of "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
