#!/usr/bin/env bash
# Starts the bridge plugin's test stack and keeps it up, for running its PHP and browser tests by hand while
# working on them: the embedded MariaDB with the PHPUnit databases (HPOS and legacy) and two served sites, the Cari
# sandbox, a real agent. It prints the sites' URLs and writes the tests' environment to
# wp-bridge-plugin/build/test-env/*.env; then, in another terminal:
#
#   (set -a; . wp-bridge-plugin/build/test-env/hpos.env; set +a; cd wp-bridge-plugin && phpunit --testsuite bridge)
#   (set -a; . wp-bridge-plugin/build/test-env/legacy.env; set +a; cd wp-bridge-plugin && phpunit --testsuite bridge)
#   (set -a; . wp-bridge-plugin/build/test-env/without-woocommerce.env; set +a; cd wp-bridge-plugin && phpunit --testsuite without-woocommerce)
#   (set -a; . wp-bridge-plugin/build/test-env/browser.env; set +a; node wp-bridge-plugin/tests/browser/run.js)
#
# Stop it with Ctrl-C or `rm wp-bridge-plugin/build/test-env/running`. Extra arguments go to Maven, e.g.
# -Dcaricomtr.wordpress.hold.minutes=30 (default 240).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
exec mvn -B -ntp test -pl agent -am -Dtest=WordPressEnvironmentHold -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcaricomtr.wordpress.hold=true "$@"
