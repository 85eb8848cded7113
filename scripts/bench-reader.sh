#!/usr/bin/env bash
# The order reader's benchmark: hpos_bulk (when ../shared is there) and a generated 20,000-order shop per storage
# layout, on an embedded MariaDB; the peak heap shows that reading streams batch by batch.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/java-env.sh"
(cd "$root" && mvn -B -q -ntp -DskipTests package >&2)
cd "$root"
exec java -Xmx1g -XX:+UseParallelGC -jar agent/target/caricomtr-agent.jar bench-read "$@"
