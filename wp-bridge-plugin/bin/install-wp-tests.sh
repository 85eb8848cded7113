#!/usr/bin/env bash
# Installs what the plugin's PHPUnit tests run in: WordPress core, WooCommerce, WordPress's PHPUnit test library
# (wp-phpunit) and the PHPUnit Polyfills, the convention of WooCommerce extensions:
#
#   bin/install-wp-tests.sh <db-name> <db-user> <db-pass> [db-host] [wp-version] [skip-database-creation]
#
#   db-host                 WordPress's DB_HOST: localhost, 127.0.0.1:3306 or localhost:/run/mysqld/mysqld.sock
#                           (default localhost)
#   wp-version              6.9 (default; the version in ../shared/wordpress) or another release, downloaded
#   skip-database-creation  true: the database exists already (default false: CREATE DATABASE IF NOT EXISTS)
#
# Environment (defaults in brackets):
#   WP_CORE_DIR             [wp-bridge-plugin/build/tests/wordpress]          WordPress, with WooCommerce and this plugin
#                           (linked) in wp-content/plugins
#   WP_TESTS_DIR            [wp-bridge-plugin/build/tests/wordpress-tests-lib] the test library and wp-tests-config.php
#   WP_TESTS_POLYFILLS_DIR  [wp-bridge-plugin/build/tests/phpunit-polyfills]
#   WC_VERSION [9.9.5]  WP_PHPUNIT_VERSION [6.8.1 for 6.9, else wp-version]  PHPUNIT_POLYFILLS_VERSION [1.1.4]
#   CARICOMTR_SHARED_DIR, CARICOMTR_OFFLINE, ...: see bin/lib/archives.sh
#
# The archives come from ../shared/wordpress when present (checked against its SHA256SUMS), else from
# wordpress.org, downloads.wordpress.org and the GitHub releases of wp-phpunit and the polyfills. A re-run with the
# same versions unpacks nothing and only rewrites wp-tests-config.php. The database named here is WIPED by every
# test run: never point it at a real site's database.
#
# wp-tests-config.php takes each value from the environment first (WP_TESTS_DB_NAME, WP_TESTS_DB_USER,
# WP_TESTS_DB_PASSWORD, WP_TESTS_DB_HOST, WP_TESTS_TABLE_PREFIX, WP_CORE_DIR, WP_TESTS_POLYFILLS_DIR), then from
# the arguments given here, so one installation serves several test databases.
set -euo pipefail
CARICOMTR_SCRIPT=install-wp-tests.sh
. "$(dirname "$0")/lib/archives.sh"

