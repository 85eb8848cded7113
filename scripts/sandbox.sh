#!/usr/bin/env bash
# Starts the Cari sandbox (builds it first when needed): scripts/sandbox.sh --port 8089 [--help]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/java-env.sh"
if [ ! -f "$root/cari-sandbox/target/cari-sandbox.jar" ]; then
  (cd "$root" && mvn -B -q -ntp -DskipTests package -pl cari-sandbox >&2)
fi
exec java -jar "$root/cari-sandbox/target/cari-sandbox.jar" "$@"
