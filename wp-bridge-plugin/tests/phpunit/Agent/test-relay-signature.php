<?php
/**
 * The verifier accepts what the real agent signs.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\Agent;

use Caricomtr\Bridge\Agent\Verifier;
use Caricomtr\Bridge\Tests\Agent_Visible_Test_Case;
use Caricomtr\Bridge\Tests\Sandbox;
use Caricomtr\Bridge\Tests\Test_Env;

/**
 * The agent's own signer (Java) against the bridge's verifier (PHP), on the wire: the test registers a relay hook
 * whose callback URL is a socket it listens on, syncs an order, takes the agent's call, verifies it as the relay
 * route will, and answers the filter; the invoice carries the filtered series.
 */
final class Test_Relay_Signature extends Agent_Visible_Test_Case {
	/**
	 * The socket the agent calls.
	 *
	 * @var resource|null
	 */
	private $server;

	public function tear_down() {
		if ( Test_Env::has_agent() ) {
			$client = Test_Env::client();
			$client->put(
				$client->site_path( '/hooks' ),
				array(
					'filters' => array(),
					'actions' => array(),
				)
			);
		}
		if ( is_resource( $this->server ) ) {
			fclose( $this->server ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a socket, not a file.
		}
		parent::tear_down();
	}

	public function test_the_agents_relay_call_verifies_and_its_answer_is_applied(): void {
		$this->server = stream_socket_server( 'tcp://127.0.0.1:0', $errno, $errstr );
		$this->assertIsResource( $this->server, $errstr );
		$name   = stream_socket_get_name( $this->server, false );
		$target = '/index.php?rest_route=%2Fcaricomtr%2Fv1%2Frelay';
		$client = Test_Env::client();
		$stored = $client->put(
			$client->site_path( '/hooks' ),
			array(
				'callback_url' => 'http://' . $name . $target,
				'filters'      => array( 'caricomtr_invoice_serie' ),
				'actions'      => array(),
			)
		);
		$this->assertIsArray( $stored, is_wp_error( $stored ) ? $stored->get_error_message() : '' );

		$order  = $this->create_order( 'processing' );
		$queued = $client->post( $client->site_path( '/orders/sync' ), array( 'order_ids' => array( $order->get_id() ) ) );
		$this->assertIsArray( $queued, is_wp_error( $queued ) ? $queued->get_error_message() : '' );

		$call = $this->accept_call();
		$this->assertSame( 'POST', $call['method'] );
		$this->assertSame( $target, $call['target'] );
		$verifier = new Verifier( Test_Env::site_id(), Test_Env::secret() );
		$verified = $verifier->verify( $call['method'], $call['target'], $call['headers'], $call['body'] );
		$this->assertTrue( $verified, is_wp_error( $verified ) ? $verified->get_error_code() . ': ' . $verified->get_error_message() : '' );
		$request = json_decode( $call['body'], true );
		$this->assertSame( 'caricomtr_invoice_serie', $request['hook'] );
		$this->assertSame( $order->get_id(), $request['args']['order_id'] );
		$this->assertSame( 'WOO', $request['args']['value'] );
		$this->answer( $call['connection'], '{"value":"RLY"}' );

		$this->assert_refused_with( 'replayed', $verifier->verify( $call['method'], $call['target'], $call['headers'], $call['body'] ) );
		$other = new Verifier( Test_Env::site_id(), str_repeat( 'o', 48 ) );
		$this->assert_refused_with( 'bad_signature', $other->verify( $call['method'], $call['target'], $call['headers'], $call['body'] ) );

		$deadline = microtime( true ) + 30;
		do {
			$invoices = Sandbox::invoices_of_order( $order->get_order_number() );
			if ( $invoices ) {
				break;
			}
			usleep( 100000 );
		} while ( microtime( true ) < $deadline );
		$this->assertCount( 1, $invoices, 'the order was invoiced' );
		$this->assertSame( 'RLY', $invoices[0]['seri_no'], 'the relay\'s answer was applied' );
	}

	/**
	 * Takes the agent's next call on the socket: request line, headers and body.
	 *
	 * @return array{connection: resource, method: string, target: string, headers: array<string, string>, body: string}
	 */
	private function accept_call(): array {
		$connection = stream_socket_accept( $this->server, 20 );
		$this->assertIsResource( $connection, 'the agent called the relay within 20 s' );
		stream_set_timeout( $connection, 5 );
		$request_line = (string) fgets( $connection );
		$headers      = array();
		$line         = fgets( $connection );
		while ( false !== $line && "\r\n" !== $line ) {
			list( $header, $value )           = explode( ':', $line, 2 );
			$headers[ strtolower( $header ) ] = trim( $value );
			$line                             = fgets( $connection );
		}
		$this->assertSame( "\r\n", $line, 'the request head ends' );
		list( $method, $target ) = explode( ' ', $request_line );
		$length                  = isset( $headers['content-length'] ) ? (int) $headers['content-length'] : 0;
		$body                    = $length > 0 ? (string) stream_get_contents( $connection, $length ) : '';
		$this->assertSame( $length, strlen( $body ), 'the whole body arrived' );
		return array(
			'connection' => $connection,
			'method'     => $method,
			'target'     => $target,
			'headers'    => $headers,
			'body'       => $body,
		);
	}

	/**
	 * Answers a filter call with 200 and a JSON body, and closes the connection.
	 *
	 * @param resource $connection The agent's connection.
	 * @param string   $json       The answer.
	 */
	private function answer( $connection, string $json ): void {
		fwrite( $connection, "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " . strlen( $json ) . "\r\nConnection: close\r\n\r\n" . $json ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite -- a socket, not a file.
		fclose( $connection ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a socket, not a file.
	}

	/**
	 * Asserts a refusal's code.
	 *
	 * @param string $code   The code.
	 * @param mixed  $actual What the verifier returned.
	 */
	private function assert_refused_with( string $code, $actual ): void {
		$this->assertInstanceOf( \WP_Error::class, $actual );
		$this->assertSame( $code, $actual->get_error_code() );
	}
}
