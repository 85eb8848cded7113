<?php
/**
 * What the plugin needs, and the notice when it is missing.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\Plugin;

use Caricomtr\Bridge\Plugin;
use Caricomtr\Bridge\Requirements;
use Caricomtr\Bridge\Tests\Bridge_Test_Case;

/**
 * WooCommerce missing, too old, or fine. (The "without-woocommerce" suite runs the real thing: WooCommerce
 * inactive for the whole process.)
 */
final class Test_Requirements extends Bridge_Test_Case {

	public function set_up() {
		parent::set_up();
		wp_set_current_user( self::factory()->user->create( array( 'role' => 'administrator' ) ) );
		set_current_screen( 'dashboard' );
	}

	public function tear_down() {
		set_current_screen( 'front' );
		parent::tear_down();
	}

	public function test_the_active_woocommerce_meets_them(): void {
		$requirements = new Requirements();
		$this->assertSame( WC_VERSION, $requirements->woocommerce_version() );
		$this->assertTrue( $requirements->met() );
		$this->assertSame( '', $requirements->problem() );
		$this->assertSame( '', $this->notices_of( new Plugin( Plugin::instance()->file(), $requirements ) ) );
	}

	public function test_woocommerce_inactive_shows_a_notice_and_starts_nothing(): void {
		$plugin  = new Plugin( Plugin::instance()->file(), new Requirements( '__return_null' ) );
		$notices = $this->notices_of( $plugin );
		$this->assertFalse( $plugin->is_running() );
		$this->assertStringContainsString( 'class="notice notice-error caricomtr-requirements"', $notices );
		$this->assertStringContainsString( 'needs WooCommerce 5.0 or newer, installed and active', $notices );
	}

	public function test_woocommerce_too_old_shows_the_version_found(): void {
		$plugin = new Plugin(
			Plugin::instance()->file(),
			new Requirements(
				function () {
					return '4.9.2';
				}
			)
		);
		$this->assertStringContainsString( 'this site runs WooCommerce 4.9.2', $this->notices_of( $plugin ) );
		$this->assertFalse( $plugin->is_running() );
	}

	public function test_the_notice_is_for_those_who_can_activate_plugins_only(): void {
		wp_set_current_user( self::factory()->user->create( array( 'role' => 'shop_manager' ) ) );
		$this->assertSame( '', $this->notices_of( new Plugin( Plugin::instance()->file(), new Requirements( '__return_null' ) ) ) );
	}

	public function test_the_notice_is_escaped(): void {
		$plugin  = new Plugin(
			Plugin::instance()->file(),
			new Requirements(
				function () {
					return '<script>1</script>';
				}
			)
		);
		$notices = $this->notices_of( $plugin );
		$this->assertStringNotContainsString( '<script>', $notices );
		$this->assertStringContainsString( '&lt;script&gt;', $notices );
	}

	/**
	 * What a fresh plugin instance prints on admin_notices after starting, its hooks removed afterwards.
	 *
	 * @param Plugin $plugin The plugin.
	 */
	private function notices_of( Plugin $plugin ): string {
		global $wp_filter;
		$saved = isset( $wp_filter['admin_notices'] ) ? clone $wp_filter['admin_notices'] : null;
		remove_all_actions( 'admin_notices' );
		$plugin->start();
		ob_start();
		do_action( 'admin_notices' );
		$printed = (string) ob_get_clean();
		if ( null === $saved ) {
			unset( $wp_filter['admin_notices'] );
		} else {
			$wp_filter['admin_notices'] = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restores what the test replaced.
		}
		return $printed;
	}
}
