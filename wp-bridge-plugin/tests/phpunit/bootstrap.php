<?php
/**
 * Loads WordPress's PHPUnit test library with WooCommerce and this plugin active, as a shop runs them.
 *
 * Environment (the orchestrator, agent/src/test/java/com/caricomtr/agent/wordpress, sets all of it):
 *   WP_TESTS_DIR, WP_CORE_DIR            as bin/install-wp-tests.sh installed them (default: build/tests/...)
 *   WP_TESTS_DB_*, WP_TESTS_TABLE_PREFIX override wp-tests-config.php
 *   CARICOMTR_TEST_STORAGE               hpos (default) or legacy: the order storage WooCommerce uses
 *   CARICOMTR_TEST_WOOCOMMERCE           active (default) or inactive: only this plugin is active
 *   WP_TESTS_SKIP_INSTALL=1              keep the installation of a previous run (the orchestrator prepares each
 *                                        database once, then starts the agent, then runs the tests)
 *   CARICOMTR_TESTS_PREPARE_ONLY=1       install, print "caricomtr: prepared", and stop before any test
 *   CARICOMTR_TEST_AGENT_URL, ...        the agent and sandbox (tests/phpunit/includes/class-test-env.php)
 *
 * @package Caricomtr\Bridge\Tests
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput -- test bootstrap output goes to a terminal.

$caricomtr_plugin_dir  = dirname( __DIR__, 2 );
$caricomtr_build_dir   = $caricomtr_plugin_dir . '/build/tests';
$caricomtr_tests_dir   = getenv( 'WP_TESTS_DIR' ) ? rtrim( getenv( 'WP_TESTS_DIR' ), '/' ) : $caricomtr_build_dir . '/wordpress-tests-lib';
$caricomtr_storage     = getenv( 'CARICOMTR_TEST_STORAGE' ) ? getenv( 'CARICOMTR_TEST_STORAGE' ) : 'hpos';
$caricomtr_woocommerce = 'inactive' !== getenv( 'CARICOMTR_TEST_WOOCOMMERCE' );
$caricomtr_plugin      = 'cari-com-tr-integration-woocommerce/cari-com-tr-integration-woocommerce.php';

if ( ! in_array( $caricomtr_storage, array( 'hpos', 'legacy' ), true ) ) {
	echo 'CARICOMTR_TEST_STORAGE is hpos or legacy, not ' . $caricomtr_storage . PHP_EOL;
	exit( 1 );
}
if ( ! is_file( $caricomtr_tests_dir . '/includes/functions.php' ) ) {
	echo 'The WordPress test library is not in ' . $caricomtr_tests_dir . ': run bin/install-wp-tests.sh first (see README.md).' . PHP_EOL;
	exit( 1 );
}
if ( ! defined( 'WP_TESTS_CONFIG_FILE_PATH' ) ) {
	define( 'WP_TESTS_CONFIG_FILE_PATH', $caricomtr_tests_dir . '/wp-tests-config.php' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- the test library's own setting.
}

require_once $caricomtr_tests_dir . '/includes/functions.php';

// The plugins are active the way a shop has them: listed in active_plugins, loaded by wp-settings.php from
// wp-content/plugins (where bin/install-wp-tests.sh links this plugin), ours first as WordPress sorts them.
$GLOBALS['wp_tests_options'] = array( // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedVariableFound -- the test library's own setting.
	'active_plugins' => $caricomtr_woocommerce ? array( $caricomtr_plugin, 'woocommerce/woocommerce.php' ) : array( $caricomtr_plugin ),
);

tests_add_filter(
	'setup_theme',
	function () use ( $caricomtr_storage, $caricomtr_woocommerce ) {
		if ( ! $caricomtr_woocommerce ) {
			return;
		}
		if ( '1' !== getenv( 'WP_TESTS_SKIP_INSTALL' ) ) {
			// Uninstalling before init makes WooCommerce touch the Action Scheduler early: a notice about this
			// bootstrap, not about the code under test.
			add_filter( 'doing_it_wrong_trigger_error', '__return_false' );
			// The test installer drops WordPress's tables only: WooCommerce's of the previous run go here.
			define( 'WP_UNINSTALL_PLUGIN', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WordPress's, read by WooCommerce's uninstall.php.
			define( 'WC_REMOVE_ALL_DATA', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WooCommerce's: drop its tables too.
			include WP_PLUGIN_DIR . '/woocommerce/uninstall.php';
			WC_Install::install();
			// WooCommerce creates the HPOS tables only when HPOS is on already; inside a test, CREATE TABLE
			// would make temporary tables. Create them now, for real.
			$sync = wc_get_container()->get( Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer::class );
			if ( ! $sync->check_orders_table_exists() ) {
				$sync->create_database_tables();
			}
			update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'no' );
			update_option( 'woocommerce_newly_installed', 'no' );
			update_option( 'woocommerce_currency', 'TRY' );
			update_option( 'woocommerce_default_country', 'TR:TR34' );
			if ( Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() !== ( 'hpos' === $caricomtr_storage ) ) {
				wc_get_container()->get( Automattic\WooCommerce\Internal\Features\FeaturesController::class )
					->change_feature_enable( 'custom_order_tables', 'hpos' === $caricomtr_storage );
			}
			// Reload the roles, with the capabilities WooCommerce just added.
			$GLOBALS['wp_roles'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- forces wp_roles() to read the roles again.
			wp_roles();
			remove_filter( 'doing_it_wrong_trigger_error', '__return_false' );
		}
		if ( Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() !== ( 'hpos' === $caricomtr_storage ) ) {
			echo 'The test database was prepared for another order storage than ' . $caricomtr_storage . '; run once without WP_TESTS_SKIP_INSTALL.' . PHP_EOL;
			exit( 1 );
		}
	},
	// After WooCommerce's own setup_theme callbacks, before init.
	20
);

// What the plugin does wrong while WordPress loads happens before any test runs: record it, for the tests of
// Plugin/test-plugin-loads.php and WithoutWooCommerce/. PHP's own handling goes on as usual.
$GLOBALS['caricomtr_load_problems'] = array();
set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- records the plugin's PHP notices while WordPress loads.
	function ( $level, $message, $file, $line ) use ( $caricomtr_plugin_dir ) {
		if ( 0 === strpos( (string) realpath( $file ), $caricomtr_plugin_dir . '/includes/' ) || 0 === strpos( (string) realpath( $file ), $caricomtr_plugin_dir . '/cari-com-tr' ) ) {
			$GLOBALS['caricomtr_load_problems'][] = "PHP error $level: $message in $file:$line";
		}
		return false;
	}
);
foreach ( array( 'doing_it_wrong_run', 'deprecated_function_run', 'deprecated_argument_run', 'deprecated_hook_run', 'deprecated_file_included' ) as $caricomtr_hook ) {
	tests_add_filter(
		$caricomtr_hook,
		function ( ...$args ) use ( $caricomtr_hook ) {
			$GLOBALS['caricomtr_load_problems'][] = $caricomtr_hook . ': ' . implode( ' | ', array_map( 'strval', array_filter( $args, 'is_scalar' ) ) );
		},
		10,
		3
	);
}

// WooCommerce loads its own translations before init while the bootstrap installs it; that notice is about
// WooCommerce and this bootstrap, not about the plugin, and is kept out of the output while WordPress loads.
$caricomtr_quiet_woocommerce = function ( $trigger, $function_name, $message ) {
	return '_load_textdomain_just_in_time' === $function_name && false !== strpos( $message, '<code>woocommerce</code>' ) ? false : $trigger;
};
tests_add_filter( 'doing_it_wrong_trigger_error', $caricomtr_quiet_woocommerce, 10, 3 );

require $caricomtr_tests_dir . '/includes/bootstrap.php';

remove_filter( 'doing_it_wrong_trigger_error', $caricomtr_quiet_woocommerce, 10 );
restore_error_handler();
$GLOBALS['caricomtr_problems_while_loading'] = array_values(
	array_filter(
		$GLOBALS['caricomtr_load_problems'],
		function ( $problem ) {
			return 0 === strpos( $problem, 'PHP error' ) || false !== stripos( $problem, 'cari-com-tr-integration-woocommerce' ) || false !== stripos( $problem, 'caricomtr' );
		}
	)
);

if ( '1' === getenv( 'CARICOMTR_TESTS_PREPARE_ONLY' ) ) {
	echo 'caricomtr: prepared ' . $caricomtr_storage . ' (WooCommerce ' . ( $caricomtr_woocommerce ? WC_VERSION : 'inactive' ) . ')' . PHP_EOL;
	exit( 0 );
}

require_once __DIR__ . '/includes/class-test-env.php';
require_once __DIR__ . '/includes/class-sandbox.php';
require_once __DIR__ . '/includes/class-bridge-test-case.php';
require_once __DIR__ . '/includes/class-agent-visible-test-case.php';