if [ $# -lt 3 ]; then
  echo "usage: $0 <db-name> <db-user> <db-pass> [db-host] [wp-version] [skip-database-creation]" >&2
  exit 2
fi
DB_NAME="$1"
DB_USER="$2"
DB_PASS="$3"
DB_HOST="${4:-localhost}"
WP_VERSION="${5:-$CARICOMTR_WP_VERSION_DEFAULT}"
SKIP_DB_CREATE="${6:-false}"
[ "$WP_VERSION" = latest ] && WP_VERSION="$CARICOMTR_WP_VERSION_DEFAULT"

WC_VERSION="${WC_VERSION:-$CARICOMTR_WC_VERSION_DEFAULT}"
if [ "$WP_VERSION" = "$CARICOMTR_WP_VERSION_DEFAULT" ]; then
  WP_PHPUNIT_VERSION="${WP_PHPUNIT_VERSION:-$CARICOMTR_WP_PHPUNIT_VERSION_DEFAULT}"
else
  WP_PHPUNIT_VERSION="${WP_PHPUNIT_VERSION:-$WP_VERSION}"
fi
PHPUNIT_POLYFILLS_VERSION="${PHPUNIT_POLYFILLS_VERSION:-$CARICOMTR_POLYFILLS_VERSION_DEFAULT}"

WP_CORE_DIR="${WP_CORE_DIR:-$CARICOMTR_WP_BUILD_DIR/tests/wordpress}"
WP_TESTS_DIR="${WP_TESTS_DIR:-$CARICOMTR_WP_BUILD_DIR/tests/wordpress-tests-lib}"
WP_TESTS_POLYFILLS_DIR="${WP_TESTS_POLYFILLS_DIR:-$CARICOMTR_WP_BUILD_DIR/tests/phpunit-polyfills}"
WP_CORE_DIR="${WP_CORE_DIR%/}"
WP_TESTS_DIR="${WP_TESTS_DIR%/}"
WP_TESTS_POLYFILLS_DIR="${WP_TESTS_POLYFILLS_DIR%/}"

command -v php >/dev/null || caricomtr_die "php is needed (Debian: php-cli php-mysql php-xml php-mbstring php-curl php-zip)"

caricomtr_install wordpress "$WP_VERSION" "$WP_CORE_DIR"
caricomtr_install woocommerce "$WC_VERSION" "$WP_CORE_DIR/wp-content/plugins/woocommerce"
caricomtr_link_plugin "$WP_CORE_DIR"
caricomtr_install wp-phpunit "$WP_PHPUNIT_VERSION" "$WP_TESTS_DIR"
caricomtr_install phpunit-polyfills "$PHPUNIT_POLYFILLS_VERSION" "$WP_TESTS_POLYFILLS_DIR"

# wp-tests-config.php, written by PHP so that every value is a correctly quoted PHP string. It replaces the
# Composer shim of the same name that wp-phpunit ships.
php -r '
  [, $file, $core, $polyfills, $name, $user, $password, $host] = $argv;
  $env = function ($var, $default) {
    return "( false !== getenv( " . var_export($var, true) . " ) ? getenv( " . var_export($var, true) . " ) : "
      . var_export($default, true) . " )";
  };
  $config = "<?php\n"
    . "// Written by wp-bridge-plugin/bin/install-wp-tests.sh. Each value comes from the environment first.\n"
    . "define( \"ABSPATH\", rtrim( " . $env("WP_CORE_DIR", $core) . ", \"/\" ) . \"/\" );\n"
    . "define( \"DB_NAME\", " . $env("WP_TESTS_DB_NAME", $name) . " );\n"
    . "define( \"DB_USER\", " . $env("WP_TESTS_DB_USER", $user) . " );\n"
    . "define( \"DB_PASSWORD\", " . $env("WP_TESTS_DB_PASSWORD", $password) . " );\n"
    . "define( \"DB_HOST\", " . $env("WP_TESTS_DB_HOST", $host) . " );\n"
    . "define( \"DB_CHARSET\", \"utf8mb4\" );\n"
    . "define( \"DB_COLLATE\", \"\" );\n"
    . "\$table_prefix = " . $env("WP_TESTS_TABLE_PREFIX", "wptests_") . ";\n"
    . "define( \"WP_TESTS_DOMAIN\", \"example.org\" );\n"
    . "define( \"WP_TESTS_EMAIL\", \"admin@example.org\" );\n"
    . "define( \"WP_TESTS_TITLE\", \"Test Blog\" );\n"
    . "define( \"WP_PHP_BINARY\", PHP_BINARY );\n"
    . "define( \"WPLANG\", \"\" );\n"
    . "define( \"WP_DEBUG\", true );\n"
    . "define( \"AUTOMATIC_UPDATER_DISABLED\", true );\n"
    . "// No call leaves the machine; the agent and the Cari sandbox listen on the loopback interface.\n"
    . "define( \"WP_HTTP_BLOCK_EXTERNAL\", true );\n"
    . "define( \"WP_ACCESSIBLE_HOSTS\", \"127.0.0.1\" );\n"
    . "if ( ! defined( \"WP_TESTS_PHPUNIT_POLYFILLS_PATH\" ) ) {\n"
    . "\tdefine( \"WP_TESTS_PHPUNIT_POLYFILLS_PATH\", " . $env("WP_TESTS_POLYFILLS_DIR", $polyfills) . " );\n"
    . "}\n";
  $old = is_file($file) ? file_get_contents($file) : null;
  if ($old !== $config) {
    file_put_contents($file . ".tmp", $config);
    rename($file . ".tmp", $file);
  }
' "$WP_TESTS_DIR/wp-tests-config.php" "$WP_CORE_DIR" "$WP_TESTS_POLYFILLS_DIR" "$DB_NAME" "$DB_USER" "$DB_PASS" "$DB_HOST"

if [ "$SKIP_DB_CREATE" != true ]; then
  caricomtr_create_database "$DB_HOST" "$DB_USER" "$DB_PASS" "$DB_NAME"
fi

caricomtr_log "WordPress $WP_VERSION + WooCommerce $WC_VERSION in $WP_CORE_DIR; tests library $WP_PHPUNIT_VERSION in $WP_TESTS_DIR"
