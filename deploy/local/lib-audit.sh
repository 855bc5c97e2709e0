# shellcheck shell=bash
# Sourced by lib.sh, never run: what the local stack needs for tamper-evident audit logs (platform/README.md, "Audit").
#  - Database roles: each service's database belongs to <db>_owner, which Flyway migrates with; the service runs as
#    <db>_service, which owns nothing and may only read and append to the audit log.
#  - Audit keys: the chains' HMAC key and the checkpoint signing key (Ed25519), dev-only, in .run/keys; the signed
#    checkpoints go to .run/audit-checkpoints, outside the databases (down.sh --reset removes both with the databases).

AUDIT_CHAIN_KEY=$KEY_DIR/audit-chain.key
AUDIT_CHECKPOINT_KEY=$KEY_DIR/audit-checkpoint.pem
AUDIT_ENV_FILE=$KEY_DIR/audit.env
AUDIT_CHECKPOINTS_DIR=$RUN_DIR/audit-checkpoints
DATABASE_ROLES_PASSWORD=$KEY_DIR/database-roles.password

# The local database of service $1, or nothing when its URL is overridden (then its roles are the user's business).
local_database() {
  local var
  var="CUSTODIAN_$(upper "$1")_DB_URL"
  [[ -n ${!var:-} && -z ${CUSTODIAN_DB_URL_FROM_PREFIX:-} ]] && return 1
  db_name "$1"
}

database_roles_password() {
  mkdir -p "$KEY_DIR"
  [[ -s $DATABASE_ROLES_PASSWORD ]] || (umask 077 && openssl rand -hex 16 >"$DATABASE_ROLES_PASSWORD")
  cat "$DATABASE_ROLES_PASSWORD"
}

# Makes <db>_owner own each local service database and everything in it (also a database made before the roles were),
# and <db>_service a login that owns nothing; the services' Flyway callback grants it what it may do.
ensure_database_roles() {
  local s db password
  password=$(database_roles_password)
  for s in "${SERVICES[@]}"; do
    db=$(local_database "$s") || continue
    psql_admin -v owner="${db}_owner" -v service="${db}_service" -v password="$password" -v db="$db" <<'SQL' \
      || die "could not set up the roles of database $db"
SELECT format('CREATE ROLE %I LOGIN', r) FROM unnest(ARRAY[:'owner', :'service']) AS r
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \gexec
ALTER ROLE :"owner" LOGIN NOSUPERUSER PASSWORD :'password';
ALTER ROLE :"service" LOGIN NOSUPERUSER PASSWORD :'password';
ALTER DATABASE :"db" OWNER TO :"owner";
SQL
    psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$db" -v owner="${db}_owner" <<'SQL' \
      || die "could not hand database $db to its owner role"
ALTER SCHEMA public OWNER TO :"owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- tables, views and free sequences made by an earlier local stack as the administrator (owned sequences follow their table)
SELECT format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, :'owner')
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'S')
  AND c.relowner <> :'owner'::regrole
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')) \gexec
SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, :'owner')
FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> :'owner'::regrole \gexec
SQL
  done
}

# CUSTODIAN_<SERVICE>_DB_USER/_PASSWORD (the service role) and _DB_OWNER/_OWNER_PASSWORD (Flyway) for each local
# database. Variables already set win.
export_database_roles_env() {
  local s db up password var
  password=$(database_roles_password)
  for s in "${SERVICES[@]}"; do
    db=$(local_database "$s") || continue
    up=$(upper "$s")
    for var in "DB_USER=${db}_service" "DB_PASSWORD=$password" "DB_OWNER=${db}_owner" "DB_OWNER_PASSWORD=$password"; do
      [[ -n $(printenv "CUSTODIAN_${up}_${var%%=*}") ]] || export "CUSTODIAN_${up}_${var%%=*}=${var#*=}"
    done
  done
}

# The dev audit keys in .run/keys (made once), and .run/keys/audit.env with them as the services read them
# (docker compose passes that file as env_file).
ensure_audit_keys() {
  command -v openssl >/dev/null 2>&1 || die "openssl is needed to make the dev audit keys"
  mkdir -p "$KEY_DIR"
  chmod 700 "$KEY_DIR"
  [[ -s $AUDIT_CHAIN_KEY ]] || (umask 077 && openssl rand -base64 32 >"$AUDIT_CHAIN_KEY")
  [[ -s $AUDIT_CHECKPOINT_KEY ]] || (umask 077 && openssl genpkey -algorithm ed25519 -out "$AUDIT_CHECKPOINT_KEY" 2>/dev/null) \
    || die "openssl could not make the audit checkpoint key (Ed25519 needs OpenSSL 1.1.1 or later)"
  local signing verify
  signing=$(openssl pkey -in "$AUDIT_CHECKPOINT_KEY" -outform DER | base64 | tr -d '\n')
  verify=$(openssl pkey -in "$AUDIT_CHECKPOINT_KEY" -pubout -outform DER | base64 | tr -d '\n')
  (umask 077 && cat >"$AUDIT_ENV_FILE" <<EOF
CUSTODIAN_AUDIT_CHAIN_KEYS=local:$(tr -d '\n' <"$AUDIT_CHAIN_KEY")
CUSTODIAN_AUDIT_CHECKPOINTS_SIGNING_KEY=local:$signing
CUSTODIAN_AUDIT_CHECKPOINTS_VERIFY_KEYS=local:$verify
EOF
  )
}

# The audit keys and the checkpoint folder the services start with. Variables already set win.
export_audit_env() {
  ensure_audit_keys
  local line
  while IFS= read -r line; do
    [[ -n $(printenv "${line%%=*}") ]] || export "$line"
  done <"$AUDIT_ENV_FILE"
  : "${CUSTODIAN_AUDIT_CHECKPOINTS_DIRECTORY:=$AUDIT_CHECKPOINTS_DIR}"
  export CUSTODIAN_AUDIT_CHECKPOINTS_DIRECTORY
}

# With the databases dropped (down.sh --reset), their roles go too, and their checkpoints, which would only say that
# rows were removed.
reset_audit_checkpoints_and_roles() {
  local s db
  rm -rf "$AUDIT_CHECKPOINTS_DIR"
  for s in "${SERVICES[@]}"; do
    db=$(local_database "$s") || continue
    psql_admin -c "DROP ROLE IF EXISTS ${db}_service" -c "DROP ROLE IF EXISTS ${db}_owner" || warn "could not drop the roles of $db"
  done
}
