<?php
/**
 * The plugin with WooCommerce inactive: an admin notice, and nothing broken.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\WithoutWooCommerce;

use Caricomtr\Bridge\Plugin;
use Caricomtr\Bridge\Tests\Test_Env;
use WP_UnitTestCase;

/**
 * Runs in a WordPress where this plugin is active and WooCommerce is not (CARICOMTR_TEST_WOOCOMMERCE=inactive):
 * the plugin loads, starts nothing, tells administrators why, and breaks nothing.
 */
final class Test_WooCommerce_Inactive extends WP_UnitTestCase {

	public function set_up() {
		parent::set_up();
		if ( class_exists( 'WooCommerce', false ) ) {
			$this->markTestSkipped( 'SKIPPED: runs with WooCommerce inactive only (CARICOMTR_TEST_WOOCOMMERCE=inactive, phpunit --testsuite without-woocommerce)' );
		}
	}

	public function tear_down() {
		set_current_screen( 'front' );
		parent::tear_down();
	}

	public function test_the_plugin_loads_but_starts_nothing(): void {
		$this->assertSame( array( 'cari-com-tr-integration-woocommerce/cari-com-tr-integration-woocommerce.php' ), get_option( 'active_plugins' ) );
		$this->assertFalse( defined( 'WC_VERSION' ) );
		$plugin = Plugin::instance();
		$this->assertInstanceOf( Plugin::class, $plugin );
		$this->assertFalse( $plugin->is_running() );
		$this->assertSame( 0, did_action( 'caricomtr_bridge_started' ) );
		$this->assertSame( 0, did_action( 'before_woocommerce_init' ) );
		$this->assertNull( $plugin->requirements()->woocommerce_version() );
	}

	public function test_loading_raised_no_notice_warning_or_doing_it_wrong_of_the_plugin(): void {
		$this->assertSame( array(), $GLOBALS['caricomtr_problems_while_loading'] );
	}

	public function test_administrators_see_why_on_every_admin_screen(): void {
		wp_set_current_user( self::factory()->user->create( array( 'role' => 'administrator' ) ) );
		set_current_screen( 'plugins' );
		// plugins_loaded ran before any screen existed; run the start again as an admin request would.
		remove_all_actions( 'admin_notices' );
		Plugin::instance()->start();
		ob_start();
		do_action( 'admin_notices' );
		$notices = (string) ob_get_clean();
		$this->assertStringContainsString( '<div class="notice notice-error caricomtr-requirements"><p>', $notices );
		$this->assertStringContainsString( 'Cari.com.tr Integration for WooCommerce needs WooCommerce 5.0 or newer, installed and active. Until then it does nothing.', $notices );
		$this->assertFalse( Plugin::instance()->is_running() );
	}

	public function test_the_front_end_gets_no_notice_and_no_hook_of_the_plugin(): void {
		set_current_screen( 'front' );
		remove_all_actions( 'admin_notices' );
		Plugin::instance()->start();
		$this->assertFalse( has_action( 'admin_notices' ) );
	}

	public function test_the_agent_client_works_without_woocommerce(): void {
		if ( ! Test_Env::has_agent() ) {
			$this->markTestSkipped( Test_Env::no_agent_reason() );
		}
		$client = Test_Env::client();
		$answer = $client->get( $client->site_path( '/settings' ) );
		$this->assertIsArray( $answer, is_wp_error( $answer ) ? $answer->get_error_message() : '' );
		$this->assertArrayHasKey( 'settings', $answer );
	}
}
