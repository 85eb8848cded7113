#!/usr/bin/env bash
# The sync's benchmark: notify and polling latency, a 10,000-order backfill into the sandbox, idle RSS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/java-env.sh"
(cd "$root" && mvn -B -q -ntp -DskipTests package >&2)
exec java -jar "$root/agent/target/caricomtr-agent.jar" bench-sync "$@"
