#!/usr/bin/env bash
# Loads the demo school (URN 100001, Cassiobury Infant School) through the gateway, so that every endpoint has something
# real to show: three classes of pupils with their parents; consent decisions in every state a fresh stack can reach
# (granted, refused, withdrawn, renewal needed after a rewording, not asked, a child's own biometric objection); the
# privacy notice's recipients with consent, public-task (processor) and legal-obligation agreements and disclosures under them; rights
# requests at different stages (received, awaiting identity, in progress with a response assembled, completed, a
# complaint acknowledged, an erasure approved); the term calendar; records held across the retention schedule's
# classes, a legal hold and a disposal batch to review; the school's privacy notice generated from all of it and published;
# and a second school (100002, Riverside Academy) with other recipients and purposes, and so another notice.
# Safe to run again: each part checks first whether it was loaded (the roster sync and the holdings register are
# idempotent by nature).
#   deploy/local/demo-data.sh            (deploy/local/up.sh runs it; up.sh --no-demo does not)
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

gateway=http://127.0.0.1:$CUSTODIAN_GATEWAY_PORT
school=$gateway/api/v1/schools/$DEMO_SCHOOL
# every token the demo needs, minted at once: the MIS, the DPO, a teacher, and the parents who write in
parents=(DEMO-G01A DEMO-G04A DEMO-G05A DEMO-G08A DEMO-G10A DEMO-G12A)
tokens=()
while IFS= read -r t; do tokens+=("$t"); done < <(launcher tokens 600 "$DEMO_SCHOOL" mis:demo-mis dpo:demo-dpo \
  staff:demo-teacher "${parents[@]/#/parent:}")
