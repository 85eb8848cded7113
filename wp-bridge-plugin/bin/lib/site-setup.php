<?php
/**
 * The PHP half of bin/install-wp-site.sh: one step per process, since WordPress must be installed before it loads
 * normally and WooCommerce activated before its API is there.
 *
 *   php site-setup.php install        wp_install() unless the site is installed
 *   php site-setup.php woocommerce    activates WooCommerce unless active
 *   php site-setup.php configure      settings, order storage, sample orders; the plugin unless skipped
 *
 * Parameters come from the environment (CARICOMTR_SITE_*), set by the shell script. Every step does only what is
 * missing, so a re-run is quick.
 *
 * @package Caricomtr\Bridge
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput -- a command-line tool: its output is a terminal, not a page.

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

$caricomtr_step = isset( $argv[1] ) ? $argv[1] : '';
$caricomtr_dir  = (string) getenv( 'CARICOMTR_SITE_DIR' );

/**
 * Prints a line of progress.
 *
 * @param string $message What was done.
 */
function caricomtr_site_log( $message ) {
	fwrite( STDERR, '[install-wp-site.sh] ' . $message . "\n" );
}

/**
 * Stops with an error.
 *
 * @param string $message What went wrong.
 */
function caricomtr_site_fail( $message ) {
	fwrite( STDERR, '[install-wp-site.sh] ERROR: ' . $message . "\n" );
	exit( 1 );
}

$caricomtr_url          = caricomtr_parse_url( (string) getenv( 'CARICOMTR_SITE_URL' ) );
$_SERVER['HTTP_HOST']   = $caricomtr_url['host'] . ( isset( $caricomtr_url['port'] ) ? ':' . $caricomtr_url['port'] : '' );
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = $caricomtr_url['host'];

/**
 * `parse_url()` before WordPress is loaded.
 *
 * @param string $site_url The site's URL.
 * @return array<string, mixed>
 */
function caricomtr_parse_url( $site_url ) {
	$parts = parse_url( $site_url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
	if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
		caricomtr_site_fail( 'CARICOMTR_SITE_URL is not a URL: ' . $site_url );
	}
	return $parts;
}

if ( 'install' === $caricomtr_step ) {
	define( 'WP_INSTALLING', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WordPress's own: install before loading normally.
	require $caricomtr_dir . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	if ( is_blog_installed() ) {
		exit( 0 );
	}
	$caricomtr_result = wp_install(
		(string) getenv( 'CARICOMTR_SITE_TITLE' ),
		(string) getenv( 'CARICOMTR_SITE_ADMIN_USER' ),
		(string) getenv( 'CARICOMTR_SITE_ADMIN_EMAIL' ),
		false,
		'',
		(string) getenv( 'CARICOMTR_SITE_ADMIN_PASSWORD' )
	);
	if ( empty( $caricomtr_result['user_id'] ) ) {
		caricomtr_site_fail( 'wp_install() created no user' );
	}
	// php -S does no URL rewriting: plain permalinks.
	update_option( 'permalink_structure', '' );
	// The admin bar's avatar is the only request a wp-admin page makes to another host.
	update_option( 'show_avatars', '0' );
	caricomtr_site_log( 'WordPress installed' );
	exit( 0 );
}

require $caricomtr_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( 'woocommerce' === $caricomtr_step ) {
	if ( ! is_plugin_active( 'woocommerce/woocommerce.php' ) ) {
		$caricomtr_result = activate_plugin( 'woocommerce/woocommerce.php' );
		if ( is_wp_error( $caricomtr_result ) ) {
			caricomtr_site_fail( 'WooCommerce: ' . $caricomtr_result->get_error_message() );
		}
		caricomtr_site_log( 'WooCommerce activated' );
	}
	exit( 0 );
}

if ( 'configure' !== $caricomtr_step ) {
	caricomtr_site_fail( 'unknown step ' . $caricomtr_step );
}

if ( ! function_exists( 'wc_get_container' ) ) {
	caricomtr_site_fail( 'WooCommerce is not loaded' );
}

// What the first wp-admin load would otherwise do (see ../shared/wordpress/README.md, Gotchas): no HPOS switch of
// its own, no "coming soon" shop, no redirect to the onboarding wizard.
update_option( 'woocommerce_newly_installed', 'no' );
update_option( 'woocommerce_coming_soon', 'no' );
update_option( 'woocommerce_store_pages_only', 'no' );
delete_transient( '_wc_activation_redirect' );
update_option( 'woocommerce_onboarding_profile', array( 'skipped' => true ) );
update_option( 'woocommerce_task_list_hidden', 'yes' );
update_option( 'woocommerce_task_list_reminder_bar_hidden', 'yes' );
update_option( 'woocommerce_show_marketplace_suggestions', 'no' );
update_option( 'woocommerce_allow_tracking', 'no' );
update_option( 'woocommerce_currency', 'TRY' );
update_option( 'woocommerce_default_country', 'TR:TR34' );
update_option( 'woocommerce_store_address', 'Bağdat Caddesi 1' );
update_option( 'woocommerce_store_city', 'İstanbul' );
update_option( 'woocommerce_store_postcode', '34710' );

// Order storage. Switching is refused while orders are out of sync; a site only ever gets the storage it was
// installed with, so the switch happens while it has no orders.
$caricomtr_storage = (string) getenv( 'CARICOMTR_SITE_STORAGE' );
$caricomtr_hpos    = 'hpos' === $caricomtr_storage;
$caricomtr_sync    = wc_get_container()->get( Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer::class );
if ( ! $caricomtr_sync->check_orders_table_exists() ) {
	$caricomtr_sync->create_database_tables();
}
update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'no' );
if ( Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() !== $caricomtr_hpos ) {
	$caricomtr_features = wc_get_container()->get( Automattic\WooCommerce\Internal\Features\FeaturesController::class );
	if ( ! $caricomtr_features->change_feature_enable( 'custom_order_tables', $caricomtr_hpos ) ) {
		caricomtr_site_fail( 'WooCommerce refused to switch the order storage to ' . $caricomtr_storage );
	}
	caricomtr_site_log( 'order storage: ' . $caricomtr_storage );
}
if ( Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() !== $caricomtr_hpos ) {
	caricomtr_site_fail( 'the order storage is not ' . $caricomtr_storage );
}

