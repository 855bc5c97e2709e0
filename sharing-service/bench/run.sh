#!/usr/bin/env bash
# Measures what issue 4 asks for, through sharing-service's HTTP API with the real PostgreSQL and an in-process Kafka
# broker (the same set-up as the tests):
#   - POST .../disclosures with 1,000 pupils (after 3 warm-up runs, median of 9) and POST .../sharing-checks likewise;
#   - the delay from a consent.withdrawn event published to Kafka to a REFUSED sharing-check (median of 15).
# Usage: sharing-service/bench/run.sh   (from anywhere; needs PostgreSQL as for the tests)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -B verify -pl sharing-service -Dtest=SharingBench -Dsurefire.failIfNoSpecifiedTests=false > sharing-service/target/bench.log 2>&1 \
  || { tail -50 sharing-service/target/bench.log; exit 1; }
echo "$(nproc) cores, $(java -version 2>&1 | head -1)"
cat sharing-service/target/bench-results.txt
