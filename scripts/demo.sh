#!/usr/bin/env bash
# The demo on embedded defaults: an embedded MariaDB with a generated Turkish shop, read by the agent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/java-env.sh"
(cd "$root" && mvn -B -q -ntp -DskipTests package >&2)
exec java -jar "$root/agent/target/caricomtr-agent.jar" demo "$@"
