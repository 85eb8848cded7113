#!/usr/bin/env bash
# The support commands' benchmark: orders and dry-run over generated 20,000- and 100,000-order shops, each in its own
# JVM with the agent's production flags; prints peak RSS and CPU per order (bar: peak under 256 MB at both sizes).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/java-env.sh"
(cd "$root" && mvn -B -q -ntp -DskipTests package >&2)
cd "$root"
exec java -Xmx1g -jar agent/target/caricomtr-agent.jar bench-support "$@"
