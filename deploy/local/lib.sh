# shellcheck shell=bash
# Shared by deploy/local/*.sh and .ci/run: paths, ports, process bookkeeping, PostgreSQL, dev keys and tokens.
# Sourced, never run. Everything it starts is recorded in .run/pids/<name>.pid and logged to .run/logs/<name>.log.

CUSTODIAN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_DIR=${CUSTODIAN_RUN_DIR:-$CUSTODIAN_ROOT/.run}
LOG_DIR=$RUN_DIR/logs
PID_DIR=$RUN_DIR/pids
KEY_DIR=$RUN_DIR/keys
PRIVATE_KEY=$KEY_DIR/private.pem
PUBLIC_KEY=$KEY_DIR/public.pem
# the service-token key pair: its own issuer and audience; the services verify with the public part, only sar-service
# signs (with the private part), and the gateway is given neither
SERVICE_PRIVATE_KEY=$KEY_DIR/service-private.pem
SERVICE_PUBLIC_KEY=$KEY_DIR/service-public.pem
SHARING_SECRET_KEY=$KEY_DIR/sharing-secret.key
# the HMAC key the services seal their list cursors with, and cursor.env with it as they read it (docker compose)
CURSOR_KEY=$KEY_DIR/cursor.key
CURSOR_ENV_FILE=$KEY_DIR/cursor.env

# What the local stack runs, in start order; down.sh stops them in reverse.
SERVICES=(consent sar sharing retention)
APPS=("${SERVICES[@]}" gateway)
COMPONENTS=(kafka "${APPS[@]}")
ROLES=(dpo school-admin staff safeguarding-lead parent pupil mis partner auditor)
DEMO_SCHOOL=100001
# the subject of each role's printed dev token: the parent and the pupil are people in the demo data
demo_subject() {
  case $1 in
    parent) echo DEMO-G01A ;;
    pupil) echo DEMO-P01 ;;
    *) echo "dev-$1" ;;
  esac
}

# Ports (DESIGN.md §7), each overridable by the same variable the service reads.
: "${KAFKA_PORT:=9092}"
: "${KAFKA_CONTROLLER_PORT:=9093}"
: "${CUSTODIAN_GATEWAY_PORT:=8080}"
: "${CUSTODIAN_CONSENT_PORT:=8081}"
: "${CUSTODIAN_SAR_PORT:=8082}"
: "${CUSTODIAN_SHARING_PORT:=8083}"
: "${CUSTODIAN_RETENTION_PORT:=8084}"
# the gateway's management interface (health checks in detail), on 127.0.0.1 only
: "${CUSTODIAN_GATEWAY_MANAGEMENT_PORT:=$((CUSTODIAN_GATEWAY_PORT + 1000))}"
: "${PGHOST:=127.0.0.1}"
: "${PGPORT:=5432}"
: "${PGUSER:=postgres}"
: "${CUSTODIAN_DB_PREFIX:=custodian_}"
: "${CUSTODIAN_JWT_ISSUER:=https://auth.custodian.local}"
: "${CUSTODIAN_JWT_AUDIENCE:=custodian}"
export KAFKA_PORT KAFKA_CONTROLLER_PORT PGHOST PGPORT PGUSER CUSTODIAN_JWT_ISSUER CUSTODIAN_JWT_AUDIENCE \
  CUSTODIAN_GATEWAY_PORT CUSTODIAN_CONSENT_PORT CUSTODIAN_SAR_PORT CUSTODIAN_SHARING_PORT CUSTODIAN_RETENTION_PORT \
  CUSTODIAN_GATEWAY_MANAGEMENT_PORT

say() { printf '%s\n' "$*"; }
# The comment block at the top of a script (after the #! line), as its --help.
usage_of() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$1"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# upper-case name used in the service's own variables: consent -> CONSENT
upper() { printf '%s' "$1" | tr '[:lower:]-' '[:upper:]_'; }

