#!/usr/bin/env bash
# PHP_CodeSniffer with the plugin's phpcs.xml.dist: WordPress-Extra (security sniffs included) and
# PHPCompatibilityWP for PHP 7.4 and later. The standards are those of ../shared/wordpress/php-codesniffer-wpcs.tar.xz
# (PHPCS 3.13.4, WPCS 3.1.0, PHPCSUtils 1.0.12, PHPCSExtra 1.2.1, PHPCompatibility 10.0.0-dev, PHPCompatibilityWP
# 3.0.0-alpha2), unpacked into build/phpcs; where ../shared is absent, the same commits are fetched from GitHub.
#
#   bin/phpcs.sh                 check the plugin (exit code 0: no error, no warning)
#   bin/phpcs.sh -s --report=full includes/   any phpcs arguments
#   bin/phpcs.sh --fix           fix what phpcbf can fix
set -euo pipefail
CARICOMTR_SCRIPT=phpcs.sh
. "$(dirname "$0")/lib/archives.sh"
command -v php >/dev/null || caricomtr_die "php is needed"

PHPCS_DIR="$CARICOMTR_WP_BUILD_DIR/phpcs"
caricomtr_install_phpcs "$PHPCS_DIR"
S="$PHPCS_DIR/standards"
INSTALLED="$S/WordPress-Coding-Standards,$S/PHPCSUtils,$S/PHPCSExtra,$S/PHPCompatibility,$S/PHPCompatibilityWP,$S/PHPCompatibilityParagonie"
TOOL=phpcs
if [ "${1:-}" = --fix ]; then
  TOOL=phpcbf
  shift
fi
cd "$CARICOMTR_PLUGIN_DIR"
exec php "$PHPCS_DIR/php_codesniffer/bin/$TOOL" --runtime-set installed_paths "$INSTALLED" \
  --standard="$CARICOMTR_PLUGIN_DIR/phpcs.xml.dist" "$@"
