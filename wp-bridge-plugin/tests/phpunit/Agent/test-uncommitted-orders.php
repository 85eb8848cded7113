<?php
/**
 * Why agent tests commit: the rows of an ordinary WordPress test are invisible to the agent.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\Agent;

use Caricomtr\Bridge\Tests\Bridge_Test_Case;
use Caricomtr\Bridge\Tests\Test_Env;

/**
 * `WP_UnitTestCase` wraps each test in a transaction that is rolled back afterwards. The agent reads on its own
 * connection, so it cannot see what such a test wrote: a test that needs the agent to see its orders extends
 * {@see \Caricomtr\Bridge\Tests\Agent_Visible_Test_Case}.
 */
final class Test_Uncommitted_Orders extends Bridge_Test_Case {

	public function test_the_agent_does_not_see_an_order_of_a_rolled_back_test(): void {
		$this->require_agent();
		$order  = $this->create_order( 'processing' );
		$client = Test_Env::client();
		$answer = $client->post( $client->site_path( '/orders/notify' ), array( 'order_id' => $order->get_id() ) );
		$this->assertIsArray( $answer, is_wp_error( $answer ) ? $answer->get_error_message() : '' );
		$this->assertSame( 'not_found', $answer['results'][0]['outcome'] );
	}
}
