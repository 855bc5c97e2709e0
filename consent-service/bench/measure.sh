#!/usr/bin/env bash
# Times the two figures issue 3 asks for, against a running consent-service (the local stack by default):
#   - a roster sync of 5,000 pupils and 10,000 guardians (first: all created; again: all unchanged; then: all updated)
#   - a consent check of 1,000 pupils x 8 purposes (median and p95 of 30 calls, after 5 warm-up calls)
# Usage: consent-service/bench/measure.sh [base-url]   (default http://127.0.0.1:${CUSTODIAN_CONSENT_PORT:-8081})
# Needs: deploy/local/up.sh running (for its dev key), curl, python3.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
base=${1:-http://127.0.0.1:${CUSTODIAN_CONSENT_PORT:-8081}}
urn=$(( 900000 + RANDOM % 99999 ))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
token() { "$root/deploy/local/token.sh" --role "$1" --school "$urn"; }
mis=$(token mis)
staff=$(token staff)

python3 - "$work" <<'PY'
import json, sys, datetime
work = sys.argv[1]
def pupil(i, year):
    born = datetime.date(2015, 1, 1) + datetime.timedelta(days=i % 1400)
    return {"pupilId": f"B{i:05d}", "givenName": f"Given{i}", "familyName": f"Family{i}", "dateOfBirth": born.isoformat(),
            "yearGroup": year, "admissionDate": (born + datetime.timedelta(days=4*365)).isoformat()}
def guardian(g):
    return {"guardianId": f"G{g:05d}", "name": f"Guardian {g}", "email": f"g{g}@example.org",
            "children": [{"pupilId": f"B{g//2:05d}", "parentalResponsibility": True, "relationship": "PARENT"}]}
for name, year in (("sync.json", 3), ("sync-updated.json", 4)):
    with open(f"{work}/{name}", "w") as f:
        json.dump({"pupils": [pupil(i, year) for i in range(5000)], "guardians": [guardian(g) for g in range(10000)]}, f)
purposes = ["PHOTO_DISPLAY", "PHOTO_WEBSITE", "PHOTO_SOCIAL_MEDIA", "PHOTO_PRESS", "VIDEO_PERFORMANCES",
            "BIOMETRIC_CATERING", "RESEARCH", "EDTECH_APPS"]
with open(f"{work}/check.json", "w") as f:
    json.dump({"pupils": [f"B{i:05d}" for i in range(1000)], "purposes": purposes}, f)
for i in range(400):
    with open(f"{work}/decision-{i}.json", "w") as f:
        json.dump({"purpose": purposes[i % 8], "decision": "GRANTED" if i % 3 else "REFUSED",
                   "givenBy": {"type": "GUARDIAN", "guardianId": f"G{2*i:05d}"}, "method": "MIS_IMPORT"}, f)
PY

post() { curl -sS -o "$work/out" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
  --data-binary "@$2" "$base$3"; }
sync_once() {
  read -r code secs < <(post "$mis" "$work/$1" "/api/v1/schools/$urn/roster-sync")
  [[ $code == 200 ]] || { echo "roster sync failed with $code: $(head -c 300 "$work/out")" >&2; exit 1; }
  printf '  %-34s %6.2f s   %s\n' "$2" "$secs" "$(cat "$work/out")"
}

echo "consent-service at $base, school $urn"
echo "roster sync, 5,000 pupils + 10,000 guardians (one transaction):"
sync_once sync.json "first sync (all created)"
sync_once sync.json "same sync again (all unchanged)"
sync_once sync-updated.json "every pupil's year group changed"

for i in $(seq 0 399); do
  pupil=$(printf 'B%05d' "$i")
  read -r code _ < <(post "$mis" "$work/decision-$i.json" "/api/v1/schools/$urn/pupils/$pupil/consents")
  [[ $code == 201 ]] || { echo "decision $i failed with $code: $(head -c 300 "$work/out")" >&2; exit 1; }
done
echo "recorded 400 decisions"

times=()
for i in $(seq 1 35); do
  read -r code secs < <(post "$staff" "$work/check.json" "/api/v1/schools/$urn/consent-checks")
  [[ $code == 200 ]] || { echo "check failed with $code: $(head -c 300 "$work/out")" >&2; exit 1; }
  ((i > 5)) && times+=("$secs")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "consent check, 1,000 pupils x 8 purposes (30 calls): median %.0f ms, p95 %.0f ms, max %.0f ms\n", a[int(NR/2)+1]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
