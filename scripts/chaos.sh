#!/usr/bin/env bash
# The long chaos test: one agent process serving two shops on one Cari company is SIGKILLed 30 times during their
# backfills (a 2,000-order generated shop, about 1,400 orders in trigger statuses, and the real legacy fixture synced
# at 0.25 orders per second), the database goes away three times, and the sandbox injects 5xx, timeouts, 429s,
# dropped connections and "stored, then failed". Override with CHAOS_ORDERS, CHAOS_KILLS, CHAOS_SEED.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
exec mvn -B -ntp -pl agent -am test -Dtest=ChaosTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchaos.orders="${CHAOS_ORDERS:-2000}" -Dchaos.kills="${CHAOS_KILLS:-30}" -Dchaos.seed="${CHAOS_SEED:-20261127}"
