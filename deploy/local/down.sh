#!/usr/bin/env bash
# Stops what deploy/local/up.sh started (gateway, services, Kafka), by the pids in .run/pids: TERM, a grace period,
# then KILL. Then checks that none of the stack's ports is still listening.
#
#   deploy/local/down.sh [--reset]    --reset: also delete the Kafka data, drop the four local databases with their
#                                     roles, and delete their audit checkpoints (.run/audit-checkpoints)
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

reset=false
while (($#)); do
  case $1 in
    --reset) reset=true ;;
    -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
  shift
done
# the gateway and the services first, so that they can still flush to Kafka; then Kafka
stopped_any=false
stop gateway "${SERVICES[@]}" && stopped_any=true
stop kafka && stopped_any=true
for c in "${COMPONENTS[@]}"; do rm -f "$(pid_file "$c")"; done
$stopped_any || say "nothing of the local stack was running"

if $reset; then
  rm -rf "$RUN_DIR/kafka/data"
  say "deleted the Kafka data"
  if pg_up; then
    for s in "${SERVICES[@]}"; do psql_admin -c "DROP DATABASE IF EXISTS $(db_name "$s")"; done
    say "dropped the local databases (up.sh creates them again)"
    reset_audit_checkpoints_and_roles
    say "dropped their roles and deleted their audit checkpoints"
  else
    warn "PostgreSQL is not reachable; databases not dropped"
  fi
fi

busy=()
while read -r port; do listening "$port" && busy+=("$port"); done < <(all_ports)
if ((${#busy[@]} > 0)); then
  for port in "${busy[@]}"; do printf 'port %s is still in use:\n%s\n' "$port" "$(port_owner "$port")" >&2; done
  die "something is still listening on the stack's ports (not started by up.sh, or its pid file was lost)"
fi
say "stopped; ports $(all_ports | paste -sd' ' -) are free"
