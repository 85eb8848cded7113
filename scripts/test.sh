#!/usr/bin/env bash
# Runs every test: the agent and the Cari sandbox on an embedded MariaDB (or the server named by
# CARICOMTR_TEST_DB_URL, or a Testcontainers MySQL 8.4 when Docker answers).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
exec mvn -B -ntp verify "$@"
