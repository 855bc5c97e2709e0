#!/usr/bin/env bash
# Measures registering 10,000 holdings in one POST against the running service: it starts retention-service from its
# jar (target/quarkus-app, build it first with ./mvnw -o -q -B verify -pl retention-service) on a free port with a
# database of its own on the local PostgreSQL, signs a token with the committed test-only key, posts ROUNDS batches of
# 10,000 new holdings and one re-registration of the last batch, prints each time and the median, then stops the
# service and drops the database.
#
#   retention-service/bench/register-10k.sh [ROUNDS [PRELOAD]]   (defaults 5 rounds, 1000000 holdings preloaded)
#
# PRELOAD holdings of 950 other schools are generated first (generate_series), so that the indexes the registration
# maintains are of a national deployment's size.
#
# Uses PGHOST/PGPORT/PGUSER/PGPASSWORD (defaults 127.0.0.1, 5432, postgres). Kafka is not needed: registering only writes
# its events (the school's defaults, holding-systems.changed) to the outbox (the service's consumers and relay wait for a
# broker that is not there, which does not slow the API).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module=$(dirname "$here")
root=$(dirname "$module")
keys="$root/platform-testing/src/main/resources/custodian-test-keys"
jar="$module/target/quarkus-app/quarkus-run.jar"
rounds=${1:-5}
preload=${2:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
db="custodian_retention_bench_reg_$$"
school=123456
issuer=https://auth.custodian.test
work=$(mktemp -d)
pid=

[[ -f $jar ]] || { echo "no $jar: build it first (./mvnw -o -q -B verify -pl retention-service)" >&2; exit 1; }

cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port)
no_kafka=$(free_port)
psql -q -d postgres -c "CREATE DATABASE $db" >/dev/null

echo "starting retention-service on port $port (database $db) ..."
CUSTODIAN_RETENTION_PORT=$port \
CUSTODIAN_RETENTION_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
CUSTODIAN_RETENTION_DISPOSAL_CRON=off \
MP_JWT_VERIFY_PUBLICKEY_LOCATION="$keys/publicKey.pem" \
CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION="$keys/servicePublicKey.pem" \
CUSTODIAN_JWT_ISSUER=$issuer \
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$no_kafka" \
QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=ERROR \
  java -Xmx512m -jar "$jar" >"$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/q/health/live" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "the service did not start:" >&2; tail -30 "$work/service.log" >&2; exit 1; }
  sleep 0.5
done

b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"%s","aud":"custodian","sub":"bench-mis","groups":["mis"],"schools":["%s"],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$issuer" "$school" "$now" $((now + 3600)) "$(openssl rand -hex 16)" | b64url)
token="$header.$payload.$(printf '%s' "$header.$payload" | openssl dgst -sha256 -sign "$keys/privateKey.pem" -binary | b64url)"

# the roster projection: 1,000 pupils with dates of birth, a third of them left
psql -q -d "$db" -c "INSERT INTO pupil (school_urn, pupil_id, date_of_birth, leaving_date, on_roll)
  SELECT '$school', 'P-' || p, date '2008-01-01' + p, CASE WHEN p % 3 = 0 THEN date '2024-07-19' END, p % 3 <> 0
  FROM generate_series(0, 999) p"

if ((preload > 0)); then
  echo "preloading $preload holdings of other schools ..."
  psql -q -d "$db" -c "INSERT INTO holding (school_urn, id, class_code, pupil_id, system, reference, created_on, due_on, due_action)
    SELECT lpad((200000 + g % 950)::text, 6, '0'), gen_random_uuid(), 'ACCIDENT_BOOK', 'P-' || (g % 40000), 'SIMS',
           'PRE-' || g, date '2000-01-01' + (g % 9000), date '2003-01-01' + (g % 9000), 'DESTROY'
    FROM generate_series(1, $preload) g" -c "VACUUM ANALYZE holding"
fi

batch() { # $1 = round: 10,000 holdings of every default class, about 1,000 pupils
  python3 - "$1" <<'PY'
import json, sys, datetime
r = sys.argv[1]
classes = ["PUPIL_RECORD_LAST_SCHOOL", "SEN_FILES", "ACCIDENT_BOOK", "FREE_SCHOOL_MEALS", "ADMISSION_ATTENDANCE_REGISTERS",
           "ABSENCE_CORRESPONDENCE", "PHOTOGRAPHS_AND_RECORDINGS", "PUPIL_RECORD_PRIMARY", "CHILD_PROTECTION", "ACCIDENT_BOOK"]
start = datetime.date(2015, 9, 1)
print(json.dumps({"holdings": [{"recordClass": classes[i % 10], "pupilId": "P-%d" % (i % 1000), "system": "SIMS",
                                "reference": "R%s-%d" % (r, i),
                                "createdOn": (start + datetime.timedelta(days=i % 3000)).isoformat()}
                               for i in range(10000)]}))
PY
}
post() { # $1 = body file: prints "<http status> <seconds>"
  curl -s -o "$work/response.json" -w '%{http_code} %{time_total}\n' -X POST \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @"$1" \
    "http://127.0.0.1:$port/api/v1/schools/$school/holdings"
}

batch warmup >"$work/warmup.json"
read -r status seconds < <(post "$work/warmup.json")
[[ $status == 200 ]] || { echo "warm-up failed with $status: $(head -c 500 "$work/response.json")" >&2; exit 1; }
echo "first batch after start (the JVM compiles the code paths as it goes): $(awk "BEGIN {printf \"%d\", $seconds * 1000}") ms;" \
  "$(wc -c <"$work/warmup.json") bytes per batch"

times=()
for r in $(seq "$rounds"); do
  batch "$r" >"$work/batch.json"
  read -r status seconds < <(post "$work/batch.json")
  created=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("created"))' "$work/response.json")
  echo "round $r: HTTP $status, $created created, $(awk "BEGIN {printf \"%d\", $seconds * 1000}") ms"
  times+=("$seconds")
done
read -r status seconds < <(post "$work/batch.json")
unchanged=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("unchanged"))' "$work/response.json")
echo "re-registration of round $rounds: HTTP $status, $unchanged unchanged, $(awk "BEGIN {printf \"%d\", $seconds * 1000}") ms"
total=$(psql -At -d "$db" -c "SELECT count(*) FROM holding")
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%d", a[int((NR+1)/2)] * 1000}')
echo
echo "RESULT registering 10,000 new holdings in one POST: median $median ms of $rounds rounds (the table held up to $total rows)"
