#!/usr/bin/env bash
# Brings up the whole Custodian suite on this machine, without Docker: a single-node Kafka broker (KRaft) from Maven
# jars, one database per service on the local PostgreSQL, the four services and the gateway. Prints the URLs and a dev
# token per role. Safe to run again: what is already running is left alone. Stop it all with deploy/local/down.sh.
#
#   deploy/local/up.sh [--build] [--no-demo]
#       --build     rebuild everything first (./mvnw -DskipTests install); without it only modules with no
#                   target/quarkus-app/quarkus-run.jar are built. Either build also makes each jar's class-data
#                   archive (AppCDS: target/quarkus-app/app-cds.jsa), which starts a service in about half the time
#       --no-demo   do not load the demo school's data (deploy/local/demo-data.sh)
#
# Environment (all optional): KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), CUSTODIAN_GATEWAY_PORT (8080),
# CUSTODIAN_{CONSENT,SAR,SHARING,RETENTION}_PORT (8081-8084), PGHOST/PGPORT/PGUSER/PGPASSWORD, CUSTODIAN_JAVA_OPTS,
# KAFKA_JAVA_OPTS, CUSTODIAN_START_TIMEOUT (180 s), CUSTODIAN_BIND_HOST (127.0.0.1). See deploy/README.md.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rebuild=false demo=true
while (($#)); do
  case $1 in
    --build) rebuild=true ;;
    --no-demo) demo=false ;;
    -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
  shift
done

now() { local t=${EPOCHREALTIME:-$SECONDS}; echo "${t/,/.}"; }
started_at=$(now)
timeout=${CUSTODIAN_START_TIMEOUT:-180}
deadline=$((SECONDS + timeout))
token_ttl=${CUSTODIAN_DEV_TOKEN_TTL:-28800}

elapsed() {
  if [[ $started_at == *.* ]]; then
    awk -v a="$started_at" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'
  else
    printf '%ss' $((SECONDS - started_at))
  fi
}

starting() { [[ " ${to_start[*]} " == *" $1 "* ]]; }

# ---- what is already running ---------------------------------------------------------------------------------
to_start=()
for c in "${COMPONENTS[@]}"; do
  if pid=$(running_pid "$c"); then
    say "$c already running (pid $pid)"
  else
    rm -f "$(pid_file "$c")"
    to_start+=("$c")
  fi
