<?php
/**
 * The base of tests whose rows the agent must see.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests;

/**
 * A test whose writes are committed at once, for tests in which the agent (another process, on its own database
 * connection) reads what the test made: `WP_UnitTestCase` runs each test in a transaction that is rolled back, so
 * its rows would stay invisible to the agent.
 *
 * Each test ends the transaction the base opened and runs with autocommit on; what it made through
 * {@see Bridge_Test_Case::create_order()} and {@see Bridge_Test_Case::create_product()} is deleted afterwards
 * (other writes must be undone by the test itself). The agent's own tables (`wptests_caricomtr_*`) keep what the
 * agent recorded for those orders: use a fresh order per test, never an order id of another test.
 */
abstract class Agent_Visible_Test_Case extends Bridge_Test_Case {
	/**
	 * Ids of the orders made, deleted in tear_down.
	 *
	 * @var int[]
	 */
	private $created_orders = array();

	/**
	 * Ids of the products made, deleted in tear_down.
	 *
	 * @var int[]
	 */
	private $created_products = array();

	/**
	 * Commits the transaction the base test case opened and turns autocommit on.
	 */
	public function set_up() {
		parent::set_up();
		$this->require_agent();
		global $wpdb;
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'SET autocommit = 1' );
	}

	/**
	 * Deletes what the test made (committed at once, like everything else).
	 */
	public function tear_down() {
		foreach ( $this->created_orders as $id ) {
			$order = wc_get_order( $id );
			if ( $order ) {
				$order->delete( true );
			}
		}
		foreach ( $this->created_products as $id ) {
			$product = wc_get_product( $id );
			if ( $product ) {
				$product->delete( true );
			}
		}
		$this->created_orders   = array();
		$this->created_products = array();
		parent::tear_down();
	}

	/**
	 * A product, deleted after the test.
	 *
	 * @param string $price Regular price.
	 */
	protected function create_product( string $price = '12.50' ): \WC_Product_Simple {
		$product                  = parent::create_product( $price );
		$this->created_products[] = $product->get_id();
		return $product;
	}

	/**
	 * An order, committed, deleted after the test.
	 *
	 * @param string $status   The status it ends in.
	 * @param int    $quantity How many.
	 */
	protected function create_order( string $status = 'processing', int $quantity = 2 ): \WC_Order {
		$order                  = parent::create_order( $status, $quantity );
		$this->created_orders[] = $order->get_id();
		return $order;
	}
}
