# shellcheck shell=bash
# Shared by deploy/local/*.sh, .ci/run and bench/run.sh: the stack's paths, parts and ports, and `launcher`, which runs
# the local launcher (launcher/: the broker, the databases, the keys, the tokens and the processes, in Java, made as the
# tests make them). Sourced, never run. Works with macOS's bash 3.2 and BSD tools as with Linux's.

CUSTODIAN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# the JDK (25 or later) that the build, the launcher and the stack run on, exported as JAVA_HOME (as ./mvnw does)
# shellcheck source=.mvn/java-home.sh
. "$CUSTODIAN_ROOT/.mvn/java-home.sh"
RUN_DIR=${CUSTODIAN_RUN_DIR:-$CUSTODIAN_ROOT/.run}
LOG_DIR=$RUN_DIR/logs
PID_DIR=$RUN_DIR/pids
KEY_DIR=$RUN_DIR/keys
PRIVATE_KEY=$KEY_DIR/private.pem
PUBLIC_KEY=$KEY_DIR/public.pem

# What the local stack runs, in start order (the launcher's Stack says the same).
SERVICES=(consent sar sharing retention accountability)
APPS=("${SERVICES[@]}" gateway)
COMPONENTS=(kafka "${APPS[@]}")
DEMO_SCHOOL=100001

# Ports (DESIGN.md §7), each overridable by the same variable the service reads.
: "${KAFKA_PORT:=9092}" "${KAFKA_CONTROLLER_PORT:=9093}" "${CUSTODIAN_GATEWAY_PORT:=8080}"
: "${CUSTODIAN_CONSENT_PORT:=8081}" "${CUSTODIAN_SAR_PORT:=8082}" "${CUSTODIAN_SHARING_PORT:=8083}"
: "${CUSTODIAN_RETENTION_PORT:=8084}" "${CUSTODIAN_ACCOUNTABILITY_PORT:=8085}"
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
: "${CUSTODIAN_DB_PREFIX:=custodian_}"
export KAFKA_PORT KAFKA_CONTROLLER_PORT CUSTODIAN_GATEWAY_PORT CUSTODIAN_CONSENT_PORT CUSTODIAN_SAR_PORT \
  CUSTODIAN_SHARING_PORT CUSTODIAN_RETENTION_PORT CUSTODIAN_ACCOUNTABILITY_PORT PGHOST PGPORT PGUSER

say() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
# The comment block at the top of a script (after the #! line), as its --help.
usage_of() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$1"; }

# Stops with a clear message unless JAVA_HOME is a JDK 25 or later (the launcher and the apps are built for Java 25);
# after it, "$JAVA_HOME/bin/java" is the java to run.
need_java_25() {
  local home=${JAVA_HOME:-} feature
  feature=$(custodian_java_feature "${home:-/nonexistent}")
  [[ -n $feature && $feature -ge $CUSTODIAN_JAVA_FEATURE ]] \
    || die "Custodian needs a JDK $CUSTODIAN_JAVA_FEATURE or later (JAVA_HOME=${home:-unset}, java on PATH: $(command -v java || echo none)): install one, or set JAVA_HOME to it"
}

# launcher COMMAND ARGS...: the local launcher, built first (./mvnw package, into launcher/target) when its jar is
# missing or older than its sources.
launcher() {
  local jar=$CUSTODIAN_ROOT/launcher/target/custodian-launcher.jar newer
  need_java_25
  newer=$(find "$CUSTODIAN_ROOT/launcher/src" "$CUSTODIAN_ROOT/launcher/pom.xml" "$CUSTODIAN_ROOT/platform-testing/src/main" \
    -newer "$jar" 2>/dev/null | head -n 1 || true)
  if [[ ! -f $jar || -n $newer ]]; then
    say "building the local launcher: ./mvnw -B -q package -Dmaven.test.skip=true -pl launcher -am" >&2
    (cd "$CUSTODIAN_ROOT" && ./mvnw -B -q package -Dmaven.test.skip=true -pl launcher -am >&2) \
      || die "the launcher did not build"
  fi
  "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Dcustodian.root="$CUSTODIAN_ROOT" \
    -jar "$jar" "$@"
}

# The same, for the callers that sourced the bash library before the launcher (.ci/run, bench/run.sh, demo-data.sh).
ensure_postgres() { launcher postgres; }
ensure_keys() { launcher keys >/dev/null; }
stop() { local c; for c in "$@"; do if [[ $c == kafka ]]; then launcher kafka stop; else launcher service stop "$c"; fi; done; }
# mint_token ROLE SUB TTL SCHOOL...: a dev RS256 JWT signed with the dev key in .run/keys.
mint_token() {
  local role=$1 sub=$2 ttl=$3 schools=() s
  shift 3
  for s in "$@"; do schools+=(--school "$s"); done
  launcher token --role "$role" --sub "$sub" --ttl "$ttl" "${schools[@]}"
}
db_name() { echo "${CUSTODIAN_DB_PREFIX}$1"; }

port_of() {
  case $1 in
    kafka) echo "$KAFKA_PORT" ;;
    kafka-controller) echo "$KAFKA_CONTROLLER_PORT" ;;
    *) eval "echo \"\$CUSTODIAN_$(printf '%s' "$1" | tr '[:lower:]-' '[:upper:]_')_PORT\"" ;;
  esac
}
all_ports() { local c; for c in "${COMPONENTS[@]}" kafka-controller; do port_of "$c"; done; }

# True when something accepts TCP connections on 127.0.0.1:$1.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when a part answers: Kafka accepts connections, a service's /q/health/ready says UP (200).
ready() {
  if [[ $1 == kafka ]]; then listening "$KAFKA_PORT"; else
    curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$(port_of "$1")/q/health/ready" 2>/dev/null
  fi
}

pid_file() { echo "$PID_DIR/$1.pid"; }

# The pid of a part the launcher started and that is still alive (its command line carries -Dcustodian.local=NAME).
running_pid() {
  local f pid
  f=$(pid_file "$1")
  [[ -s $f ]] || return 1
  pid=$(cat "$f")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  ps -o args= -p "$pid" 2>/dev/null | grep -q -- "-Dcustodian.local=$1 " || return 1
  echo "$pid"
}

# The errors in a part's log, then its last lines without stack frames.
log_tail() {
  local log=$LOG_DIR/$1.log n=${2:-30}
  {
    say "---- errors in $log ----"
    grep -E 'ERROR|FATAL|Caused by' "$log" 2>/dev/null | head -n 10 | cut -c1-400 || true
    say "---- its last $n lines, stack frames left out ----"
    grep -v "$(printf '^\tat ')" "$log" 2>/dev/null | tail -n "$n" || true
    say "----"
  } >&2
}
