#!/usr/bin/env bash
# Custodian partner receiver: receive and verify webhooks, and answer partner actions. Needs only a JDK 17.
#   deploy/local/partner-receiver/run.sh --port 9999 --secret whsec_...            # receive
#   deploy/local/partner-receiver/run.sh list --recipient <recipientId>             # answer (dev token minted)
# See README.md beside this file, or run.sh --help.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java_bin" >/dev/null 2>&1; then
  echo "partner-receiver needs a JDK 17 (java on PATH or JAVA_HOME)" >&2
  exit 1
fi

# --recipient ID: mint a local dev partner token with deploy/local/token.sh (never for a real deployment)
args=()
recipient=""
school="${CUSTODIAN_SCHOOL:-100001}"
while [ $# -gt 0 ]; do
  case "$1" in
    --recipient) recipient="$2"; shift 2 ;;
    --recipient=*) recipient="${1#*=}"; shift ;;
    --school) school="$2"; args+=("$1" "$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ -n "$recipient" ] && [ -z "${PARTNER_TOKEN:-}" ]; then
  PARTNER_TOKEN="$("$here/../token.sh" --role partner --school "$school" --sub "$recipient")"
  export PARTNER_TOKEN
fi

exec "$java_bin" -Dfile.encoding=UTF-8 "$here/PartnerReceiver.java" ${args[@]+"${args[@]}"}
