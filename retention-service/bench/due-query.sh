#!/usr/bin/env bash
# Measures the due-record query of retention-service at national scale: selecting the due, unheld holdings of one
# school among 1,000,000 holdings. It creates a database of its own on the local PostgreSQL (never the test or the
# service database), applies the service's migration, generates the rows with generate_series, runs the very SQL file
# the service runs (src/main/resources/sql/due-unheld.sql) under EXPLAIN ANALYZE, prints the figures and drops the
# database again.
#
#   retention-service/bench/due-query.sh [--keep]      (--keep leaves the database for a look afterwards)
#
# Uses PGHOST/PGPORT/PGUSER/PGPASSWORD (defaults 127.0.0.1, 5432, postgres).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module=$(dirname "$here")
query="$module/src/main/resources/sql/due-unheld.sql"
migration="$module/src/main/resources/db/migration/V2__retention.sql"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
db="custodian_retention_bench_$$"
school=123456
total=1000000
in_school=50000
runs=7
keep=false
[[ ${1:-} == --keep ]] && keep=true

cleanup() {
  if ! $keep; then
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

psql -q -d postgres -c "CREATE DATABASE $db" >/dev/null
run() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
run -f "$migration" >/dev/null

echo "generating $total holdings ($in_school in school $school, the rest over 950 schools) ..."
start=$(date +%s)
run <<SQL
-- $in_school holdings in the measured school (a large secondary with years of records), the rest spread over 950
-- schools. 5% are disposed of, 2% proposed, 10% still waiting for a date; due dates spread 2005-2059.
INSERT INTO holding (school_urn, id, class_code, pupil_id, system, reference, created_on, status, due_on, due_action,
                     due_because)
SELECT CASE WHEN g <= $in_school THEN '$school' ELSE lpad((200000 + g % 950)::text, 6, '0') END,
       gen_random_uuid(),
       (ARRAY['PUPIL_RECORD_LAST_SCHOOL', 'SEN_FILES', 'CHILD_PROTECTION', 'ADMISSION_ATTENDANCE_REGISTERS',
              'ABSENCE_CORRESPONDENCE', 'ACCIDENT_BOOK', 'FREE_SCHOOL_MEALS', 'PHOTOGRAPHS_AND_RECORDINGS',
              'PUPIL_RECORD_PRIMARY'])[1 + g % 9],
       'P-' || (g % 40000),
       'SIMS',
       'REF-' || g,
       date '2000-01-01' + (g % 9000),
       CASE WHEN g % 20 = 0 THEN 'DISPOSED' WHEN g % 50 = 1 THEN 'PROPOSED' ELSE 'ACTIVE' END,
       CASE WHEN g % 10 = 3 THEN NULL ELSE date '2005-01-01' + (g::bigint * 7919 % 20000)::int END,
       'DESTROY',
       'bench'
FROM generate_series(1, $total) g;

-- legal holds of the measured school: the safeguarding class (an inquiry), 200 pupils (claims), and a school-wide
-- hold whose end date has passed (it must not stop anything); other schools have holds of their own.
INSERT INTO legal_hold (school_urn, id, scope, class_code, reason, reference, placed_by, placed_at)
VALUES ('$school', gen_random_uuid(), 'RECORD_CLASS', 'CHILD_PROTECTION', 'inquiry', 'INQ-1', 'dpo', now());
INSERT INTO legal_hold (school_urn, id, scope, pupil_id, reason, reference, placed_by, placed_at)
SELECT '$school', gen_random_uuid(), 'PUPIL', 'P-' || (p * 97), 'claim', 'CLAIM-' || p, 'dpo', now()
FROM generate_series(1, 200) p;
INSERT INTO legal_hold (school_urn, id, scope, reason, reference, placed_by, placed_at, ends_on)
VALUES ('$school', gen_random_uuid(), 'SCHOOL', 'audit', 'AUD-1', 'dpo', now() - interval '1 year', current_date - 1);
INSERT INTO legal_hold (school_urn, id, scope, pupil_id, reason, reference, placed_by, placed_at)
SELECT lpad((200000 + s)::text, 6, '0'), gen_random_uuid(), 'PUPIL', 'P-' || s, 'claim', 'C', 'dpo', now()
FROM generate_series(0, 949) s;
VACUUM ANALYZE holding;
VACUUM ANALYZE legal_hold;
SQL
echo "generated in $(( $(date +%s) - start )) s"
run -At -c "SELECT 'holdings: ' || count(*) || ' in total, ' || count(*) FILTER (WHERE school_urn = '$school') || ' in school $school, '
              || count(*) FILTER (WHERE school_urn = '$school' AND status = 'ACTIVE' AND due_on <= current_date) || ' of them active and due'
            FROM holding"
run -At -c "SELECT pg_size_pretty(pg_relation_size('holding')) || ' table, ' || pg_size_pretty(pg_relation_size('holding_due')) || ' due index'"

today=$(date +%F)
explain() { # $1 = max_items, $2 = EXPLAIN options
  { echo "EXPLAIN ($2)"; grep -v '^--' "$query"; echo ";"; } |
    run -v school="$school" -v today="$today" -v classes='{}' -v max_items="$1"
}
median_ms() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # $1 = max_items: prints the median execution time of $runs runs
  for _ in $(seq "$runs"); do
    explain "$1" "ANALYZE, TIMING OFF" | sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p'
  done | median_ms
}
rows_of() {
  { echo "SELECT count(*) FROM ("; grep -v '^--' "$query"; echo ") due;"; } |
    run -At -v school="$school" -v today="$today" -v classes='{}' -v max_items="$1"
}

echo
echo "== a disposal batch: the first 5,000 due, unheld holdings of school $school (what the service and the daily job run)"
explain 5000 "ANALYZE, BUFFERS"
echo
echo "== every due, unheld holding of school $school ($(rows_of 10000000) rows)"
explain 10000000 "ANALYZE, BUFFERS"

echo
echo "== why the service plans this query with its values every time (SET LOCAL plan_cache_mode = force_custom_plan):"
echo "== a generic plan, which a prepared statement would switch to, expects one hold and loops over the pupil holds"
{ sed -e "s/:'school'/\$1/g; s/:'today'/\$2/g; s/:'classes'/\$3/g; s/:max_items/\$4/g" "$query" | grep -v '^--' |
    { echo "SET plan_cache_mode = force_generic_plan; PREPARE due(varchar, date, text[], int) AS"; cat; echo ";"; }
  echo "EXPLAIN (ANALYZE, BUFFERS) EXECUTE due('$school', '$today', '{}', 5000);"; } | run

batch=$(measure 5000)
all=$(measure 10000000)
echo
echo "RESULT due, unheld holdings of one school among $total holdings (median of $runs runs, server execution time):"
echo "RESULT   first 5,000 (a batch): ${batch} ms"
echo "RESULT   all $(rows_of 10000000) due and unheld: ${all} ms"
$keep && echo "database $db kept" || echo "database $db dropped"
