#!/usr/bin/env bash
# Runs the agent's command line (builds it first when needed): scripts/agent.sh --help
# `serve` runs with the agent's production JVM flags, from agent/src/main/resources/agent-jvm.options (the file the
# Dockerfile and AgentJvm use too); the support commands (orders, dry-run, ...) keep the JVM's defaults, since they
# may print a whole shop.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/java-env.sh"
if [ ! -f "$root/agent/target/caricomtr-agent.jar" ]; then
  (cd "$root" && mvn -B -q -ntp -DskipTests package >&2)
fi
jvm_options=()
if [ "${1:-}" = serve ]; then
  jvm_options=("@$root/agent/src/main/resources/agent-jvm.options")
fi
exec java "${jvm_options[@]}" -jar "$root/agent/target/caricomtr-agent.jar" "$@"