module_of() { if [[ $1 == gateway ]]; then echo gateway; else echo "$1-service"; fi; }
app_jar() { echo "$CUSTODIAN_ROOT/$(module_of "$1")/target/quarkus-app/quarkus-run.jar"; }

port_of() {
  local var
  case $1 in
    kafka) echo "$KAFKA_PORT"; return ;;
    kafka-controller) echo "$KAFKA_CONTROLLER_PORT"; return ;;
  esac
  var="CUSTODIAN_$(upper "$1")_PORT"
  echo "${!var}"
}

all_ports() {
  local c
  for c in "${COMPONENTS[@]}"; do port_of "$c"; done
  port_of kafka-controller
}

# True when something accepts TCP connections on 127.0.0.1:$1.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when a component answers: Kafka accepts connections, a service's /q/health/ready says UP (200).
ready() {
  local port
  port=$(port_of "$1")
  if [[ $1 == kafka ]]; then
    listening "$port"
  else
    curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null
  fi
}

# Who listens on a port, for error messages.
port_owner() { ss -ltnpH "sport = :$1" 2>/dev/null || true; }

pid_file() { echo "$PID_DIR/$1.pid"; }

# The pid of a component we started and that is still alive, or nothing. Every process we start carries
# -Dcustodian.local=<name> on its command line, so a recycled pid is never mistaken for ours.
running_pid() {
  local f pid
  f=$(pid_file "$1")
  [[ -s $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  ps -o args= -p "$pid" 2>/dev/null | grep -q -- "-Dcustodian.local=$1 " || return 1
  echo "$pid"
}

# Starts "$@" detached (own session, stdin closed), logging to .run/logs/<name>.log (the previous log is kept as
# <name>.log.1), and records its pid.
launch() {
  local name=$1 log f
  shift
  log=$LOG_DIR/$name.log
  f=$(pid_file "$name")
  mkdir -p "$LOG_DIR" "$PID_DIR"
  [[ -f $log ]] && mv -f "$log" "$log.1"
  rm -f "$f"
  # The subshell becomes setsid, then bash, then the command, all under one pid (the inner shell writes its own pid,
  # so it is right even when setsid has to fork). Inherited descriptors above 2 are closed so that the process holds
  # nothing of the caller's (a pipe left open would keep e.g. `up.sh | tee` waiting).
  (
    cd "$CUSTODIAN_ROOT" || exit 1
    exec setsid bash -c '
      for fd in /proc/$$/fd/*; do fd=${fd##*/}; [[ $fd -gt 2 ]] && eval "exec $fd>&-"; done 2>/dev/null
      echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$f" "$@" </dev/null >"$log" 2>&1
  ) &
  local i
  for i in $(seq 50); do [[ -s $f ]] && return 0; sleep 0.1; done
  die "$name did not start (no pid file); see $log"
}

java_bin() {
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then echo "$JAVA_HOME/bin/java"; else command -v java || true; fi
}

# The errors in a component's log, then its last lines without stack frames.
log_tail() {
  local log=$LOG_DIR/$1.log n=${2:-30}
  {
    say "---- errors in $log ----"
    grep -E 'ERROR|FATAL|Caused by' "$log" 2>/dev/null | head -n 10 | cut -c1-400 || true
    say "---- its last $n lines, stack frames left out ----"
    grep -v $'^\tat ' "$log" 2>/dev/null | tail -n "$n" || true
    say "----"
  } >&2
}

# stop NAME...: TERM each one that runs, then wait for all of them (KILL after CUSTODIAN_STOP_TIMEOUT, 30 s).
# Returns 1 when none of them was running.
stop() {
  local c pid stopping=() grace=${CUSTODIAN_STOP_TIMEOUT:-30} deadline
  deadline=$((SECONDS + grace))
  for c in "$@"; do
    if pid=$(running_pid "$c"); then
      say "stopping $c (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      stopping+=("$c:$pid")
    fi
  done
  for c in "${stopping[@]}"; do
    pid=${c#*:} c=${c%%:*}
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$c (pid $pid) did not stop within ${grace}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    rm -f "$(pid_file "$c")"
  done
  ((${#stopping[@]} > 0))
}

# ---------------------------------------------------------------------------------------------------------------
# Kafka: jars through Maven, storage formatted once, one broker+controller (up.sh starts it, kafka.sh stops and
# starts it under a running stack).

kafka_dir=$RUN_DIR/kafka
kafka_libs=$kafka_dir/libs

fetch_kafka() {
  local stamp=$kafka_dir/libs.stamp want
  want=$(cat "$CUSTODIAN_ROOT/deploy/local/kafka/pom.xml" "$CUSTODIAN_ROOT/pom.xml" | cksum)
  if [[ -f $stamp && $(<"$stamp") == "$want" ]] && compgen -G "$kafka_libs/kafka_2.13-*.jar" >/dev/null; then
    return 0
  fi
  say "fetching the Kafka broker jars through Maven into $kafka_libs"
  rm -rf "$kafka_libs"
  (cd "$CUSTODIAN_ROOT" && ./mvnw -B -q -f deploy/local/kafka/pom.xml dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$kafka_libs") || die "could not fetch the Kafka jars"
  printf '%s\n' "$want" >"$stamp"
}

write_kafka_config() {
  mkdir -p "$kafka_dir/data"
  cat >"$kafka_dir/server.properties" <<EOF
# Written by deploy/local/up.sh at every start; edit up.sh, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$kafka_dir/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
}

start_kafka() {
  local kafka_java_opts java_bin_path
  read -r -a kafka_java_opts <<<"${KAFKA_JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true}"
  java_bin_path=$(java_bin)
  [[ -n $java_bin_path ]] || die "no java found: install a JDK 17 or set JAVA_HOME"
  fetch_kafka
  write_kafka_config
  local java=("$java_bin_path" "${kafka_java_opts[@]}" -Dlog4j2.configurationFile="$CUSTODIAN_ROOT/deploy/local/kafka/log4j2.properties"
    -cp "$kafka_libs/*")
  if [[ ! -f $kafka_dir/data/meta.properties ]]; then
    local id
    id=$(openssl rand 16 | b64url)
    while [[ $id == -* ]]; do id=$(openssl rand 16 | b64url); done
    mkdir -p "$LOG_DIR"
    KAFKA_LOG_LEVEL=WARN "${java[@]}" kafka.tools.StorageTool format \
      --cluster-id "$id" --config "$kafka_dir/server.properties" >"$LOG_DIR/kafka-format.log" 2>&1 \
      || { tail -n 20 "$LOG_DIR/kafka-format.log" >&2; die "could not format the Kafka storage in $kafka_dir/data"; }
    say "formatted Kafka storage (cluster $id)"
  fi
  launch kafka "${java[@]}" -Dcustodian.local=kafka kafka.Kafka "$kafka_dir/server.properties"
}

# await_ready NAME: until NAME is ready (CUSTODIAN_START_TIMEOUT, 180 s), failing with its log if it exits or times out.
await_ready() {
  local deadline=$((SECONDS + ${CUSTODIAN_START_TIMEOUT:-180}))
  until ready "$1"; do
    running_pid "$1" >/dev/null || { log_tail "$1"; die "$1 exited while starting"; }
    ((SECONDS < deadline)) || { log_tail "$1"; die "$1 is not ready after ${CUSTODIAN_START_TIMEOUT:-180}s"; }
    sleep 0.2
  done
}

# ---------------------------------------------------------------------------------------------------------------
# The services and the gateway (up.sh starts them all, service.sh one at a time under a running stack).

# The environment the services and the gateway start with: the dev issuer's public key (ensure_keys first), the bind
# address, Kafka, the gateway's upstreams, the local stack's webhook timings, the cursor key, and each service's
# database roles and audit keys (lib-audit.sh). Variables already set win. The service-token keys are not in it:
# start_app gives each part only its own.
export_app_env() {
  : "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:=$PUBLIC_KEY}"
  : "${CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION:=$SERVICE_PUBLIC_KEY}"
  : "${CUSTODIAN_SERVICE_TOKEN_PRIVATE_KEY_LOCATION:=$SERVICE_PRIVATE_KEY}"
  : "${QUARKUS_HTTP_HOST:=${CUSTODIAN_BIND_HOST:-127.0.0.1}}"
  : "${CUSTODIAN_SHARING_SECRET_KEY:=$(cat "$SHARING_SECRET_KEY")}"
  : "${CUSTODIAN_CURSOR_KEYS:=$(tr -d '\n' <"$CURSOR_KEY")}"
  # the local demo's partner endpoints live on this machine; production refuses loopback and private addresses
  : "${CUSTODIAN_SHARING_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES:=true}"
  # a partner that fails is tried again within a minute, not over two days, and one that hangs is given up after 3 s
  # (production: 0s,5s,5m,30m,2h,5h,10h,10h and 10 s), so that a failing partner can be watched recovering locally
  : "${CUSTODIAN_SHARING_WEBHOOKS_RETRY_SCHEDULE:=0s,2s,4s,8s,15s,30s,1m,5m}"
  : "${CUSTODIAN_SHARING_WEBHOOKS_READ_TIMEOUT:=3s}"
  export CUSTODIAN_SHARING_SECRET_KEY CUSTODIAN_CURSOR_KEYS CUSTODIAN_SHARING_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES \
    CUSTODIAN_SHARING_WEBHOOKS_RETRY_SCHEDULE CUSTODIAN_SHARING_WEBHOOKS_READ_TIMEOUT
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION QUARKUS_HTTP_HOST KAFKA_BOOTSTRAP_SERVERS
  export_database_roles_env
  export_audit_env
  local s var
  for s in "${SERVICES[@]}"; do
    var="CUSTODIAN_$(upper "$s")_URL"
    [[ -n ${!var:-} ]] || export "$var=http://127.0.0.1:$(port_of "$s")"
  done
}

# the JVM options of the services and the gateway unless CUSTODIAN_JAVA_OPTS says otherwise (deploy/README.md)
DEFAULT_JAVA_OPTS="-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"

# The service-token keys NAME is given, as `env` arguments: every service verifies service tokens, sar-service alone
# signs them (its subject-export calls), and the gateway gets neither (it refuses to start with them). Nobody gets the
# dev issuer's private key: only token.sh signs with it.
service_token_env() {
  local unset=(-u SMALLRYE_JWT_SIGN_KEY_LOCATION -u CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION -u CUSTODIAN_SERVICE_TOKEN_PRIVATE_KEY_LOCATION)
  case $1 in
    gateway) printf '%s\n' env "${unset[@]}" ;;
    sar) printf '%s\n' env "${unset[@]}" "CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION=$CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION" \
      "CUSTODIAN_SERVICE_TOKEN_PRIVATE_KEY_LOCATION=$CUSTODIAN_SERVICE_TOKEN_PRIVATE_KEY_LOCATION" ;;
    *) printf '%s\n' env "${unset[@]}" "CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION=$CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION" ;;
  esac
}

# start_app NAME: java -jar NAME's fast-jar in the background (see launch), marked -Dcustodian.local=NAME, with
# CUSTODIAN_JAVA_OPTS and its service-token keys (service_token_env). Call export_app_env first.
start_app() {
  local java_bin_path opts jar in_folder=() archive=() keys=()
  mapfile -t keys < <(service_token_env "$1")
  read -r -a opts <<<"${CUSTODIAN_JAVA_OPTS:-$DEFAULT_JAVA_OPTS}"
  java_bin_path=$(java_bin)
  [[ -n $java_bin_path ]] || die "no java found: install a JDK 17 or set JAVA_HOME"
  jar=$(app_jar "$1")
  [[ -f $jar ]] || die "$jar is missing: deploy/local/up.sh builds it"
  if [[ -f ${jar%/*}/app-cds.jsa ]]; then
    # the class-data archive of a build with AppCDS (up.sh) names the jar by the path it was made with, so the JVM
    # starts in the jar's folder; an archive that no longer matches the jar is ignored (-Xshare:auto)
    in_folder=(env -C "${jar%/*}") archive=(-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto) jar=quarkus-run.jar
  fi
  launch "$1" "${keys[@]}" "${in_folder[@]}" "$java_bin_path" -Dcustodian.local="$1" "${opts[@]}" "${archive[@]}" -jar "$jar"
}

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL

pg_up() { pg_isready -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -t 3 >/dev/null 2>&1; }

pg_is_local() { [[ $PGHOST == 127.0.0.1 || $PGHOST == localhost || $PGHOST == ::1 || $PGHOST == /* ]]; }

# Starts the installed (Debian/Ubuntu pg_ctlcluster) cluster that serves $PGPORT if it is down. Returns 1 when there
# is no such cluster.
start_installed_postgres() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  pg_is_local || return 1
  local ver name port _rest started=1
  while read -r ver name port _rest; do
    [[ $port == "$PGPORT" ]] || continue
    say "PostgreSQL $ver/$name is down; starting it"
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start || die "could not start PostgreSQL $ver/$name"
    started=0
  done < <(pg_lsclusters --no-header 2>/dev/null)
  return "$started"
}

wait_for_postgres() {
  local i
  for i in $(seq "${1:-30}"); do pg_up && return 0; sleep 1; done
  return 1
}

# Makes PostgreSQL reachable at $PGHOST:$PGPORT: already up, or the installed cluster started. With $1 = docker, a
# machine with neither may use deploy/compose's postgres service instead.
ensure_postgres() {
  if ! command -v pg_isready >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
    postgres_missing "the PostgreSQL client (psql, pg_isready) is not installed."
  fi
  pg_up && return 0
  if start_installed_postgres; then
    wait_for_postgres 30 || die "PostgreSQL was started but does not answer on $PGHOST:$PGPORT"
    return 0
  fi
  if [[ ${1:-} == docker ]] && pg_is_local && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    say "no local PostgreSQL cluster; starting the postgres service of deploy/compose with Docker"
    export PGPASSWORD=${PGPASSWORD:-custodian}
    POSTGRES_PORT=$PGPORT docker compose -f "$CUSTODIAN_ROOT/deploy/compose/docker-compose.yml" up -d --wait postgres \
      || die "docker compose could not start PostgreSQL"
    wait_for_postgres 60 || die "the PostgreSQL container does not answer on $PGHOST:$PGPORT"
    return 0
  fi
  postgres_missing "PostgreSQL is not reachable at $PGHOST:$PGPORT (user $PGUSER) and there is no installed cluster to start."
}

postgres_missing() {
  cat >&2 <<EOF
error: $1
Install PostgreSQL and its client, e.g. on Debian or Ubuntu (as root):
    apt-get install -y postgresql postgresql-client
    pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start
and let the local user in without a password, or point PGHOST, PGPORT, PGUSER and PGPASSWORD at a server you have.
EOF
  exit 1
}

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres "$@"; }

# The local database of a service: custodian_<service>, or another prefix to run a second stack beside the first.
db_name() { echo "${CUSTODIAN_DB_PREFIX}$1"; }
if [[ $CUSTODIAN_DB_PREFIX != custodian_ ]]; then
  for _s in "${SERVICES[@]}"; do
    _var="CUSTODIAN_$(upper "$_s")_DB_URL"
    [[ -n ${!_var:-} ]] || export "$_var=jdbc:postgresql://$PGHOST:$PGPORT/$(db_name "$_s")" CUSTODIAN_DB_URL_FROM_PREFIX=true
  done
  unset _s _var
fi

# Creates the database of each service whose database URL is not overridden (a prefix is not an override).
ensure_databases() {
  local s db var
  for s in "${SERVICES[@]}"; do
    var="CUSTODIAN_$(upper "$s")_DB_URL"
    if [[ -n ${!var:-} && -z ${CUSTODIAN_DB_URL_FROM_PREFIX:-} ]]; then
      say "$var is set; not creating a database for $s"
      continue
    fi
    db=$(db_name "$s")
    if [[ $(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'") != 1 ]]; then
      psql_admin -c "CREATE DATABASE $db" || die "could not create database $db"
      say "created database $db"
    fi
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Dev keys and tokens. For the local stack only: production keys come from configuration.

ensure_keys() {
  command -v openssl >/dev/null 2>&1 || die "openssl is needed to make the dev keys"
  mkdir -p "$KEY_DIR"
  chmod 700 "$KEY_DIR"
  # the AES-256 key sharing-service encrypts partner webhook secrets with
  [[ -s $SHARING_SECRET_KEY ]] || (umask 077 && openssl rand -base64 32 >"$SHARING_SECRET_KEY")
  # the HMAC key list cursors are sealed with: one for the stack, so that any replica takes another's cursors
  [[ -s $CURSOR_KEY ]] || (umask 077 && openssl rand -base64 32 >"$CURSOR_KEY")
  (umask 077 && printf 'CUSTODIAN_CURSOR_KEYS=%s\n' "$(tr -d '\n' <"$CURSOR_KEY")" >"$CURSOR_ENV_FILE")
  ensure_key_pair "$PRIVATE_KEY" "$PUBLIC_KEY" "the dev issuer's"
  ensure_key_pair "$SERVICE_PRIVATE_KEY" "$SERVICE_PUBLIC_KEY" "the service-token dev"
}

# ensure_key_pair PRIVATE PUBLIC WHAT: an RSA key pair (PKCS#8 private, SPKI public) unless both files are there.
ensure_key_pair() {
  [[ -s $1 && -s $2 ]] && return 0
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null) \
    || die "openssl could not make a key pair"
  openssl pkey -in "$1" -pubout -out "$2" 2>/dev/null || die "openssl could not write the public key"
  say "made $3 key pair in $KEY_DIR (never commit it)"
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

valid_role() {
  local r
  for r in "${ROLES[@]}"; do [[ $1 == "$r" ]] && return 0; done
  return 1
}

# mint_token ROLE SUB TTL SCHOOL... : an RS256 JWT signed with the dev private key.
mint_token() {
  local role=$1 sub=$2 ttl=$3 now header payload schools signing s
  shift 3
  [[ -s $PRIVATE_KEY ]] || die "no dev key at $PRIVATE_KEY yet: run deploy/local/up.sh (or deploy/local/keys.sh) first"
  valid_role "$role" || die "unknown role '$role' (one of: ${ROLES[*]})"
  [[ $sub =~ ^[A-Za-z0-9._:@-]+$ ]] || die "--sub may only hold letters, digits and . _ : @ -"
  [[ $ttl =~ ^[0-9]+$ && $ttl -gt 0 ]] || die "--ttl must be a positive number of seconds"
  ((ttl <= 43200)) || die "--ttl may be at most 43200: every service refuses a token valid for more than 12 hours"
  (($# > 0)) || die "at least one school is needed"
  schools=
  for s in "$@"; do
    [[ $s =~ ^[0-9]{6}$ ]] || die "a school is a six-digit DfE URN, not '$s'"
    schools+="${schools:+,}\"$s\""
  done
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","groups":["%s"],"schools":[%s],"iat":%d,"exp":%d,"jti":"%s"}' \
    "$CUSTODIAN_JWT_ISSUER" "$CUSTODIAN_JWT_AUDIENCE" "$sub" "$role" "$schools" "$now" $((now + ttl)) \
    "$(openssl rand -hex 16)" | b64url)
  signing="$header.$payload"
  printf '%s.%s\n' "$signing" "$(printf '%s' "$signing" | openssl dgst -sha256 -sign "$PRIVATE_KEY" -binary | b64url)"
}

# Database roles and audit keys for tamper-evident audit logs.
# shellcheck source=deploy/local/lib-audit.sh
source "$CUSTODIAN_ROOT/deploy/local/lib-audit.sh"
