#!/usr/bin/env bash
# The benchmark suite of issue 8: the hot paths against the machine's own limits, as ratios measured in one run.
#
#   bench/run.sh            the full run (about 17 minutes on the 2-core build machine)
#   bench/run.sh --smoke    small data, short runs (about a minute): proves the suite still works; .ci/run runs it
#
# Starts the local stack (deploy/local/up.sh --no-demo) when its gateway does not answer, loads the data with a
# generator (bench/src/BenchTool.java through the API; the 10k/100k/1M stored decisions and holdings with
# generate_series straight into the owning service's tables), warms up, measures, and writes bench/results/latest.md,
# latest.json and scaling.svg (gnuplot). A smoke run writes to bench/results/smoke/ instead (not committed).
#
# The ports, the database prefix and the run folder are deploy/local/lib.sh's: CUSTODIAN_GATEWAY_PORT (8080),
# CUSTODIAN_{CONSENT,SAR,SHARING,RETENTION}_PORT (8081-8084), KAFKA_PORT, CUSTODIAN_DB_PREFIX (custodian_),
# CUSTODIAN_RUN_DIR, PGHOST/PGPORT/PGUSER. BENCH_CONCURRENCY (8) is the connections of wrk and the clients of pgbench.
# Needs wrk, pgbench, gnuplot, python3 and a JDK 25 (found as ./mvnw finds it); missing Debian packages are installed
# with apt-get.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
smoke=false
case ${1:-} in
  --smoke) smoke=true ;;
  "") ;;
  -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
esac
# shellcheck source=deploy/local/lib.sh
source deploy/local/lib.sh

# ---- tools ---------------------------------------------------------------------------------------------------------
need() { # command debian-package
  command -v "$1" >/dev/null 2>&1 && return 0
  say "installing $2 (for $1) with apt-get"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo -n)
  "${sudo[@]}" apt-get install -y -q "$2" >/dev/null 2>&1 \
    || { "${sudo[@]}" apt-get update -q >/dev/null 2>&1 && "${sudo[@]}" apt-get install -y -q "$2" >/dev/null; } \
    || die "$1 is missing and apt-get could not install $2"
}
need wrk wrk
need gnuplot gnuplot-nox
need pgbench postgresql-contrib
need python3 python3
need_java_25
# the JVM options the launcher gives the apps unless CUSTODIAN_JAVA_OPTS says otherwise: the restarts of step 6 use them
DEFAULT_JAVA_OPTS=$(launcher default-java-opts)

if $smoke; then
  out=bench/results/smoke
  pupils=100 withdrawals=20 wrk_s=1 rate_s=1 warm_s=1 decision_levels="2000 4000" holding_levels="2000 4000"
  roster_sizes="50 500" holdings_api=200 restart=()
else
  out=bench/results
  # 15 s warm-ups: on 2 cores the C2 JIT is still compiling after 5 s (the first run then showed a p99 of 242 ms)
  pupils=1000 withdrawals=200 wrk_s=15 rate_s=15 warm_s=15 decision_levels="10000 100000 1000000"
  holding_levels="10000 100000 1000000" roster_sizes="500 5000 50000" holdings_api=2000 restart=("${APPS[@]}")
fi
conc=${BENCH_CONCURRENCY:-8}
work=$(mktemp -d)
parts=$work/parts
mkdir -p "$parts" "$out"
trap 'rm -rf "$work"' EXIT
step() { printf '\n==> %s\n' "$*"; }
part() { cat >"$parts/$1.json"; say "  $1: $(cat "$parts/$1.json")"; }

