#!/usr/bin/env bash
# Measures the query behind holding-systems.changed: the systems holding one school's records, by record class, among
# 1,000,000 holdings. It creates a database of its own on the local PostgreSQL (never the test or the service database),
# applies the service's migrations of the register, generates the rows with generate_series (the school's 50,000
# holdings spread through the table, as registrations over the years leave them), runs the very SQL file the service
# runs (src/main/resources/sql/held-systems.sql) under EXPLAIN ANALYZE, then the plain aggregate over the school's
# holdings for comparison, then the service's query again straight after a registration of 10,000 (rows autovacuum has
# not seen yet), prints the figures and drops the database again.
#
#   retention-service/bench/held-systems.sh [--keep]      (--keep leaves the database for a look afterwards)
#
# Uses PGHOST/PGPORT/PGUSER/PGPASSWORD (defaults 127.0.0.1, 5432, postgres).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module=$(dirname "$here")
query="$module/src/main/resources/sql/held-systems.sql"
migrations=("$module/src/main/resources/db/migration/V2__retention.sql"
            "$module/src/main/resources/db/migration/V5__holding_systems_announced.sql")
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
db="custodian_retention_bench_systems_$$"
school=123456
total=1000000
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
for m in "${migrations[@]}"; do run -f "$m" >/dev/null; done

echo "generating $total holdings (every 20th in school $school, the rest over 950 schools) ..."
start=$(date +%s)
run <<SQL
-- 9 classes in 5 systems; 5% disposed of, 2% proposed.
INSERT INTO holding (school_urn, id, class_code, pupil_id, system, reference, created_on, status)
SELECT CASE WHEN g % 20 = 0 THEN '$school' ELSE lpad((200000 + g % 950)::text, 6, '0') END,
       gen_random_uuid(),
       (ARRAY['PUPIL_RECORD_LAST_SCHOOL', 'SEN_FILES', 'CHILD_PROTECTION', 'ADMISSION_ATTENDANCE_REGISTERS',
              'ABSENCE_CORRESPONDENCE', 'ACCIDENT_BOOK', 'FREE_SCHOOL_MEALS', 'PHOTOGRAPHS_AND_RECORDINGS',
              'PUPIL_RECORD_PRIMARY'])[1 + (g / 20) % 9],
       'P-' || (g % 40000),
       (ARRAY['SIMS', 'Arbor', 'CPOMS', 'MyConcern', 'paper files'])[1 + (g / 7) % 5],
       'REF-' || g,
       date '2000-01-01' + (g % 9000),
       CASE WHEN g % 400 = 0 THEN 'DISPOSED' WHEN g % 1000 = 20 THEN 'PROPOSED' ELSE 'ACTIVE' END
FROM generate_series(1, $total) g;
VACUUM ANALYZE holding;
SQL
echo "generated in $(( $(date +%s) - start )) s"
run -At -c "SELECT 'holdings: ' || count(*) || ' in total, ' || count(*) FILTER (WHERE school_urn = '$school')
              || ' in school $school' FROM holding"

median_ms() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
service() { # $1 = EXPLAIN options
  { echo "EXPLAIN ($1)"; grep -v '^--' "$query"; echo ";"; } | run -v school="$school"
}
plain() { # $1 = EXPLAIN options
  run -c "EXPLAIN ($1) SELECT class_code AS record_class, array_agg(DISTINCT system ORDER BY system) AS systems
          FROM holding WHERE school_urn = '$school' AND status IN ('ACTIVE', 'PROPOSED', 'APPROVED')
          GROUP BY class_code"
}
measure() { # $1 = service or plain
  for _ in $(seq "$runs"); do
    "$1" "ANALYZE, TIMING OFF" | sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p'
  done | median_ms
}

echo
echo "== the service's query (skipping through holding_held_systems one (class, system) pair at a time)"
service "ANALYZE, BUFFERS"
grep -v '^--' "$query" | run -v school="$school"
echo
echo "== for comparison: the plain aggregate over the school's held holdings"
plain "ANALYZE, BUFFERS"
skip=$(measure service)
whole=$(measure plain)

run -c "INSERT INTO holding (school_urn, id, class_code, system, reference, created_on)
        SELECT '$school', gen_random_uuid(), 'SEN_FILES', 'Bromcom', 'NEW-' || g, date '2020-01-01'
        FROM generate_series(1, 10000) g"
first=$(service "ANALYZE, TIMING OFF" | sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p')
after=$(measure service)

echo
echo "RESULT systems by class of one school among $total holdings (median of $runs runs, server execution time):"
echo "RESULT   the service's query: ${skip} ms; the plain aggregate: ${whole} ms"
echo "RESULT   straight after registering 10,000 more: ${first} ms the first time, ${after} ms after that"
$keep && echo "database $db kept" || echo "database $db dropped"
