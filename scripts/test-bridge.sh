#!/usr/bin/env bash
# Runs the bridge plugin's tests alone (a part of ./scripts/test.sh): its PHPUnit tests inside real WordPress
# installs against a real agent, its browser test, its PHPCS check. About a minute; the WordPress files are reused.
#
#   ./scripts/test-bridge.sh            all three
#   ./scripts/test-bridge.sh phpunit    the PHPUnit runs only (HPOS, legacy, WooCommerce inactive)
#   ./scripts/test-bridge.sh browser    the browser test only
#   ./scripts/test-bridge.sh phpcs      PHPCS only
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-all}" in
  all) tests='Bridge*Test' ;;
  phpunit) tests='BridgePhpUnitTest' ;;
  browser) tests='BridgeBrowserTest' ;;
  phpcs) tests='BridgePhpcsTest' ;;
  *) echo "usage: $0 [phpunit|browser|phpcs]" >&2; exit 2 ;;
esac
[ $# -gt 0 ] && shift
. scripts/java-env.sh
exec mvn -B -ntp test -pl agent -am -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false "$@"
