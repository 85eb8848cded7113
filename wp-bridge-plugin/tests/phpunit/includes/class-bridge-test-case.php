<?php
/**
 * The base of the plugin's tests.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests;

use WP_UnitTestCase;

/**
 * A WordPress test (each test in a transaction that is rolled back) with WooCommerce active, and helpers to make
 * orders with WooCommerce's own API.
 */
abstract class Bridge_Test_Case extends WP_UnitTestCase {
	/**
	 * Skips unless WooCommerce is loaded (the "without-woocommerce" suite has its own base).
	 */
	public function set_up() {
		parent::set_up();
		if ( ! class_exists( 'WooCommerce', false ) ) {
			$this->markTestSkipped( 'SKIPPED: needs WooCommerce active (this run has CARICOMTR_TEST_WOOCOMMERCE=inactive)' );
		}
	}

	/**
	 * Skips unless the suite runs against a real agent.
	 */
	protected function require_agent(): void {
		if ( ! Test_Env::has_agent() ) {
			$this->markTestSkipped( Test_Env::no_agent_reason() );
		}
	}

	/**
	 * A simple product.
	 *
	 * @param string $price Regular price, e.g. `12.50`.
	 */
	protected function create_product( string $price = '12.50' ): \WC_Product_Simple {
		$product = new \WC_Product_Simple();
		$product->set_name( 'Widget ' . wp_generate_password( 6, false ) );
		$product->set_regular_price( $price );
		$product->save();
		return $product;
	}

	/**
	 * An order made by WooCommerce's API: a Turkish individual buying `$quantity` of a product, in TRY.
	 *
	 * @param string $status   The status it ends in.
	 * @param int    $quantity How many.
	 */
	protected function create_order( string $status = 'processing', int $quantity = 2 ): \WC_Order {
		$order = wc_create_order();
		$order->add_product( $this->create_product(), $quantity );
		$order->set_address(
			array(
				'first_name' => 'Ada',
				'last_name'  => 'Yılmaz',
				'email'      => 'ada-' . wp_generate_password( 6, false ) . '@example.test',
				'address_1'  => 'Bağdat Caddesi 1',
				'city'       => 'İstanbul',
				'country'    => 'TR',
			),
			'billing'
		);
		$order->set_currency( 'TRY' );
		$order->calculate_totals();
		$order->update_status( $status );
		return wc_get_order( $order->get_id() );
	}
}
