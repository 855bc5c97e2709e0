#!/usr/bin/env bash
# Container health check: succeeds when http://127.0.0.1:PORT/q/health/ready answers 200.
# Plain bash (/dev/tcp), because the eclipse-temurin image does not promise curl or wget.
set -euo pipefail
port=${1:?usage: ready.sh PORT}
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 5 _ status _ <&3
[[ $status == 200 ]]
