#!/usr/bin/env bash
# Shows each part of the local stack: running or not, its pid, port, readiness and resident memory.
# Exits 0 when everything is running and ready, 1 otherwise.
#
#   deploy/local/status.sh
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ ${1:-} != -h && ${1:-} != --help ]] || { usage_of "${BASH_SOURCE[0]}"; exit 0; }

all_ok=true
printf '%-10s %-8s %-6s %-9s %s\n' PART PID PORT STATE RSS
for c in "${COMPONENTS[@]}"; do
  port=$(port_of "$c")
  if pid=$(running_pid "$c"); then
    if ready "$c"; then state=ready; else state=not-ready; fi
    rss="$(($(ps -o rss= -p "$pid") / 1024)) MiB"
  else
    pid=- state=stopped rss=-
  fi
  [[ $state == ready ]] || all_ok=false
  printf '%-10s %-8s %-6s %-9s %s\n' "$c" "$pid" "$port" "$state" "$rss"
done
say "logs: $LOG_DIR/"
$all_ok
