#!/usr/bin/env bash
# Installs a real WordPress site (not the test suite) with WooCommerce and this plugin active, in one order
# storage, to be served by `php -S` for the browser tests or a demo:
#
#   bin/install-wp-site.sh --dir DIR --url http://127.0.0.1:8080 --storage hpos|legacy \
#       --db-name NAME [--db-user root] [--db-host 127.0.0.1:3306] [--prefix wp_] [--create-database] \
#       [--agent-url http://127.0.0.1:8787 --site-id shop-1] [--orders 3] [--skip-plugin] [--wp-cron]
#   php -S 127.0.0.1:8080 -t DIR
#
# Secrets come from the environment, never the command line: WP_SITE_DB_PASSWORD (default empty),
# WP_SITE_ADMIN_PASSWORD (default admin-pass; the user is --admin-user, default admin), CARICOMTR_AGENT_SECRET
# (written as the CARICOMTR_AGENT_SECRET constant when --agent-url is given).
#
# What it does, each part only when missing (a re-run on an installed site takes about a second):
#   - WordPress core in DIR and WooCommerce in DIR/wp-content/plugins (../shared/wordpress or the official
#     releases, as bin/install-wp-tests.sh), the plugin linked in from this checkout;
#   - wp-config.php: the database, the table prefix, WP_HOME = WP_SITEURL = --url, debug log in
#     DIR/wp-content/debug.log, no external HTTP (WP_HTTP_BLOCK_EXTERNAL; 127.0.0.1 allowed), no WP-Cron unless
#     --wp-cron, and the agent constants when given. It is rewritten on every run;
#   - a mu-plugin that keeps mail from being sent;
#   - wp_install(); WooCommerce activated; what its first wp-admin load would change done now (no automatic HPOS
#     switch, no "coming soon" mode, no onboarding redirect, no avatars), store in Turkey, currency TRY;
#   - the order storage (--storage), switched while the site has no orders; --orders sample orders made with
#     WooCommerce's API (processing, completed, on-hold);
#   - the plugin activated, unless --skip-plugin.
set -euo pipefail
CARICOMTR_SCRIPT=install-wp-site.sh
. "$(dirname "$0")/lib/archives.sh"

usage() { sed -n '2,10p' "$0" >&2; exit 2; }

SITE_DIR="" SITE_URL="" STORAGE="hpos" DB_NAME="" DB_USER="root" DB_HOST="127.0.0.1:3306" PREFIX="wp_"
CREATE_DB=0 AGENT_URL="" SITE_ID="" ORDERS=3 SKIP_PLUGIN=0 WP_CRON=0
ADMIN_USER="admin" ADMIN_EMAIL="admin@example.test" TITLE="Cari Test Shop"
WP_VERSION="${WP_VERSION:-$CARICOMTR_WP_VERSION_DEFAULT}" WC_VERSION="${WC_VERSION:-$CARICOMTR_WC_VERSION_DEFAULT}"
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) SITE_DIR="$2"; shift 2 ;;
    --url) SITE_URL="${2%/}"; shift 2 ;;
    --storage) STORAGE="$2"; shift 2 ;;
    --db-name) DB_NAME="$2"; shift 2 ;;
    --db-user) DB_USER="$2"; shift 2 ;;
    --db-host) DB_HOST="$2"; shift 2 ;;
    --prefix) PREFIX="$2"; shift 2 ;;
    --create-database) CREATE_DB=1; shift ;;
    --agent-url) AGENT_URL="$2"; shift 2 ;;
    --site-id) SITE_ID="$2"; shift 2 ;;
    --orders) ORDERS="$2"; shift 2 ;;
    --skip-plugin) SKIP_PLUGIN=1; shift ;;
    --wp-cron) WP_CRON=1; shift ;;
    --admin-user) ADMIN_USER="$2"; shift 2 ;;
    --admin-email) ADMIN_EMAIL="$2"; shift 2 ;;
    --title) TITLE="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown option $1" >&2; usage ;;
  esac
done
[ -n "$SITE_DIR" ] && [ -n "$SITE_URL" ] && [ -n "$DB_NAME" ] || usage
case "$STORAGE" in hpos|legacy) ;; *) caricomtr_die "--storage is hpos or legacy, not $STORAGE" ;; esac
[[ "$PREFIX" =~ ^[A-Za-z0-9_]+$ ]] || caricomtr_die "--prefix takes letters, digits and _ only"
[[ "$ORDERS" =~ ^[0-9]+$ ]] || caricomtr_die "--orders takes a number"
command -v php >/dev/null || caricomtr_die "php is needed (Debian: php-cli php-mysql php-xml php-mbstring php-curl php-zip)"
mkdir -p "$SITE_DIR"
SITE_DIR="$(cd "$SITE_DIR" && pwd)"

caricomtr_install wordpress "$WP_VERSION" "$SITE_DIR"
caricomtr_install woocommerce "$WC_VERSION" "$SITE_DIR/wp-content/plugins/woocommerce"
caricomtr_link_plugin "$SITE_DIR"

