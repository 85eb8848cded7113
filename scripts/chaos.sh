#!/usr/bin/env bash
# The long chaos test: a separate agent process is SIGKILLed 20 times during a backfill of a 2,000-order shop
# (about 1,400 orders in trigger statuses) while the sandbox injects 5xx, timeouts, 429s and dropped connections.
# Override with CHAOS_ORDERS, CHAOS_KILLS, CHAOS_SEED.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
exec mvn -B -ntp -pl agent -am test -Dtest=ChaosTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchaos.orders="${CHAOS_ORDERS:-2000}" -Dchaos.kills="${CHAOS_KILLS:-20}" -Dchaos.seed="${CHAOS_SEED:-20261127}"