"$JAVA_HOME/bin/javac" -d "$work/classes" bench/src/BenchTool.java
tool() { "$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "$work/classes" BenchTool "$@"; }

# ---- the stack -------------------------------------------------------------------------------------------------------
step "the local stack"
if ready gateway && ready consent && ready sharing && ready retention && ready sar && ready accountability; then
  say "the stack answers on gateway port $CUSTODIAN_GATEWAY_PORT; using it as it runs"
else
  # throughput is measured with the JVM's full JIT: the apps' defaults without the C1-only setting (deploy/README.md:
  # the C1-only default starts faster)
  export CUSTODIAN_JAVA_OPTS=${CUSTODIAN_JAVA_OPTS:-$(sed 's/ *-XX:TieredStopAtLevel=[0-9]*//' <<<"$DEFAULT_JAVA_OPTS")}
  CUSTODIAN_RATE_LIMIT_ENABLED=false deploy/local/up.sh --no-demo
fi
ensure_keys
# launch NAME COMMAND...: starts COMMAND detached as part NAME of the stack (its pid in .run/pids, its log in .run/logs),
# as the launcher does; the bench is Linux-only (setsid, /proc), the launcher is not.
launch() {
  local name=$1 log f i
  shift
  log=$LOG_DIR/$name.log f=$(pid_file "$name")
  mkdir -p "$LOG_DIR" "$PID_DIR"
  [[ -f $log ]] && mv -f "$log" "$log.1"
  rm -f "$f"
  (
    cd "$CUSTODIAN_ROOT" || exit 1
    exec setsid bash -c '
      for fd in /proc/$$/fd/*; do fd=${fd##*/}; [[ $fd -gt 2 ]] && eval "exec $fd>&-"; done 2>/dev/null
      echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$f" "$@" </dev/null >"$log" 2>&1
  ) &
  for i in $(seq 50); do [[ -s $f ]] && return 0; sleep 0.1; done
  die "$name did not start (no pid file); see $log"
}
# CPU time (ms) a part of the stack has used so far: user + system clock ticks from /proc
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$(running_pid "$1")/stat"; }
# restart NAME [VAR=value...]: stops a part of the stack and starts it again with the same command line and environment
# as before (read from /proc), plus the given variables, and with the JVM options $RESTART_JAVA_OPTS instead of its own
# when that is set; prints the milliseconds from launch to ready and the CPU time the process had used by then (which,
# unlike the wall time, does not depend on what else the machine is doing).
restart() {
  local name=$1 pid args envs cwd t0 i opts
  shift
  pid=$(running_pid "$name") || die "$name is not running"
  mapfile -d '' args <"/proc/$pid/cmdline"
  if [[ -n ${RESTART_JAVA_OPTS:-} ]]; then # java -Dcustodian.local=NAME <options> [-XX:AOTCache=...] -jar ...
    for ((i = 2; i < ${#args[@]}; i++)); do [[ ${args[i]} == -jar || ${args[i]} == -XX:AOTCache=* ]] && break; done
    read -r -a opts <<<"$RESTART_JAVA_OPTS"
    args=("${args[@]:0:2}" "${opts[@]}" "${args[@]:i}")
  fi
  mapfile -d '' envs <"/proc/$pid/environ"
  cwd=$(readlink "/proc/$pid/cwd") # a jar with an ahead-of-time cache runs from its own folder (the launcher's Parts)
  stop "$name" >/dev/null
  t0=$(date +%s%N)
  launch "$name" env -C "$cwd" -i "${envs[@]}" "$@" "${args[@]}"
  until ready "$name"; do
    running_pid "$name" >/dev/null || { log_tail "$name"; die "$name exited while starting"; }
    sleep 0.02
  done
  echo "$((($(date +%s%N) - t0) / 1000000)) $(cpu_ms "$name")"
}
# The gateway's per-caller rate limit (20/s) would answer 429 to a load generator: the bench measures the proxy
# without it (the limiter's own cost is one token-bucket lookup per request).
export CUSTODIAN_RATE_LIMIT_ENABLED=false
if curl -sS -m 5 -o /dev/null -D - -H "Authorization: Bearer $(mint_token dpo bench-probe 60 990001)" \
  "http://127.0.0.1:$CUSTODIAN_GATEWAY_PORT/api/v1/schools/990001/purposes" | grep -qi '^ratelimit-limit'; then
  say "the running gateway limits each caller's rate: restarting it without the limit"
  restart gateway CUSTODIAN_RATE_LIMIT_ENABLED=false >/dev/null
  gateway_limited=true
fi
: "${gateway_limited:=false}"
java_opts=$(ps -o args= -p "$(running_pid consent)" | sed -e 's/.*-Dcustodian.local=consent //' -e 's/ -jar .*//')

gateway=http://127.0.0.1:$CUSTODIAN_GATEWAY_PORT
consent=http://127.0.0.1:$CUSTODIAN_CONSENT_PORT
sharing=http://127.0.0.1:$CUSTODIAN_SHARING_PORT
retention=http://127.0.0.1:$CUSTODIAN_RETENTION_PORT
urn=990001 # the bench school; the bulk filler lives in schools 890000-899999
consent_db=$(db_name consent) retention_db=$(db_name retention)
sqlc() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$consent_db" "$@"; }
sqlr() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$retention_db" "$@"; }
token() { mint_token "$1" "bench-$1" 7200 "$urn" 890000; }
mis=$(token mis) staff=$(token staff) dpo=$(token dpo)

# ---- data ----------------------------------------------------------------------------------------------------------
step "data: the bench school $urn ($pupils pupils, a guardian each) through the API"
tool roster "$consent" "$urn" 0 "$pupils" 1000 "$mis" | part setup_roster
if [[ $(sqlc -c "SELECT count(*) FROM consent_decision WHERE school_urn = '$urn' AND purpose_code = 'PHOTO_DISPLAY'") -lt $pupils ]]; then
  # the matrix's stored decisions: each pupil's guardian grants display photos and refuses website photos; bulk-loaded
  # as the API would store them (consent_decision, and the consent_status each resolves to at the current version)
  t=$SECONDS
  sqlc <<SQL
CREATE TEMP TABLE bench AS
  SELECT 'P' || lpad(n::text, 6, '0') AS pupil_id, d.purpose_code, d.decision
  FROM generate_series(0, $pupils - 1) n, (VALUES ('PHOTO_DISPLAY', 'GRANTED'), ('PHOTO_WEBSITE', 'REFUSED')) d(purpose_code, decision);
INSERT INTO consent_decision (school_urn, decision_id, pupil_id, purpose_code, purpose_version, decision, given_by_type,
                              given_by_id, relationship, method, evidence_ref, recorded_at, recorded_by, recorded_by_role)
  SELECT '$urn', gen_random_uuid(), b.pupil_id, b.purpose_code, pu.current_version, b.decision, 'GUARDIAN', 'G' || b.pupil_id,
         'MOTHER', 'MIS_IMPORT', 'bench', now(), 'bench-mis', 'mis'
  FROM bench b JOIN purpose pu ON pu.school_urn = '$urn' AND pu.code = b.purpose_code;
INSERT INTO consent_status (school_urn, pupil_id, purpose_code, status, effective_version)
  SELECT '$urn', b.pupil_id, b.purpose_code, b.decision, pu.current_version
  FROM bench b JOIN purpose pu ON pu.school_urn = '$urn' AND pu.code = b.purpose_code
  ON CONFLICT (school_urn, pupil_id, purpose_code) DO UPDATE SET status = EXCLUDED.status,
    effective_version = EXCLUDED.effective_version, valid_until = NULL, recompute_on = NULL, updated_at = now();
SQL
  printf '{"decisions":%d,"seconds":%d,"how":"generate_series"}' $((2 * pupils)) $((SECONDS - t)) | part setup_decisions_matrix
fi
# the pupils whose withdrawal is timed: granted again (the previous run withdrew them)
tool decisions "$consent" "$urn" 0 "$withdrawals" PHOTO_PRESS GRANTED "$mis" 4 | part setup_decisions_press
tool bodies "$work" "$pupils"

# ---- 1 and 2: consent check against pgbench, and through the gateway ---------------------------------------------------
# wrk at fixed concurrency: one Lua script per body, reporting p50/p99/p99.9 as JSON
wrk_script() { # body-file token
  cat <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $2"
wrk.body = [[$(cat "$1")]]
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('WRKJSON {"requests":%d,"errors":%d,"rps":%.1f,"p50Ms":%.3f,"p99Ms":%.3f,"p999Ms":%.3f}\n',
    summary.requests, errors, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1e3,
    latency:percentile(99) / 1e3, latency:percentile(99.9) / 1e3))
end
EOF
}
run_wrk() { # url body-file seconds: wrk's figures plus the CPU the gateway and consent-service spent per request
  local g0 c0 json
  wrk_script "$2" "$staff" >"$work/wrk.lua"
  g0=$(cpu_ms gateway) c0=$(cpu_ms consent)
  json=$(wrk -t 2 -c "$conc" -d "$3s" -s "$work/wrk.lua" "$1" | sed -n 's/^WRKJSON //p')
  python3 -c 'import json, sys; j = json.loads(sys.argv[1]); n = max(1, j["requests"])
j["gatewayCpuMsPerRequest"] = round((int(sys.argv[2]) - int(sys.argv[3])) / n, 3)
j["consentCpuMsPerRequest"] = round((int(sys.argv[4]) - int(sys.argv[5])) / n, 3)
print(json.dumps(j))' "$json" "$(cpu_ms gateway)" "$g0" "$(cpu_ms consent)" "$c0"
}
pgbench_tps() { # script-file seconds
  pgbench -n -M prepared -c "$conc" -j 2 -T "$2" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -f "$1" "$consent_db" 2>&1 |
    awk '/^tps/ { printf "{\"tps\":%s}", $3 } /latency average/ { lat = $4 } END { }'
}
# the service's own query (ConsentChecks.check), with the arrays as literals
check_sql() { # pupils-array purposes-array
  cat <<EOF
SELECT q.pupil_id, c.code, pu.code IS NOT NULL AS purpose_known, p.pupil_id IS NOT NULL AS pupil_known,
       p.leaving_date, s.status, s.effective_version, s.valid_until
FROM unnest('$1'::text[]) WITH ORDINALITY AS q(pupil_id, n)
CROSS JOIN unnest('$2'::text[]) WITH ORDINALITY AS c(code, m)
LEFT JOIN purpose pu ON pu.school_urn = '$urn' AND pu.code = c.code
LEFT JOIN pupil p ON p.school_urn = '$urn' AND p.pupil_id = q.pupil_id
LEFT JOIN consent_status s ON s.school_urn = '$urn' AND s.pupil_id = q.pupil_id AND s.purpose_code = c.code
ORDER BY q.n, c.m;
EOF
}
check_sql "{P000001}" "{PHOTO_PRESS}" | tr '\n' ' ' >"$work/single.sql"
check_sql "$(cat "$work/pupils.sqlarray")" "$(cat "$work/purposes.sqlarray")" | tr '\n' ' ' >"$work/matrix.sql"

step "1. consent check at $conc connections: consent-service vs pgbench running its query; 2. through the gateway"
single=/api/v1/schools/$urn/consent-checks
# both ways are warmed up before either is measured: consent-service's code is the same on both, and measured first
# while the JIT still compiled it, the direct way looked slower than the way through the gateway (ratio 1.08)
run_wrk "$consent$single" "$work/check-1.json" "$warm_s" >/dev/null
run_wrk "$gateway$single" "$work/check-1.json" "$warm_s" >/dev/null
run_wrk "$consent$single" "$work/check-1.json" "$wrk_s" | part wrk_single_direct
run_wrk "$gateway$single" "$work/check-1.json" "$wrk_s" | part wrk_single_gateway
pgbench_tps "$work/single.sql" "$wrk_s" | part pgbench_single
run_wrk "$consent$single" "$work/check-matrix.json" "$warm_s" >/dev/null
run_wrk "$gateway$single" "$work/check-matrix.json" "$warm_s" >/dev/null
run_wrk "$consent$single" "$work/check-matrix.json" "$wrk_s" | part wrk_matrix_direct
run_wrk "$gateway$single" "$work/check-matrix.json" "$wrk_s" | part wrk_matrix_gateway
pgbench_tps "$work/matrix.sql" "$wrk_s" | part pgbench_matrix
# latency at a constant rate well below saturation
tool rate "$consent$single" POST "$work/check-1.json" "$staff" 100 "$warm_s" "$rate_s" | part rate_single_direct
tool rate "$gateway$single" POST "$work/check-1.json" "$staff" 100 "$warm_s" "$rate_s" | part rate_single_gateway
tool rate "$consent$single" POST "$work/check-matrix.json" "$staff" 10 "$warm_s" "$rate_s" | part rate_matrix_direct

# ---- 3 and 4: sharing decision and propagation ---------------------------------------------------------------------------
step "3. a $pupils-pupil sharing check at a constant rate; 4. propagation of $withdrawals withdrawals"
receiver_port=$((CUSTODIAN_GATEWAY_PORT + 900))
setup=$(tool sharing-setup "$sharing" "$urn" "$dpo" "$receiver_port")
recipient=$(sed -n 's/.*"recipientId":"\([^"]*\)".*/\1/p' <<<"$setup")
python3 - "$recipient" "$pupils" >"$work/sharing.json" <<'PY'
import json, sys
print(json.dumps({"recipientId": sys.argv[1], "pupilIds": [f"P{n:06d}" for n in range(int(sys.argv[2]))],
                  "dataCategories": ["PHOTOGRAPHS"], "purpose": "press-photos", "reason": "bench"}))
PY
tool rate "$sharing/api/v1/schools/$urn/sharing-checks" POST "$work/sharing.json" "$staff" 5 "$warm_s" "$rate_s" | part rate_sharing_check
tool propagation "$consent" "$sharing" "$urn" "$recipient" "$mis" "$staff" 0 "$withdrawals" 10 "$receiver_port" | part propagation

# ---- 5. scaling ------------------------------------------------------------------------------------------------------
step "5a. consent check with $decision_levels stored decisions (bulk: generate_series into consent_decision and consent_status)"
# Filler schools 890000-899999: 1,000 pupils each with a guardian holding parental responsibility, the bench school's
# purposes, and one grant per pupil and purpose by that guardian - the rows a decision through the API writes
# (consent_decision, and the consent_status it resolves to: GRANTED at the current version); no outbox rows, since
# no other service needs to learn of them.
sqlc <<SQL
SET session_replication_role = replica; -- consent_decision is append-only; the bench clears its own filler
DELETE FROM consent_status WHERE school_urn BETWEEN '890000' AND '899999';
DELETE FROM consent_decision WHERE school_urn BETWEEN '890000' AND '899999';
SQL
fill_decisions() { # from to (filler decision numbers)
  sqlc <<SQL
INSERT INTO school (urn, name, type, region, nation, dpo_name, dpo_email, competence_age, conflict_policy)
  SELECT lpad((890000 + s)::text, 6, '0'), name, type, region, nation, dpo_name, dpo_email, competence_age, conflict_policy
  FROM school, generate_series($1 / 8000, ($2 - 1) / 8000) s WHERE urn = '$urn' ON CONFLICT DO NOTHING;
INSERT INTO purpose (school_urn, code, title, kind, data_categories, validity, current_version, reconsent_from)
  SELECT lpad((890000 + s)::text, 6, '0'), code, title, kind, data_categories, validity, current_version, reconsent_from
  FROM purpose, generate_series($1 / 8000, ($2 - 1) / 8000) s WHERE school_urn = '$urn' ON CONFLICT DO NOTHING;
INSERT INTO purpose_version (school_urn, code, version, title, wording, requires_reconsent, created_by)
  SELECT lpad((890000 + s)::text, 6, '0'), code, version, title, wording, requires_reconsent, created_by
  FROM purpose_version, generate_series($1 / 8000, ($2 - 1) / 8000) s WHERE school_urn = '$urn' ON CONFLICT DO NOTHING;
INSERT INTO pupil (school_urn, pupil_id, given_name, family_name, date_of_birth, year_group, admission_date)
  SELECT lpad((890000 + s)::text, 6, '0'), 'F' || p, 'Given', 'Family', date '2016-01-01' + p, p % 7, date '2020-09-01'
  FROM generate_series($1 / 8000, ($2 - 1) / 8000) s, generate_series(0, 999) p ON CONFLICT DO NOTHING;
INSERT INTO guardian (school_urn, guardian_id, name)
  SELECT lpad((890000 + s)::text, 6, '0'), 'GF' || p, 'Guardian'
  FROM generate_series($1 / 8000, ($2 - 1) / 8000) s, generate_series(0, 999) p ON CONFLICT DO NOTHING;
INSERT INTO guardian_link (school_urn, guardian_id, pupil_id, parental_responsibility, relationship)
  SELECT lpad((890000 + s)::text, 6, '0'), 'GF' || p, 'F' || p, true, 'MOTHER'
  FROM generate_series($1 / 8000, ($2 - 1) / 8000) s, generate_series(0, 999) p ON CONFLICT DO NOTHING;
CREATE TEMP TABLE filler AS
  SELECT lpad((890000 + g / 8000)::text, 6, '0') AS school_urn, 'F' || (g / 8 % 1000) AS pupil_id,
         (ARRAY['PHOTO_DISPLAY','PHOTO_WEBSITE','PHOTO_SOCIAL_MEDIA','PHOTO_PRESS','VIDEO_PERFORMANCES',
                'BIOMETRIC_CATERING','RESEARCH','EDTECH_APPS'])[1 + g % 8] AS purpose_code
  FROM generate_series($1, $2 - 1) g;
INSERT INTO consent_decision (school_urn, decision_id, pupil_id, purpose_code, purpose_version, decision, given_by_type,
                              given_by_id, relationship, method, evidence_ref, recorded_at, recorded_by, recorded_by_role)
  SELECT f.school_urn, gen_random_uuid(), f.pupil_id, f.purpose_code, pu.current_version, 'GRANTED', 'GUARDIAN',
         'G' || f.pupil_id, 'MOTHER', 'MIS_IMPORT', 'bench', now(), 'bench-mis', 'mis'
  FROM filler f JOIN purpose pu ON pu.school_urn = f.school_urn AND pu.code = f.purpose_code;
INSERT INTO consent_status (school_urn, pupil_id, purpose_code, status, effective_version)
  SELECT f.school_urn, f.pupil_id, f.purpose_code, 'GRANTED', pu.current_version
  FROM filler f JOIN purpose pu ON pu.school_urn = f.school_urn AND pu.code = f.purpose_code
  ON CONFLICT DO NOTHING;
ANALYZE consent_decision; ANALYZE consent_status; ANALYZE pupil;
SQL
}
# top_up LEVEL COUNT-COMMAND FILL-FUNCTION: fills until COUNT-COMMAND says LEVEL rows (filler numbers go on from
# $filled), then sets $have to the count
top_up() {
  local t
  have=$($2)
  if ((have < $1)); then
    t=$SECONDS
    $3 "$filled" $((filled + $1 - have))
    filled=$((filled + $1 - have))
    say "  loaded $(($1 - have)) rows in $((SECONDS - t)) s"
  fi
  have=$($2)
}
count_decisions() { sqlc -c "SELECT count(*) FROM consent_decision"; }
count_holdings() { sqlr -c "SELECT count(*) FROM holding"; }
filled=0
for level in $decision_levels; do
  top_up "$level" count_decisions fill_decisions
  {
    printf '{"decisions":%s,"single":' "$have"
    tool rate "$consent$single" POST "$work/check-1.json" "$staff" 50 "$warm_s" "$rate_s"
    printf ',"matrix":'
    tool rate "$consent$single" POST "$work/check-matrix.json" "$staff" 5 "$warm_s" "$rate_s"
    printf '}'
  } | part "scale_decisions_$level"
done

step "5b. retention due-query with $holding_levels holdings (bench school's through the API, filler with generate_series)"
if [[ $(sqlr -c "SELECT count(*) FROM holding WHERE school_urn = '$urn'") -lt $holdings_api ]]; then
  tool holdings "$retention" "$urn" "$pupils" "$holdings_api" "$mis" | part setup_holdings
fi
sqlr -c "DELETE FROM holding WHERE school_urn BETWEEN '890000' AND '899999'"
fill_holdings() { # from to: as retention-service/bench/due-query.sh, 5,000 holdings per filler school
  sqlr <<SQL
INSERT INTO holding (school_urn, id, class_code, pupil_id, system, reference, created_on, status, due_on, due_action, due_because)
SELECT lpad((890000 + g / 5000)::text, 6, '0'), gen_random_uuid(),
       (ARRAY['PUPIL_RECORD_LAST_SCHOOL', 'SEN_FILES', 'CHILD_PROTECTION', 'ADMISSION_ATTENDANCE_REGISTERS',
              'ABSENCE_CORRESPONDENCE', 'ACCIDENT_BOOK', 'FREE_SCHOOL_MEALS', 'PHOTOGRAPHS_AND_RECORDINGS',
              'PUPIL_RECORD_PRIMARY'])[1 + g % 9],
       'F' || (g % 1000), 'SIMS', 'REF-' || g, date '2000-01-01' + (g % 9000),
       CASE WHEN g % 20 = 0 THEN 'DISPOSED' WHEN g % 50 = 1 THEN 'PROPOSED' ELSE 'ACTIVE' END,
       CASE WHEN g % 10 = 3 THEN NULL ELSE date '2005-01-01' + (g::bigint * 7919 % 20000)::int END, 'DESTROY', 'bench'
FROM generate_series($1, $2 - 1) g;
ANALYZE holding;
SQL
}
due_query_ms() { # median server execution time of the service's own due-unheld.sql, 5 runs
  for _ in 1 2 3 4 5; do
    { echo "SET plan_cache_mode = force_custom_plan; EXPLAIN (ANALYZE, TIMING OFF)"
      grep -v '^--' retention-service/src/main/resources/sql/due-unheld.sql; echo ";"; } |
      sqlr -v school="$urn" -v today="$(date +%F)" -v classes='{}' -v max_items=5000 | sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p'
  done | sort -n | sed -n 3p
}
filled=0
tomorrow=$(date -d tomorrow +%F)
for level in $holding_levels; do
  top_up "$level" count_holdings fill_holdings
  {
    printf '{"holdings":%s,"dueQuerySqlMs":%s,"api":' "$have" "$(due_query_ms)"
    tool rate "$retention/api/v1/schools/$urn/holdings?status=ACTIVE&dueBefore=$tomorrow&limit=500" GET - "$dpo" 20 "$warm_s" "$rate_s"
    printf '}'
  } | part "scale_holdings_$level"
done

step "5c. roster sync of $roster_sizes pupils (batches of up to 5,000, each a new school)"
for n in $roster_sizes; do
  school=$(printf '97%04d' $((RANDOM % 10000)))
  t=$(mint_token mis bench-mis 7200 "$school")
  tool roster "$consent" "$school" 0 "$n" 5000 "$t" | part "scale_roster_$n"
done

# ---- 6. footprint --------------------------------------------------------------------------------------------------------
step "6. footprint: resident memory after the load, then each of ${restart[*]} restarted from its jar with the stack's default JVM options ($DEFAULT_JAVA_OPTS): time to ready, idle memory"
# waits (up to 3 minutes in all) until the machine is idle: under 12% of its CPU busy over 2 s, counting everything on it
# (the stack's consumers catching up with the roster syncs' events, and PostgreSQL's autovacuum after the bulk loads,
# which a count of the stack's own processes missed), so that a restart is not timed against them; prints how busy it was
busy_pct() { # the machine's busy CPU share over $1 seconds, from /proc/stat
  local a b
  read -r -a a < <(head -n1 /proc/stat)
  sleep "$1"
  read -r -a b < <(head -n1 /proc/stat)
  awk -v u="$((b[1] + b[2] + b[3] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[6] - a[7] - a[8]))" \
    -v t="$((b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[4] - a[5] - a[6] - a[7] - a[8]))" \
    'BEGIN { printf "%d", (t > 0 ? 100 * u / t : 0) }'
}
quiet() { # called as busy=$(quiet), in a subshell: the deadline is set once, below, for all the restarts
  local busy
  busy=$(busy_pct 2)
  while ((busy >= 12 && SECONDS < quiet_deadline)); do busy=$(busy_pct 2); done
  ((busy < 12)) || warn "the machine is not idle ($busy% busy); timing the restart anyway"
  echo "$busy"
}
quiet_deadline=$((SECONDS + 180))
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
for app in "${APPS[@]}"; do
  after=$(rss_mib "$(running_pid "$app")")
  if [[ " ${restart[*]} " == *" $app "* ]]; then
    busy=$(quiet)
    read -r ms cpu < <(RESTART_JAVA_OPTS=$DEFAULT_JAVA_OPTS restart "$app")
    sleep 5
    printf '{"app":"%s","machineBusyPctBefore":%d,"readyMs":%d,"cpuMsToReady":%d,"quarkusStartedS":"%s","rssIdleMiB":%s,"rssAfterLoadMiB":%s}' "$app" "$busy" "$ms" "$cpu" \
      "$(grep -o 'started in [0-9.]*s' "$LOG_DIR/$app.log" | head -n1 | grep -o '[0-9.]*')" "$(rss_mib "$(running_pid "$app")")" "$after"
  else
    printf '{"app":"%s","rssAfterLoadMiB":%s}' "$app" "$after"
  fi | part "footprint_$app"
done

if $gateway_limited; then
  say "restarting the gateway with its rate limit again"
  restart gateway CUSTODIAN_RATE_LIMIT_ENABLED=true >/dev/null
fi

# ---- report ----------------------------------------------------------------------------------------------------------
step "report"
BENCH_SMOKE=$smoke BENCH_JAVA_OPTS=$java_opts BENCH_RESTART_JAVA_OPTS=$DEFAULT_JAVA_OPTS BENCH_CONCURRENCY=$conc python3 bench/report.py "$parts" "$out"
gnuplot -e "datadir='$out'" bench/scaling.gp
say "wrote $out/latest.md, $out/latest.json and $out/scaling.svg"