// Sample orders, made by WooCommerce's own API, so that the order lists are not empty.
$caricomtr_wanted = (int) getenv( 'CARICOMTR_SITE_ORDERS' );
$caricomtr_have   = count(
	wc_get_orders(
		array(
			'limit'  => $caricomtr_wanted,
			'return' => 'ids',
			'status' => array_keys( wc_get_order_statuses() ),
		)
	)
);
if ( $caricomtr_have < $caricomtr_wanted ) {
	$caricomtr_product = new WC_Product_Simple();
	$caricomtr_product->set_name( 'Türk kahvesi 250 g' );
	$caricomtr_product->set_regular_price( '120.00' );
	$caricomtr_product->set_sku( 'KAHVE-250-' . wp_generate_password( 6, false ) );
	$caricomtr_product->save();
	$caricomtr_buyers   = array(
		array( 'Ayşe', 'Yılmaz', 'ayse@example.test', 'Kadıköy' ),
		array( 'Mehmet', 'Öztürk', 'mehmet@example.test', 'Çankaya' ),
		array( 'Zeynep', 'Şahin', 'zeynep@example.test', 'Konak' ),
	);
	$caricomtr_statuses = array( 'processing', 'completed', 'on-hold' );
	for ( $caricomtr_i = $caricomtr_have; $caricomtr_i < $caricomtr_wanted; $caricomtr_i++ ) {
		$caricomtr_buyer = $caricomtr_buyers[ $caricomtr_i % count( $caricomtr_buyers ) ];
		$caricomtr_order = wc_create_order();
		$caricomtr_order->add_product( $caricomtr_product, 1 + $caricomtr_i % 3 );
		$caricomtr_order->set_address(
			array(
				'first_name' => $caricomtr_buyer[0],
				'last_name'  => $caricomtr_buyer[1],
				'email'      => $caricomtr_buyer[2],
				'address_1'  => 'Örnek Sokak ' . ( $caricomtr_i + 1 ),
				'city'       => $caricomtr_buyer[3],
				'country'    => 'TR',
			),
			'billing'
		);
		$caricomtr_order->set_currency( 'TRY' );
		$caricomtr_order->calculate_totals();
		$caricomtr_order->update_status( $caricomtr_statuses[ $caricomtr_i % count( $caricomtr_statuses ) ] );
	}
	caricomtr_site_log( ( $caricomtr_wanted - $caricomtr_have ) . ' sample order(s) created' );
}

$caricomtr_plugin = 'cari-com-tr-integration-woocommerce/cari-com-tr-integration-woocommerce.php';
if ( '1' !== getenv( 'CARICOMTR_SITE_SKIP_PLUGIN' ) && ! is_plugin_active( $caricomtr_plugin ) ) {
	$caricomtr_result = activate_plugin( $caricomtr_plugin );
	if ( is_wp_error( $caricomtr_result ) ) {
		caricomtr_site_fail( 'the plugin: ' . $caricomtr_result->get_error_message() );
	}
	caricomtr_site_log( 'plugin activated' );
}
