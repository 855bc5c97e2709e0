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
# NAME is one of consent, sar, sharing, retention, gateway. Run it with the environment up.sh was run with (ports,
# PGPORT, CUSTODIAN_DB_PREFIX, CUSTODIAN_RUN_DIR): the service is started from it.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command=${1:-} name=${2:-}
case $command in
  -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;;
  kill | stop | start | status) ;;
  *) usage_of "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
[[ " ${APPS[*]} " == *" $name "* ]] || die "which service? one of: ${APPS[*]} (not '${name}')"
port=$(port_of "$name")

case $command in
  kill)
    pid=$(running_pid "$name") || die "$name is not running"
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    rm -f "$(pid_file "$name")"
    say "killed $name (pid $pid, SIGKILL)"
    ;;
  stop)
    stop "$name" || say "$name was not running"
    ;;
  start)
    if pid=$(running_pid "$name"); then
      say "$name already running (pid $pid)"
    else
      listening "$port" && die "port $port is in use by something up.sh did not start:
$(port_owner "$port")"
      ensure_keys
      export_app_env
      started=$SECONDS
      start_app "$name"
    fi
    await_ready "$name"
    say "$name ready on 127.0.0.1:$port${started:+ after $((SECONDS - started)) s}"
    ;;
  status)
    if pid=$(running_pid "$name") && ready "$name"; then
      say "$name running (pid $pid) and ready on 127.0.0.1:$port"
    else
      say "$name is not running or not ready"
      exit 1
    fi
    ;;
esac
