#!/usr/bin/env bash
# Brings up the whole Custodian suite on this machine (Linux or macOS), without Docker: the tests' single-node Kafka
# broker (KRaft, platform-testing's KafkaBroker), one database per service on the local PostgreSQL, the five services
# and the gateway. Prints the URLs and a dev token per role. Safe to run again: what is already running is left alone.
# Stop it all with deploy/local/down.sh. The work is done by the local launcher (launcher/, built on first use).
#
#   deploy/local/up.sh [--build] [--no-demo]
#       --build     rebuild the services and the gateway first (./mvnw -DskipTests package); without it only modules with no
#                   target/quarkus-app/quarkus-run.jar are built. After either build each app starts once until it
#                   is ready and stops, recording every class its start loads and links, and its ahead-of-time
#                   cache (Java 25: target/quarkus-app/app.aot) is made from that; later starts read their classes
#                   from it, already parsed, verified and linked
#       --no-demo   do not load the demo school's data (deploy/local/demo-data.sh)
#
# Environment (all optional): KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), CUSTODIAN_GATEWAY_PORT (8080),
# CUSTODIAN_{CONSENT,SAR,SHARING,RETENTION,ACCOUNTABILITY}_PORT (8081-8085), PGHOST/PGPORT/PGUSER/PGPASSWORD,
# CUSTODIAN_JAVA_OPTS, KAFKA_JAVA_OPTS, CUSTODIAN_START_TIMEOUT (180 s), CUSTODIAN_BIND_HOST (127.0.0.1). See
# deploy/README.md.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case ${1:-} in -h | --help) usage_of "${BASH_SOURCE[0]}"; exit 0 ;; esac
launcher up "$@"
