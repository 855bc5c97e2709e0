#!/usr/bin/env bash
# Loads the demo school (URN 100001, Cassiobury Infant School) through the gateway: three classes of pupils with their
# parents, and consent decisions as the school's paper forms would have recorded them. Safe to run again: the roster
# sync only changes what differs, and a pupil's decisions are recorded only while the pupil has none.
#   deploy/local/demo-data.sh            (deploy/local/up.sh runs it)
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

gateway=http://127.0.0.1:$CUSTODIAN_GATEWAY_PORT
school=$gateway/api/v1/schools/$DEMO_SCHOOL
mis=$(mint_token mis demo-mis 600 "$DEMO_SCHOOL")
dpo=$(mint_token dpo demo-dpo 600 "$DEMO_SCHOOL")
names=(Amara Ben Chloe Dev Ellie Finn Grace Hugo Isla Jack Kai Lily Mo Nia Oscar Priya Quinn Rosa)
families=(Okafor Smith Brown Patel Jones Walsh Evans Taylor Khan Wilson Murphy Clarke Ahmed Hughes Green Singh Byrne Lewis)

# the pupil's date of birth for their year group (0 = Reception), in the current school year
born() {
  local year=$1 n=$2 this
  this=$(date +%Y)
  (( $(date +%-m) < 9 )) && this=$((this - 1))
  printf '%d-%02d-%02d' $((this - 5 - year)) $((n % 12 + 1)) $((n % 27 + 1))
}

pupils=() guardians=()
for i in "${!names[@]}"; do
  n=$((i + 1)) id=$(printf 'DEMO-P%02d' $((i + 1))) year=$((i / 6))
  dob=$(born "$year" "$n")
  pupils+=("{\"pupilId\":\"$id\",\"givenName\":\"${names[$i]}\",\"familyName\":\"${families[$i]}\",\"dateOfBirth\":\"$dob\",\"yearGroup\":$year,\"admissionDate\":\"$(( ${dob:0:4} + 4 ))-09-01\"}")
  guardians+=("{\"guardianId\":\"$(printf 'DEMO-G%02dA' "$n")\",\"name\":\"Parent A ${families[$i]}\",\"email\":\"a.${families[$i],,}@example.org\",\"children\":[{\"pupilId\":\"$id\",\"parentalResponsibility\":true,\"relationship\":\"MOTHER\"}]}")
  # every third family has a step-parent without parental responsibility instead of a second parent
  if ((n % 3 == 0)); then
    guardians+=("{\"guardianId\":\"$(printf 'DEMO-G%02dB' "$n")\",\"name\":\"Step-parent ${families[$i]}\",\"children\":[{\"pupilId\":\"$id\",\"parentalResponsibility\":false,\"relationship\":\"STEP_PARENT\"}]}")
  else
    guardians+=("{\"guardianId\":\"$(printf 'DEMO-G%02dB' "$n")\",\"name\":\"Parent B ${families[$i]}\",\"email\":\"b.${families[$i],,}@example.org\",\"children\":[{\"pupilId\":\"$id\",\"parentalResponsibility\":true,\"relationship\":\"FATHER\"}]}")
  fi
done
body=$(printf '{"pupils":[%s],"guardians":[%s]}' "$(IFS=,; echo "${pupils[*]}")" "$(IFS=,; echo "${guardians[*]}")")

api() { curl -sS -m 20 -H "Authorization: Bearer $mis" -H 'Content-Type: application/json' "$@"; }
result=$(api -X POST --data-binary "$body" "$school/roster-sync") || die "demo roster sync failed"
[[ $result == *'"pupils"'* ]] || die "demo roster sync was refused: $result"
say "demo roster for $DEMO_SCHOOL: $result"

decide() { # pupil-number purpose decision guardian-suffix
  local pupil guardian
  pupil=$(printf 'DEMO-P%02d' "$1") guardian=$(printf 'DEMO-G%02d%s' "$1" "$4")
  api -o /dev/null -w '%{http_code}\n' -X POST "$school/pupils/$pupil/consents" --data-binary \
    "{\"purpose\":\"$2\",\"decision\":\"$3\",\"givenBy\":{\"type\":\"GUARDIAN\",\"guardianId\":\"$guardian\"},\"method\":\"MIS_IMPORT\",\"evidenceRef\":\"demo consent form\"}"
}
codes=()
for n in $(seq 1 18); do
  history=$(curl -sS -m 20 -H "Authorization: Bearer $dpo" "$school/pupils/$(printf 'DEMO-P%02d' "$n")/consents?history=true")
  [[ $history == *'"history":[]'* ]] || continue
  codes+=("$(decide "$n" PHOTO_DISPLAY GRANTED A)")
  if ((n % 2 == 0)); then codes+=("$(decide "$n" PHOTO_PRESS GRANTED A)"); fi
  # family 3, 6, 9… have a step-parent without parental responsibility: only parent A decides there
  if ((n % 3 != 0)); then codes+=("$(decide "$n" PHOTO_WEBSITE GRANTED B)"); fi
  if ((n % 4 == 0 && n % 3 != 0)); then codes+=("$(decide "$n" PHOTO_PRESS REFUSED B)"); fi
  if ((n % 5 == 0)); then codes+=("$(decide "$n" BIOMETRIC_CATERING GRANTED A)"); fi
done
bad=$(printf '%s\n' "${codes[@]}" | grep -vc '^201$' || true)
((${#codes[@]} == 0 || bad == 0)) || die "$bad demo decisions were refused"
say "demo consent decisions recorded: ${#codes[@]}"
