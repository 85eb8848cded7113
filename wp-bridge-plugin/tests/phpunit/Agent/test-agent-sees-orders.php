<?php
/**
 * The agent reads the orders a test made with WooCommerce's API, and invoices them into the sandbox.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\Agent;

use Caricomtr\Bridge\Tests\Agent_Visible_Test_Case;
use Caricomtr\Bridge\Tests\Sandbox;
use Caricomtr\Bridge\Tests\Test_Env;

/**
 * The whole pipeline in the storage of the run: WooCommerce writes the order (HPOS tables or posts), the agent
 * reads it from the same database with the WordPress table prefix, and Cari (the sandbox) receives the invoice.
 */
final class Test_Agent_Sees_Orders extends Agent_Visible_Test_Case {

	public function test_a_manual_sync_invoices_the_order(): void {
		$order  = $this->create_order( 'on-hold', 3 );
		$client = Test_Env::client();
		$answer = $client->post( $client->site_path( '/orders/sync' ), array( 'order_ids' => array( $order->get_id() ) ) );
		$this->assertIsArray( $answer, is_wp_error( $answer ) ? $answer->get_error_message() : '' );
		$this->assertSame( $order->get_id(), $answer['results'][0]['order_id'] );
		$this->assertSame( 'queued', $answer['results'][0]['outcome'], wp_json_encode( $answer ) );

		$state = $this->await_synced( $order->get_id() );
		$this->assertMatchesRegularExpression( '/\AWOO\d{4}0*' . $order->get_id() . '\z/', $state['invoice_number'] );
		$invoices = Sandbox::invoices_of_order( $order->get_order_number() );
		$this->assertCount( 1, $invoices );
		$this->assertSame( $state['invoice_number'], $invoices[0]['fatura_no'] );
		$this->assertSame( wc_format_decimal( $order->get_total(), 2 ), $invoices[0]['genel_toplam'] );
		$this->assertSame( 'TRY', $invoices[0]['para_birimi'] );
	}

	public function test_a_notify_queues_an_order_in_a_trigger_status_only(): void {
		$processing = $this->create_order( 'processing' );
		$pending    = $this->create_order( 'pending' );
		$client     = Test_Env::client();
		$answer     = $client->post( $client->site_path( '/orders/notify' ), array( 'order_ids' => array( $processing->get_id(), $pending->get_id() ) ) );
		$this->assertIsArray( $answer, is_wp_error( $answer ) ? $answer->get_error_message() : '' );
		$outcomes = wp_list_pluck( $answer['results'], 'outcome', 'order_id' );
		$this->assertSame( 'queued', $outcomes[ $processing->get_id() ] );
		$this->assertSame( 'not_in_trigger_status', $outcomes[ $pending->get_id() ] );

		$this->await_synced( $processing->get_id() );
		$this->assertCount( 1, Sandbox::invoices_of_order( $processing->get_order_number() ) );
		$this->assertCount( 0, Sandbox::invoices_of_order( $pending->get_order_number() ) );
	}

	/**
	 * Polls the orders-list endpoint until the order is synced.
	 *
	 * @param int $order_id The order.
	 * @return array<string, mixed> Its state.
	 */
	private function await_synced( int $order_id ): array {
		$client   = Test_Env::client();
		$deadline = microtime( true ) + 30;
		do {
			$states = $client->get( $client->site_path( '/orders/states' ), array( 'ids' => $order_id ) );
			$this->assertIsArray( $states, is_wp_error( $states ) ? $states->get_error_message() : '' );
			$state = $states['states'][ (string) $order_id ];
			if ( 'synced' === $state['state'] ) {
				return $state;
			}
			$this->assertNotContains( $state['state'], array( 'failed', 'needs_review' ), wp_json_encode( $state ) );
			usleep( 100000 );
		} while ( microtime( true ) < $deadline );
		$this->fail( 'order ' . $order_id . ' not synced within 30 s: ' . wp_json_encode( $state ) );
	}
}