done
if ((${#to_start[@]} > 0)); then
  ports_needed=()
  for c in "${to_start[@]}"; do ports_needed+=("$c:$(port_of "$c")"); done
  if starting kafka; then ports_needed+=("kafka-controller:$KAFKA_CONTROLLER_PORT"); fi
  for np in "${ports_needed[@]}"; do
    if listening "${np#*:}"; then
      die "port ${np#*:} (for ${np%%:*}) is already in use by something up.sh did not start:
$(port_owner "${np#*:}")
Stop it, or move ${np%%:*} to another port (see deploy/README.md)."
    fi
  done
elif $rebuild; then
  die "--build with the stack running would swap jars under live processes: run deploy/local/down.sh first"
fi

# ---- build -----------------------------------------------------------------------------------------------------
if ((${#to_start[@]} > 0)); then
  JAVA=$(java_bin)
  [[ -n $JAVA ]] || die "no java found: install a JDK 17 or set JAVA_HOME"
  missing=()
  build=(-B -q -DskipTests install -Dquarkus.package.jar.appcds.enabled=true)
  for c in "${APPS[@]}"; do [[ -f $(app_jar "$c") ]] || missing+=("$(module_of "$c")"); done
  if $rebuild; then
    ((${#to_start[@]} == ${#COMPONENTS[@]})) || die "some of the stack is running; run deploy/local/down.sh before --build"
    say "building: ./mvnw ${build[*]}"
    (cd "$CUSTODIAN_ROOT" && ./mvnw "${build[@]}") || die "the build failed"
  elif ((${#missing[@]} > 0)); then
    # only the missing modules (and what they need): running services keep their own copies in target/quarkus-app
    modules=$(IFS=,; echo "${missing[*]}")
    say "building ${missing[*]}: ./mvnw ${build[*]} -pl $modules -am"
    (cd "$CUSTODIAN_ROOT" && ./mvnw "${build[@]}" -pl "$modules" -am) \
      || die "the build failed (is every one of ${missing[*]} listed in the root pom's <modules>?)"
  fi
  if $rebuild || ((${#missing[@]} > 0)); then
    for c in "${APPS[@]}"; do
      [[ -f $(app_jar "$c") ]] || die "$(app_jar "$c") is still missing after the build: is $(module_of "$c") listed in the root pom's <modules>?"
    done
    deadline=$((SECONDS + timeout))
  fi
fi

# ---- waiting -------------------------------------------------------------------------------------------------
# wait_for NAME: until NAME is ready, failing early if its process dies.
wait_for() {
  local name=$1
  until ready "$name"; do
    if ! running_pid "$name" >/dev/null; then
      say "error: $name exited while starting" >&2
      log_tail "$name"
      die "$name did not start; the rest of the stack is left running for inspection (deploy/local/down.sh stops it)"
    fi
    if ((SECONDS >= deadline)); then
      say "error: $name is not ready after ${timeout}s" >&2
      log_tail "$name"
      die "$name did not become ready; the rest of the stack is left running (deploy/local/down.sh stops it)"
    fi
    sleep 0.5
  done
  say "  $name ready after $(elapsed)"
}

if ((${#to_start[@]} > 0)); then
  ensure_postgres docker
  ensure_databases
  ensure_keys
  ensure_database_roles

  export_app_env

  say "starting: ${to_start[*]}"
  if starting kafka; then start_kafka; fi
fi
# everything, not only what was started now, must answer: "already running" also means ready
wait_for kafka
if ((${#to_start[@]} > 0)); then
  for c in "${APPS[@]}"; do
    if starting "$c"; then start_app "$c"; fi
  done
fi
for c in "${APPS[@]}"; do wait_for "$c"; done
if ((${#to_start[@]} > 0)); then
  say "Custodian is up after $(elapsed)."
else
  say "Custodian is already running."
fi
if $demo; then
  "$CUSTODIAN_ROOT/deploy/local/demo-data.sh" || die "the demo data could not be loaded (see above); the stack is left running"
else
  say "demo data not loaded (--no-demo); deploy/local/demo-data.sh loads it at any time"
fi

# ---- what to use -------------------------------------------------------------------------------------------
say ""
say "  gateway   http://localhost:$CUSTODIAN_GATEWAY_PORT"
say "  API docs  http://localhost:$CUSTODIAN_GATEWAY_PORT/api/docs"
line="  services "
for s in "${SERVICES[@]}"; do line+=" $s :$(port_of "$s")"; done
say "$line   Kafka 127.0.0.1:$KAFKA_PORT"
say "  logs      $LOG_DIR/"
say "  stop      $CUSTODIAN_ROOT/deploy/local/down.sh"
say ""
say "Dev tokens for school $DEMO_SCHOOL, valid $((token_ttl / 3600)) h (more: deploy/local/token.sh --role ROLE --school URN):"
for r in "${ROLES[@]}"; do
  printf '  %-17s %s\n' "$r" "$(mint_token "$r" "$(demo_subject "$r")" "$token_ttl" "$DEMO_SCHOOL")"
done
say "(the parent is guardian DEMO-G01A, mother of pupil DEMO-P01; the pupil token is DEMO-P01)"
say ""
say "Try:  curl -H \"Authorization: Bearer \$(deploy/local/token.sh --role dpo --school $DEMO_SCHOOL)\" \\"
say "        http://localhost:$CUSTODIAN_GATEWAY_PORT/api/v1/schools/$DEMO_SCHOOL/audit/consent"
