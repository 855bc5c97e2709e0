#!/usr/bin/env bash
# Mints a dev JWT (RS256) for the local stack, signed with the dev key that deploy/local/up.sh made in .run/keys.
# For local use only: production tokens come from the real identity provider and keys from configuration.
#
#   deploy/local/token.sh --role ROLE [--school URN]... [--sub ID] [--ttl SECONDS]
#
#   --role    one of dpo, school-admin, staff, safeguarding-lead, parent, pupil, mis, partner, auditor (required)
#   --school  a school URN for the 'schools' claim; repeat for several (default 100001)
#   --sub     the subject, e.g. a guardian id for a parent (default dev-ROLE)
#   --ttl     lifetime in seconds (default 3600, at most 43200: the services' 12-hour cap)
#
# Issuer and audience follow CUSTODIAN_JWT_ISSUER and CUSTODIAN_JWT_AUDIENCE as the services do.
# Prints the token alone, e.g.:  curl -H "Authorization: Bearer $(deploy/local/token.sh --role dpo)" ...
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { usage_of "${BASH_SOURCE[0]}"; }

role= sub= ttl=3600 schools=()
while (($#)); do
  case $1 in
    --role | --school | --sub | --ttl)
      (($# >= 2)) || die "$1 needs a value"
      case $1 in
        --role) role=$2 ;;
        --school) schools+=("$2") ;;
        --sub) sub=$2 ;;
        --ttl) ttl=$2 ;;
      esac
      shift 2
      ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done
[[ -n $role ]] || { usage >&2; die "--role is required"; }
((${#schools[@]} > 0)) || schools=("$DEMO_SCHOOL")
mint_token "$role" "${sub:-dev-$role}" "$ttl" "${schools[@]}"
