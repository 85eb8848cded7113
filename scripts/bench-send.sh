#!/usr/bin/env bash
# Maps N generated orders and sends them to an in-process Cari sandbox: invoices/s and p50/p99 latency.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/java-env.sh"
(cd "$root" && mvn -B -q -ntp -DskipTests package >&2)
exec java -jar "$root/agent/target/caricomtr-agent.jar" bench-send "$@"
