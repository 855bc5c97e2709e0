#!/usr/bin/env bash
# Mints a dev JWT (RS256) for the local stack, signed with the dev key that deploy/local/up.sh made in .run/keys.
# For local use only: production tokens come from the real identity provider and keys from configuration.
#
#   deploy/local/token.sh --role ROLE [--school URN]... [--sub ID] [--ttl SECONDS] [--partner ID]
#
#   --role    one of dpo, school-admin, staff, safeguarding-lead, parent, pupil, mis, partner, auditor (required)
#   --school  a school URN for the 'schools' claim; repeat for several (default 100001)
#   --sub     the subject, e.g. a guardian id for a parent (default dev-ROLE)
#   --ttl     lifetime in seconds (default 3600, at most 43200: the services' 12-hour cap)
#   --partner a partner organisation id for the partner_id claim (role partner only); without --school the token
#             then covers no school: the partner's own reads across schools, /api/v1/partners/me/... (decision 0019)
#
# Issuer and audience follow CUSTODIAN_JWT_ISSUER and CUSTODIAN_JWT_AUDIENCE as the services do.
# Prints the token alone, e.g.:  curl -H "Authorization: Bearer $(deploy/local/token.sh --role dpo)" ...
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case ${1:-} in -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;; esac
launcher token "$@"
