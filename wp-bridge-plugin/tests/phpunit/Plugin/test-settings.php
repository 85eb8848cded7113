<?php
/**
 * The connection settings.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\Plugin;

use Caricomtr\Bridge\Settings;
use Caricomtr\Bridge\Tests\Bridge_Test_Case;

/**
 * Stored values, defaults, and the wp-config.php constants that override them.
 */
final class Test_Settings extends Bridge_Test_Case {

	public function test_defaults_before_anything_is_stored(): void {
		$settings = new Settings();
		$this->assertSame( 'http://127.0.0.1:8787', $settings->agent_url() );
		$this->assertSame( 'example.org', $settings->site_id(), 'the home URL\'s host' );
		$this->assertSame( '', $settings->secret() );
		$this->assertFalse( $settings->is_complete() );
	}

	public function test_saved_values_are_sanitised_and_read_back(): void {
		$settings = new Settings();
		$settings->save(
			array(
				'agent_url' => ' http://127.0.0.1:9999/ ',
				'site_id'   => " shop-1\n",
				'secret'    => ' ' . str_repeat( 'k', 40 ) . ' ',
				'unknown'   => 'ignored',
			)
		);
		$this->assertSame( 'http://127.0.0.1:9999', $settings->agent_url() );
		$this->assertSame( 'shop-1', $settings->site_id() );
		$this->assertSame( str_repeat( 'k', 40 ), $settings->secret() );
		$this->assertTrue( $settings->is_complete() );
		$this->assertArrayNotHasKey( 'unknown', get_option( Settings::OPTION ) );
		$this->assertSame( 'no', $this->autoload_of( Settings::OPTION ), 'read on the plugin\'s own screens only' );
	}

	public function test_a_url_that_is_not_http_is_not_stored(): void {
		$settings = new Settings();
		$settings->save( array( 'agent_url' => 'javascript:alert(1)' ) );
		$this->assertSame( 'http://127.0.0.1:8787', $settings->agent_url() );
	}

	public function test_a_short_secret_is_not_complete(): void {
		$settings = new Settings();
		$settings->save(
			array(
				'site_id' => 'shop-1',
				'secret'  => str_repeat( 'k', 31 ),
			)
		);
		$this->assertFalse( $settings->is_complete() );
	}

	public function test_wp_config_constants_override_the_stored_values(): void {
		$stored = new Settings();
		$stored->save(
			array(
				'agent_url' => 'http://127.0.0.1:1111',
				'site_id'   => 'stored-id',
				'secret'    => str_repeat( 's', 40 ),
			)
		);
		$constants = array(
			'CARICOMTR_AGENT_URL'    => 'http://127.0.0.1:2222/',
			'CARICOMTR_SITE_ID'      => 'constant-id',
			'CARICOMTR_AGENT_SECRET' => str_repeat( 'c', 40 ),
		);
		$settings  = new Settings(
			function ( $name ) use ( $constants ) {
				return isset( $constants[ $name ] ) ? $constants[ $name ] : null;
			}
		);
		$this->assertSame( 'http://127.0.0.1:2222', $settings->agent_url() );
		$this->assertSame( 'constant-id', $settings->site_id() );
		$this->assertSame( str_repeat( 'c', 40 ), $settings->secret() );
		foreach ( array( 'agent_url', 'site_id', 'secret' ) as $key ) {
			$this->assertTrue( $settings->is_overridden( $key ), $key );
			$this->assertFalse( $stored->is_overridden( $key ), $key );
		}
		$this->assertSame( 'stored-id', $stored->site_id() );
	}

	public function test_one_constant_overrides_one_setting(): void {
		( new Settings() )->save( array( 'site_id' => 'stored-id' ) );
		$settings = new Settings(
			function ( $name ) {
				return 'CARICOMTR_AGENT_SECRET' === $name ? str_repeat( 'c', 40 ) : null;
			}
		);
		$this->assertSame( 'stored-id', $settings->site_id() );
		$this->assertFalse( $settings->is_overridden( 'site_id' ) );
		$this->assertTrue( $settings->is_overridden( 'secret' ) );
	}

	public function test_site_ids_follow_the_agents_rule(): void {
		foreach ( array( 'shop-1', 'shop.example.com', 'a', 'A_b-9', str_repeat( 'x', 64 ) ) as $valid ) {
			$this->assertTrue( Settings::is_valid_site_id( $valid ), $valid );
		}
		foreach ( array( '', '.hidden', '..', 'has space', 'ünicode', str_repeat( 'x', 65 ), "shop\n" ) as $invalid ) {
			$this->assertFalse( Settings::is_valid_site_id( $invalid ), $invalid );
		}
	}

	/**
	 * The autoload flag of an option.
	 *
	 * @param string $option The option.
	 */
	private function autoload_of( string $option ): string {
		global $wpdb;
		$autoload = (string) $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", $option ) );
		return in_array( $autoload, array( 'no', 'off', 'auto-off' ), true ) ? 'no' : $autoload;
	}
}
