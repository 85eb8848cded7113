#!/usr/bin/env bash
# Runs the agent's command line (builds it first when needed): scripts/agent.sh --help
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/java-env.sh"
if [ ! -f "$root/agent/target/caricomtr-agent.jar" ]; then
  (cd "$root" && mvn -B -q -ntp -DskipTests package >&2)
fi
exec java -jar "$root/agent/target/caricomtr-agent.jar" "$@"