mkdir -p "$SITE_DIR/wp-content/mu-plugins"
cat > "$SITE_DIR/wp-content/mu-plugins/caricomtr-test-site.php" <<'PHP'
<?php
/**
 * Plugin Name: Test site (written by install-wp-site.sh)
 * Description: No mail leaves a test site (there is no mail server; wp_mail() would only log failures).
 */
add_filter( 'pre_wp_mail', '__return_false' );
PHP

if [ "$CREATE_DB" = 1 ]; then
  caricomtr_create_database "$DB_HOST" "$DB_USER" "${WP_SITE_DB_PASSWORD:-}" "$DB_NAME"
fi

# wp-config.php, written by PHP so that every value is a correctly quoted PHP string; the salts are made once per
# site and kept in wp-salts.php, so that a re-run does not log everyone out.
CARICOMTR_AGENT_SECRET="${CARICOMTR_AGENT_SECRET:-}" WP_SITE_DB_PASSWORD="${WP_SITE_DB_PASSWORD:-}" php -r '
  [, $dir, $url, $name, $user, $host, $prefix, $agent_url, $site_id, $cron] = $argv;
  $salts = $dir . "/wp-salts.php";
  if (!is_file($salts)) {
    $lines = "<?php\n";
    foreach (["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"] as $key) {
      $lines .= "define( " . var_export($key, true) . ", " . var_export(bin2hex(random_bytes(32)), true) . " );\n";
    }
    file_put_contents($salts, $lines);
    chmod($salts, 0600);
  }
  $c = "<?php\n// Written by wp-bridge-plugin/bin/install-wp-site.sh; rewritten on every run.\n";
  $define = function ($name, $value) use (&$c) { $c .= "define( " . var_export($name, true) . ", " . var_export($value, true) . " );\n"; };
  $define("DB_NAME", $name);
  $define("DB_USER", $user);
  $define("DB_PASSWORD", getenv("WP_SITE_DB_PASSWORD"));
  $define("DB_HOST", $host);
  $define("DB_CHARSET", "utf8mb4");
  $define("DB_COLLATE", "");
  $c .= "\$table_prefix = " . var_export($prefix, true) . ";\n";
  $c .= "require __DIR__ . \"/wp-salts.php\";\n";
  $define("WP_HOME", $url);
  $define("WP_SITEURL", $url);
  $define("WP_ENVIRONMENT_TYPE", "local");
  $define("WP_DEBUG", true);
  $define("WP_DEBUG_LOG", $dir . "/wp-content/debug.log");
  $define("WP_DEBUG_DISPLAY", false);
  $define("WP_HTTP_BLOCK_EXTERNAL", true);
  $define("WP_ACCESSIBLE_HOSTS", "127.0.0.1");
  $define("AUTOMATIC_UPDATER_DISABLED", true);
  $define("WP_AUTO_UPDATE_CORE", false);
  $define("DISALLOW_FILE_MODS", true);
  if ($cron !== "1") { $define("DISABLE_WP_CRON", true); }
  if ($agent_url !== "") {
    $define("CARICOMTR_AGENT_URL", $agent_url);
    if ($site_id !== "") { $define("CARICOMTR_SITE_ID", $site_id); }
    if (getenv("CARICOMTR_AGENT_SECRET") !== "") { $define("CARICOMTR_AGENT_SECRET", getenv("CARICOMTR_AGENT_SECRET")); }
  }
  $c .= "if ( ! defined( \"ABSPATH\" ) ) {\n\tdefine( \"ABSPATH\", __DIR__ . \"/\" );\n}\nrequire_once ABSPATH . \"wp-settings.php\";\n";
  file_put_contents($dir . "/wp-config.php.tmp", $c);
  chmod($dir . "/wp-config.php.tmp", 0600);
  rename($dir . "/wp-config.php.tmp", $dir . "/wp-config.php");
' "$SITE_DIR" "$SITE_URL" "$DB_NAME" "$DB_USER" "$DB_HOST" "$PREFIX" "$AGENT_URL" "$SITE_ID" "$WP_CRON"

export CARICOMTR_SITE_DIR="$SITE_DIR" CARICOMTR_SITE_URL="$SITE_URL" CARICOMTR_SITE_STORAGE="$STORAGE"
export CARICOMTR_SITE_ORDERS="$ORDERS" CARICOMTR_SITE_SKIP_PLUGIN="$SKIP_PLUGIN" CARICOMTR_SITE_TITLE="$TITLE"
export CARICOMTR_SITE_ADMIN_USER="$ADMIN_USER" CARICOMTR_SITE_ADMIN_EMAIL="$ADMIN_EMAIL"
export CARICOMTR_SITE_ADMIN_PASSWORD="${WP_SITE_ADMIN_PASSWORD:-admin-pass}"
SETUP="$(dirname "$0")/lib/site-setup.php"
php "$SETUP" install
php "$SETUP" woocommerce
php "$SETUP" configure
caricomtr_log "$STORAGE site ready in $SITE_DIR for $SITE_URL (tables $PREFIX* in $DB_NAME); serve it with: php -S ${SITE_URL#http://} -t $SITE_DIR"