((${#tokens[@]} == 3 + ${#parents[@]})) || die "could not mint the demo tokens"
mis=${tokens[0]} dpo=${tokens[1]} staff=${tokens[2]}
lower() { printf '%s' "$1" | tr '[:upper:]' '[:lower:]'; }
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
  guardians+=("{\"guardianId\":\"$(printf 'DEMO-G%02dA' "$n")\",\"name\":\"Parent A ${families[$i]}\",\"email\":\"a.$(lower "${families[$i]}")@example.org\",\"children\":[{\"pupilId\":\"$id\",\"parentalResponsibility\":true,\"relationship\":\"MOTHER\"}]}")
  # every third family has a step-parent without parental responsibility instead of a second parent
  if ((n % 3 == 0)); then
    guardians+=("{\"guardianId\":\"$(printf 'DEMO-G%02dB' "$n")\",\"name\":\"Step-parent ${families[$i]}\",\"children\":[{\"pupilId\":\"$id\",\"parentalResponsibility\":false,\"relationship\":\"STEP_PARENT\"}]}")
  else
    guardians+=("{\"guardianId\":\"$(printf 'DEMO-G%02dB' "$n")\",\"name\":\"Parent B ${families[$i]}\",\"email\":\"b.$(lower "${families[$i]}")@example.org\",\"children\":[{\"pupilId\":\"$id\",\"parentalResponsibility\":true,\"relationship\":\"FATHER\"}]}")
  fi
done
body=$(printf '{"pupils":[%s],"guardians":[%s]}' "$(IFS=,; echo "${pupils[*]}")" "$(IFS=,; echo "${guardians[*]}")")

api() { curl -sS -m 20 -H "Authorization: Bearer $mis" -H 'Content-Type: application/json' "$@"; }
result=$(api -X POST --data-binary "$body" "$school/roster-sync") || die "demo roster sync failed"
[[ $result == *'"pupils"'* ]] || die "demo roster sync was refused: $result"
say "demo roster for $DEMO_SCHOOL: pupils $(grep -o '"pupils":{[^}]*}' <<<"$result" | cut -d: -f2-), guardians $(grep -o '"guardians":{[^}]*}' <<<"$result" | cut -d: -f2-), $(grep -o '"warnings":\[[^]]*\]' <<<"$result")"

decide() { # pupil-number purpose decision guardian-suffix
  local pupil guardian
  pupil=$(printf 'DEMO-P%02d' "$1") guardian=$(printf 'DEMO-G%02d%s' "$1" "$4")
  api -o /dev/null -w '%{http_code}\n' -X POST "$school/pupils/$pupil/consents" --data-binary \
    "{\"purpose\":\"$2\",\"decision\":\"$3\",\"givenBy\":{\"type\":\"GUARDIAN\",\"guardianId\":\"$guardian\"},\"method\":\"MIS_IMPORT\",\"evidenceRef\":\"demo consent form\"}"
}
notify_biometrics() { # pupil-number guardian-suffix
  local pupil guardian
  pupil=$(printf 'DEMO-P%02d' "$1") guardian=$(printf 'DEMO-G%02d%s' "$1" "$2")
  api -o /dev/null -w '%{http_code}\n' -X POST "$school/pupils/$pupil/biometric-notices" --data-binary \
    "{\"purpose\":\"BIOMETRIC_CATERING\",\"guardianId\":\"$guardian\",\"outcome\":\"NOTIFIED\",\"evidenceRef\":\"demo letter home\"}"
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
  if ((n % 5 == 0)); then
    # every parent told in writing first (Protection of Freedoms Act 2012 s.26); a step-parent without parental
    # responsibility (families 3, 6, 9…) is not one
    codes+=("$(notify_biometrics "$n" A)")
    if ((n % 3 != 0)); then codes+=("$(notify_biometrics "$n" B)"); fi
    codes+=("$(decide "$n" BIOMETRIC_CATERING GRANTED A)")
  fi
done
bad=$(printf '%s\n' "${codes[@]}" | grep -vc '^201$' || true)
((${#codes[@]} == 0 || bad == 0)) || die "$bad demo decisions were refused"
say "demo consent decisions recorded: ${#codes[@]}"

# ---- helpers for the rest ---------------------------------------------------------------------------------------
# call TOKEN METHOD PATH [BODY] [EXPECTED_STATUS]: prints the body; dies unless the status is the expected one (200)
call() {
  local token=$1 method=$2 path=$3 body=${4:-} want=${5:-200} out code
  out=$(curl -sS -m 30 -X "$method" -H "Authorization: Bearer $token" ${body:+-H 'Content-Type: application/json' --data-binary "$body"} \
    -w '\n%{http_code}' "$school$path") || die "demo data: $method $path failed"
  code=${out##*$'\n'}
  [[ $code == "$want" ]] || die "demo data: $method $path answered $code (expected $want): ${out%$'\n'*}"
  printf '%s' "${out%$'\n'*}"
}
first_id() { grep -o '"id":"[^"]*"' | head -n1 | cut -d'"' -f4; }
pid() { printf 'DEMO-P%02d' "$1"; }
gid() { printf 'DEMO-G%02d%s' "$1" "$2"; }
today=$(date +%F)
days_ago() { date -d "$today - $1 days" +%F 2>/dev/null || date -v-"$1"d +%F; } # GNU date, else BSD (macOS)
year=$(date +%Y)
(( $(date +%-m) < 9 )) && school_year=$((year - 1)) || school_year=$year
parent_call() { # guardian METHOD PATH BODY EXPECTED
  local token
  local i
  token=
  for i in "${!parents[@]}"; do [[ ${parents[$i]} != "$1" ]] || token=${tokens[$((i + 3))]}; done
  [[ -n $token ]] || die "no demo token for parent $1: add them to parents= above"
  shift
  call "$token" "$@"
}
decision_by() { # pupil-number purpose decision giver(A|B|PUPIL) method
  local giver
  if [[ $4 == PUPIL ]]; then giver='{"type":"PUPIL"}'; else giver="{\"type\":\"GUARDIAN\",\"guardianId\":\"$(gid "$1" "$4")\"}"; fi
  call "$mis" POST "/pupils/$(pid "$1")/consents" "{\"purpose\":\"$2\",\"decision\":\"$3\",\"givenBy\":$giver,\"method\":\"${5:-PAPER}\",\"evidenceRef\":\"demo form\"}" 201 >/dev/null
}

# ---- consents in the other states ----------------------------------------------------------------------------
# withdrawn (a parent changed their mind), a child's own biometric objection, a parent's biometric objection,
# renewal needed (video wording changed and asks everyone again; two families answered), apps for Year 2
if [[ $(call "$dpo" GET /purposes/VIDEO_PERFORMANCES) == *'"currentVersion":1'* ]]; then
  decision_by 7 PHOTO_WEBSITE WITHDRAWN B
  decision_by 14 PHOTO_DISPLAY WITHDRAWN B
  decision_by 10 BIOMETRIC_CATERING REFUSED B
  decision_by 15 BIOMETRIC_CATERING REFUSED PUPIL
  for n in 1 2 3 4 5 6; do decision_by "$n" VIDEO_PERFORMANCES GRANTED A; done
  for n in 13 14 15 16 17 18; do decision_by "$n" EDTECH_APPS GRANTED A; done
  etag=$(curl -sS -m 20 -D - -o /dev/null -H "Authorization: Bearer $dpo" "$school/purposes/VIDEO_PERFORMANCES" | tr -d '\r' \
    | awk 'tolower($1) == "etag:" { print $2 }')
  curl -sS -m 20 -o /dev/null -X POST -H "Authorization: Bearer $dpo" -H "If-Match: $etag" -H 'Content-Type: application/json' \
    --data-binary '{"wording":"We film the nativity and summer performances and share the recordings with the families of the class through the school portal only. You can withdraw at any time.","requiresReconsent":true}' \
    "$school/purposes/VIDEO_PERFORMANCES/versions"
  [[ $(call "$dpo" GET /purposes/VIDEO_PERFORMANCES) == *'"currentVersion":2'* ]] || die "demo data: could not reword VIDEO_PERFORMANCES"
  for n in 1 2; do decision_by "$n" VIDEO_PERFORMANCES GRANTED A; done
  say "demo consents: withdrawn, objections, renewal needed after a rewording, apps for Year 2"
fi


# ---- sharing: the notice's recipients, agreements on every basis, and disclosures under them -------------------------
recipients=$(call "$dpo" GET '/recipients?limit=500')
recipient_id() { grep -o "\"id\":\"[^\"]*\",\"name\":\"$1\"" <<<"$recipients" | head -n1 | cut -d'"' -f4; }
if [[ $recipients != *'"Watford Observer"'* ]]; then
  paper=$(call "$dpo" POST /recipients '{"name":"Watford Observer","kind":"CONTROLLER","sector":"PRESS","country":"GB","contact":"newsdesk@watfordobserver.example","description":"The local newspaper: photos of school events"}' 201 | first_id)
  photographer=$(call "$dpo" POST /recipients '{"name":"Tempest Photography","kind":"PROCESSOR","sector":"SUPPLIER","country":"GB","contractReference":"DPA-2025-07","description":"The school photographer"}' 201 | first_id)
  recipients=$(call "$dpo" GET '/recipients?limit=500')
  discovery=$(recipient_id "Discovery Education")
  from="$school_year-09-01"
  call "$dpo" POST /agreements "{\"recipientId\":\"$paper\",\"name\":\"Photos in the local press\",\"purposes\":[\"press-photos\"],\"dataCategories\":[\"PHOTOGRAPHS\",\"IDENTITY\"],\"lawfulBasis\":\"CONSENT\",\"consentPurpose\":\"PHOTO_PRESS\",\"validFrom\":\"$from\"}" 201 >/dev/null
  call "$dpo" POST /agreements "{\"recipientId\":\"$discovery\",\"name\":\"Learning platform (Year 2)\",\"purposes\":[\"learning-platform\"],\"dataCategories\":[\"IDENTITY\",\"ASSESSMENT\"],\"lawfulBasis\":\"CONSENT\",\"consentPurpose\":\"EDTECH_APPS\",\"validFrom\":\"$from\",\"validTo\":\"$((school_year + 1))-08-31\"}" 201 >/dev/null
  call "$dpo" POST /agreements "{\"recipientId\":\"$photographer\",\"name\":\"School photographs\",\"purposes\":[\"school-photos\"],\"dataCategories\":[\"IDENTITY\",\"PHOTOGRAPHS\"],\"lawfulBasis\":\"PUBLIC_TASK\",\"recipientRole\":\"PROCESSOR\",\"validFrom\":\"$from\"}" 201 >/dev/null
  say "demo recipients and agreements: Watford Observer (consent), Discovery Education (consent), Tempest Photography (processor under public task), and the seeded statutory ones"
fi
if [[ $(call "$dpo" GET '/disclosures?limit=1') == *'"items":[]'* ]]; then
  recipients=$(call "$dpo" GET '/recipients?limit=500')
  all=$(for n in $(seq 1 18); do printf '"%s",' "$(pid "$n")"; done) all="[${all%,}]"
  year2=$(for n in $(seq 13 18); do printf '"%s",' "$(pid "$n")"; done) year2="[${year2%,}]"
  disclose() { call "$staff" POST "$1" "{\"recipientId\":\"$(recipient_id "$2")\",\"pupilIds\":$3,\"dataCategories\":$4,\"purpose\":\"$5\",\"reason\":\"$6\"}" 200; }
  # sharing-service learns the roster and the consents from Kafka: wait until its picture matches the forms
  # (press photos: 6 granted, 3 refused, 9 never asked)
  for _ in $(seq 150); do
    check=$(disclose /sharing-checks "Watford Observer" "$all" '["PHOTOGRAPHS"]' press-photos check)
    [[ $check == *'"allowed":6,"refused":12'* && $(grep -o CONSENT_REFUSED <<<"$check" | wc -l) -eq 3 ]] && break
    sleep 0.2
  done
  disclose /disclosures "Department for Education" "$all" '["IDENTITY","CHARACTERISTICS","ATTENDANCE"]' census "Autumn school census" >/dev/null
  disclose /disclosures "Tempest Photography" "$all" '["IDENTITY","PHOTOGRAPHS"]' school-photos "Class photographs" >/dev/null
  disclose /disclosures "Watford Observer" "$all" '["PHOTOGRAPHS"]' press-photos "Harvest festival article" >/dev/null
  disclose /disclosures "Discovery Education" "$year2" '["IDENTITY","ASSESSMENT"]' learning-platform "Year 2 accounts" >/dev/null
  say "demo disclosures: census, class photographs, the harvest festival article (refusals logged with reasons), Year 2's learning platform"
fi

# ---- retention: records across the schedule's classes, a legal hold, a batch to review ------------------------------
holdings=()
hold() { # class pupil-number-or-empty reference created-on [purpose]
  local pupil=${2:+,\"pupilId\":\"$(pid "$2")\"} purpose=${5:+,\"purpose\":\"$5\"}
  holdings+=("{\"recordClass\":\"$1\"$pupil,\"system\":\"SIMS\",\"reference\":\"$3\",\"createdOn\":\"$4\"$purpose}")
}
for n in $(seq 1 18); do
  admitted="$((school_year - (n - 1) / 6))-09-0$(( (n % 3) + 2 ))"
  hold ADMISSION_ATTENDANCE_REGISTERS "$n" "ADM-$(pid "$n")" "$admitted"
  hold PUPIL_RECORD_PRIMARY "$n" "EDU-$(pid "$n")" "$admitted"
  hold PHOTOGRAPHS_AND_RECORDINGS "$n" "PHOTO-DISPLAY-$school_year-$(pid "$n")" "$school_year-09-15" PHOTO_DISPLAY
done
hold ABSENCE_CORRESPONDENCE 3 "ABS-$(pid 3)-1" "$(days_ago 40)"
hold ABSENCE_CORRESPONDENCE 9 "ABS-$(pid 9)-1" "$(days_ago 400)"
hold ACCIDENT_BOOK 5 "ACC-$(pid 5)-1" "$(days_ago 20)"
hold FREE_SCHOOL_MEALS 6 "FSM-$(pid 6)" "$school_year-09-01"
hold FREE_SCHOOL_MEALS 12 "FSM-$(pid 12)" "$((school_year - 1))-09-01"
hold SEN_FILES 8 "SEN-$(pid 8)" "$((school_year - 1))-11-10"
hold CHILD_PROTECTION 11 "CP-$(pid 11)" "$((school_year - 1))-03-02"
hold ADMISSION_ATTENDANCE_REGISTERS "" "REGISTER-$((school_year - 8))" "$((school_year - 8))-09-01"
hold ADMISSION_ATTENDANCE_REGISTERS "" "REGISTER-$((school_year - 7))" "$((school_year - 7))-09-01"
registered=$(call "$mis" POST /holdings "{\"holdings\":[$(IFS=,; echo "${holdings[*]}")]}")
say "demo holdings: $(grep -o '"created":[0-9]*,"updated":[0-9]*,"unchanged":[0-9]*' <<<"$registered")"
if [[ $(call "$dpo" GET '/legal-holds?limit=1') == *'"items":[]'* ]]; then
  call "$dpo" POST /legal-holds '{"scope":"RECORD_CLASS","recordClass":"CHILD_PROTECTION","reason":"A national inquiry has asked schools not to destroy child protection files","reference":"INQUIRY-2026-01"}' 201 >/dev/null
  say "demo legal hold: child protection files"
fi
if [[ $(call "$dpo" GET '/disposal-batches?limit=1') == *'"items":[]'* ]]; then
  call "$dpo" POST /disposal-batches '{}' 201 >/dev/null
  say "demo disposal batch proposed (the registers older than six years), waiting for the DPO"
fi

# ---- the term calendar ------------------------------------------------------------------------------------------
if [[ $(call "$dpo" GET /calendar) == *'"version":0'* ]]; then
  y=$school_year z=$((school_year + 1))
  call "$mis" POST /calendar/imports "{\"source\":\"SIMS\",\"terms\":[{\"name\":\"Autumn $y\",\"startsOn\":\"$y-09-03\",\"endsOn\":\"$y-12-18\"},{\"name\":\"Spring $z\",\"startsOn\":\"$z-01-05\",\"endsOn\":\"$z-03-26\"},{\"name\":\"Summer $z\",\"startsOn\":\"$z-04-12\",\"endsOn\":\"$z-07-21\"}],\"holidays\":[{\"name\":\"Autumn half-term\",\"startsOn\":\"$y-10-26\",\"endsOn\":\"$y-10-30\"},{\"name\":\"Spring half-term\",\"startsOn\":\"$z-02-15\",\"endsOn\":\"$z-02-19\"},{\"name\":\"Summer half-term\",\"startsOn\":\"$z-05-31\",\"endsOn\":\"$z-06-04\"}],\"insetDays\":[{\"name\":\"INSET\",\"date\":\"$y-09-02\"},{\"name\":\"INSET\",\"date\":\"$z-01-04\"}]}" 201 >/dev/null
  say "demo term calendar for $y/$z"
fi

# ---- the privacy notice: the school's profile and DPO, then version 1 generated from every fact above, published ------
profile=$(call "$dpo" GET "")
if [[ $profile != *'"dpoEmail":"carole@schooldposervice.com"'* ]]; then
  etag=$(curl -sS -m 20 -D - -o /dev/null -H "Authorization: Bearer $dpo" "$school" | tr -d '\r' \
    | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p')
  body=$(jq -c '{name: "Cassiobury Infant School", type: "MAINTAINED", region: (.region // "ENGLAND_AND_WALES"),
    dpoName: "Carole Ashworth", dpoEmail: "carole@schooldposervice.com", competenceAge: (.competenceAge // 13),
    conflictPolicy: (.conflictPolicy // "MOST_RESTRICTIVE"), nation: (.nation // "ENGLAND")}' <<<"$profile")
  curl -sS -m 20 -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $dpo" -H "If-Match: $etag" \
    -H 'Content-Type: application/json' --data-binary "$body" "$school" | grep -q '^200$' \
    || die "demo data: could not set the school's profile and DPO"
fi
if [[ $(curl -sS -m 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $dpo" "$school/privacy-notice") == 404 ]]; then
  # the notice is made from what the other services announced: wait until their facts have arrived
  for _ in $(seq 1 60); do
    draft=$(call "$dpo" GET /privacy-notice/draft)
    [[ $draft == *'carole@schooldposervice.com'* && $draft == *'Tempest Photography'* && $draft == *'PUPIL_RECORD_PRIMARY'* \
      && $draft == *'VIDEO_PERFORMANCES'* ]] && break
    sleep 1
  done
  [[ $draft == *'Tempest Photography'* && $draft == *'PUPIL_RECORD_PRIMARY'* ]] \
    || die "demo data: accountability-service has not received the school's facts: $draft"
  etag=$(curl -sS -m 20 -D - -o /dev/null -H "Authorization: Bearer $dpo" "$school/privacy-notice/draft" | tr -d '\r' \
    | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p')
  curl -sS -m 20 -o /dev/null -X PUT -H "Authorization: Bearer $dpo" -H "If-Match: $etag" -H 'Content-Type: application/json' \
    --data-binary '{"introduction":"Under data protection law, individuals have a right to be informed about how the school uses any personal data that we hold about them. This notice explains how we collect, store and use personal data about pupils.","localExplanations":{"recipients":"We do not share information about pupils with anyone without consent unless the law and our policies allow us to do so."},"securityMeasures":"Role-based access to the MIS; encrypted laptops; staff data protection training every September; paper files locked in the office."}' \
    "$school/privacy-notice/draft"
  call "$dpo" POST /privacy-notice/draft/publication '' 201 >/dev/null
  say "demo privacy notice: version 1 published (public at $gateway/public/v1/schools/$DEMO_SCHOOL/privacy-notice)"
fi

# ---- rights requests at different stages --------------------------------------------------------------------------
if [[ $(call "$dpo" GET '/requests?limit=1') == *'"items":[]'* ]]; then
  request() { printf '{"type":"%s","subject":{"type":"PUPIL","id":"%s"},"description":"%s"}' "$1" "$(pid "$2")" "$3"; }
  step() { call "$dpo" POST "/requests/$1/$2" "$3" "${4:-200}" >/dev/null; }
  # received: a mother's access request through the portal
  parent_call "$(gid 1 A)" POST /requests "$(request ACCESS 1 'Please send me a copy of everything you hold about my son.')" 201 >/dev/null
  # awaiting identity: a father's letter, logged by the office
  id=$(call "$dpo" POST /requests "{\"type\":\"ACCESS\",\"subject\":{\"type\":\"PUPIL\",\"id\":\"$(pid 2)\"},\"requester\":{\"type\":\"GUARDIAN\",\"id\":\"$(gid 2 B)\"},\"channel\":\"LETTER\",\"receivedOn\":\"$(days_ago 5)\",\"description\":\"Letter asking for my daughter's records.\"}" 201 | first_id)
  step "$id" identity-verification "{\"decision\":\"REQUIRED\",\"on\":\"$(days_ago 4)\",\"note\":\"asked for photo ID by letter\"}"
  # in progress, response assembled, what it says about other people waiting for the DPO's review
  id=$(parent_call "$(gid 4 A)" POST /requests "$(request ACCESS 4 'What do you hold about my son, and who has it been shared with?')" 201 | first_id)
  step "$id" identity-verification '{"decision":"CONFIRMED","note":"known to the office"}'
  step "$id" bundle ''
  # completed: answered through the portal
  id=$(parent_call "$(gid 5 A)" POST /requests "$(request ACCESS 5 'A copy of my daughter'"'"'s data, please.')" 201 | first_id)
  step "$id" identity-verification '{"decision":"NOT_REQUIRED","note":"portal login"}'
  step "$id" bundle ''
  # the DPO reviews what the response says about other people (form references, disclosure reasons, who disclosed)
  for item in $(call "$dpo" GET "/requests/$id/bundle/review-items?state=PENDING&limit=500" | grep -o '"id":"[^"]*"' | cut -d'"' -f4); do
    step "$id" "bundle/review-items/$item/decision" '{"state":"RELEASE","reason":"checked: names nobody else"}'
  done
  step "$id" completion '{"summary":"Response sent through the parent portal."}'
  # a complaint, acknowledged
  id=$(parent_call "$(gid 8 A)" POST /requests "$(request COMPLAINT 8 'My son appeared in the newsletter although I said no to photos.')" 201 | first_id)
  step "$id" acknowledgement '{"note":"Acknowledged by email; the DPO is looking into it."}'
  # a rectification, received
  parent_call "$(gid 10 A)" POST /requests "$(request RECTIFICATION 10 'The date of birth on the class list is wrong.')" 201 >/dev/null
  # an erasure of consent-based data, approved: partners are told and retention brings the photographs forward
  id=$(parent_call "$(gid 12 A)" POST /requests "$(request ERASURE 12 'Please delete the photos you took of my son with my consent.')" 201 | first_id)
  step "$id" identity-verification '{"decision":"NOT_REQUIRED","note":"portal login"}'
  step "$id" decision '{"outcome":"APPROVED","consentBasedOnly":true,"reason":"Consent-based data only; nothing else requires it."}'
  say "demo requests: received, awaiting identity, in progress (response assembled), completed, a complaint acknowledged, a rectification, an approved erasure"
fi

# ---- a second school: an academy of the same trust with other purposes and recipients, so its notice, record of -------
# processing and access responses differ from Cassiobury's
second=100002
second_tokens=()
while IFS= read -r t; do second_tokens+=("$t"); done < <(launcher tokens 600 "$second" dpo:demo-dpo-riverside \
  mis:demo-mis-riverside)
((${#second_tokens[@]} == 2)) || die "could not mint the second demo school's tokens"
second_dpo=${second_tokens[0]} second_mis=${second_tokens[1]}
as_second() { school=$gateway/api/v1/schools/$second call "$second_dpo" "$@"; }
if [[ $(curl -sS -m 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $second_dpo" \
  "$gateway/api/v1/schools/$second/privacy-notice") == 404 ]]; then
  profile=$(as_second GET "")
  etag=$(curl -sS -m 20 -D - -o /dev/null -H "Authorization: Bearer $second_dpo" "$gateway/api/v1/schools/$second" \
    | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p')
  if [[ $profile != *'riversidetrust.example'* ]]; then
    curl -sS -m 20 -o /dev/null -X PUT -H "Authorization: Bearer $second_dpo" -H "If-Match: $etag" \
      -H 'Content-Type: application/json' --data-binary '{"name":"Riverside Academy","type":"ACADEMY","region":"ENGLAND_AND_WALES","dpoName":"Dev Patel","dpoEmail":"dpo@riversidetrust.example","competenceAge":13,"conflictPolicy":"LATEST_DECISION","nation":"ENGLAND"}' \
      "$gateway/api/v1/schools/$second"
  fi
  recipients=$(as_second GET '/recipients?limit=500')
  from="$school_year-09-01"
  if [[ $recipients != *'Harbour Sports Coaching'* ]]; then
    coaching=$(as_second POST /recipients '{"name":"Harbour Sports Coaching","kind":"PROCESSOR","sector":"SUPPLIER","country":"GB","contractReference":"HSC-2026","description":"After-school sports clubs"}' 201 | first_id)
    as_second POST /agreements "{\"recipientId\":\"$coaching\",\"name\":\"After-school sports clubs\",\"purposes\":[\"sports-clubs\"],\"dataCategories\":[\"IDENTITY\",\"CONTACT\"],\"lawfulBasis\":\"PUBLIC_TASK\",\"recipientRole\":\"PROCESSOR\",\"validFrom\":\"$from\"}" 201 >/dev/null
    as_second POST /purposes '{"code":"SWIMMING_GALA_VIDEO","title":"Videos of the swimming gala","wording":"We would like to film the swimming gala and share the video with the families of the pupils who swim. You can withdraw this consent at any time.","kind":"STANDARD","dataCategories":["RECORDINGS"]}' 201 >/dev/null
  fi
  for _ in $(seq 1 60); do
    draft=$(as_second GET /privacy-notice/draft)
    [[ $draft == *'Harbour Sports Coaching'* && $draft == *'SWIMMING_GALA_VIDEO'* && $draft == *'riversidetrust.example'* \
      && $draft == *'PUPIL_RECORD_PRIMARY'* ]] && break
    sleep 1
  done
  [[ $draft == *'Harbour Sports Coaching'* && $draft == *'SWIMMING_GALA_VIDEO'* ]] \
    || die "demo data: accountability-service has not received Riverside Academy's facts: $draft"
  as_second POST /privacy-notice/draft/publication '' 201 >/dev/null
  say "demo second school $second (Riverside Academy): its own recipients and purposes, notice version 1 published"
fi
if [[ $(as_second GET '/requests?limit=1') == *'"items":[]'* ]]; then
  # one family and an access request answered: the response repeats Riverside's own notice, not Cassiobury's
  curl -sS -m 20 -o /dev/null -X POST -H "Authorization: Bearer $second_mis" -H 'Content-Type: application/json' \
    --data-binary "{\"pupils\":[{\"pupilId\":\"RIV-P01\",\"givenName\":\"Zara\",\"familyName\":\"Ali\",\"dateOfBirth\":\"$(born 4 3)\",\"yearGroup\":4,\"admissionDate\":\"$school_year-09-01\"}],\"guardians\":[{\"guardianId\":\"RIV-G01\",\"name\":\"Parent Ali\",\"email\":\"ali@example.org\",\"children\":[{\"pupilId\":\"RIV-P01\",\"parentalResponsibility\":true,\"relationship\":\"MOTHER\"}]}]}" \
    "$gateway/api/v1/schools/$second/roster-sync"
  # sar-service learns of the new pupil from the roster's events: wait until it has
  for _ in $(seq 1 60); do
    reply=$(curl -sS -m 20 -w '\n%{http_code}' -X POST -H "Authorization: Bearer $second_dpo" -H 'Content-Type: application/json' \
      --data-binary "{\"type\":\"ACCESS\",\"subject\":{\"type\":\"PUPIL\",\"id\":\"RIV-P01\"},\"requester\":{\"type\":\"GUARDIAN\",\"id\":\"RIV-G01\"},\"channel\":\"EMAIL\",\"receivedOn\":\"$today\",\"description\":\"Everything you hold about Zara, please.\"}" \
      "$gateway/api/v1/schools/$second/requests")
    [[ ${reply##*$'\n'} == 201 ]] && break
    sleep 1
  done
  [[ ${reply##*$'\n'} == 201 ]] || die "demo data: Riverside's access request was refused: ${reply%$'\n'*}"
  id=$(first_id <<<"${reply%$'\n'*}")
  as_second POST "/requests/$id/identity-verification" '{"decision":"NOT_REQUIRED","note":"known to the office"}' >/dev/null
  as_second POST "/requests/$id/bundle" '' >/dev/null
  say "demo second school $second: an access response assembled from its own notice"
fi
