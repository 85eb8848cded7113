<?php
/**
 * The signed client against the real agent process.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\Agent;

use Caricomtr\Bridge\Agent\Client;
use Caricomtr\Bridge\Agent\Reachability;
use Caricomtr\Bridge\Tests\Bridge_Test_Case;
use Caricomtr\Bridge\Tests\Test_Env;
use WP_Error;

/**
 * Signing accepted by the agent, its refusals and errors as WP_Error, the remembered "unreachable" state.
 */
final class Test_Client extends Bridge_Test_Case {
	/**
	 * The HTTP requests WordPress was asked to make: [url, args].
	 *
	 * @var array<int, array{0: string, 1: array<string, mixed>}>
	 */
	private $requests = array();

	public function set_up() {
		parent::set_up();
		$this->require_agent();
		$this->requests = array();
		add_filter( 'pre_http_request', array( $this, 'record_request' ), 10, 3 );
	}

	public function tear_down() {
		remove_filter( 'pre_http_request', array( $this, 'record_request' ), 10 );
		parent::tear_down();
	}

	/**
	 * Records a request and lets it go on.
	 *
	 * @param false|array $preempt Whether to preempt the request.
	 * @param array       $args    Its arguments.
	 * @param string      $url     Its URL.
	 * @return false|array
	 */
	public function record_request( $preempt, $args, $url ) {
		$this->requests[] = array( $url, $args );
		return $preempt;
	}

	public function test_a_signed_get_is_accepted_by_the_agent(): void {
		$client = Test_Env::client();
		$answer = $client->get( $client->site_path( '/settings' ) );
		$this->assertIsArray( $answer, $this->describe( $answer ) );
		$this->assertSame( 'processing,completed', $answer['settings']['trigger_statuses'] );
		$this->assertSame( substr( Test_Env::get( 'CARICOMTR_TEST_FIRMA_KODU' ), 0, 2 ) . '****', $answer['settings']['firma_kodu'] );

		$this->assertCount( 1, $this->requests );
		list( $url, $args ) = $this->requests[0];
		$this->assertSame( Test_Env::agent_url() . '/v1/sites/' . Test_Env::site_id() . '/settings', $url );
		$this->assertSame( 'GET', $args['method'] );
		$this->assertSame( 0, $args['redirection'], 'redirects are never followed' );
		$this->assertLessThanOrEqual( 3, $args['timeout'] );
		$this->assertSame( Test_Env::site_id(), $args['headers']['X-Caricomtr-Site'] );
		$this->assertArrayNotHasKey( 'Content-Type', $args['headers'], 'no body, no content type' );
	}

	public function test_each_request_has_its_own_nonce(): void {
		$client = Test_Env::client();
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertIsArray( $client->get( $client->site_path( '/settings' ) ), 'not refused as replayed' );
		}
		$nonces = array_map(
			function ( $request ) {
				return $request[1]['headers']['X-Caricomtr-Nonce'];
			},
			$this->requests
		);
		$this->assertCount( 3, array_unique( $nonces ) );
	}

	public function test_a_signed_post_with_a_json_body_is_accepted(): void {
		$client = Test_Env::client();
		$answer = $client->post( $client->site_path( '/orders/notify' ), array( 'order_ids' => array( 987654321 ) ) );
		$this->assertIsArray( $answer, $this->describe( $answer ) );
		$this->assertSame( 'not_found', $answer['results'][0]['outcome'] );
		$this->assertSame( '{"order_ids":[987654321]}', $this->requests[0][1]['body'] );
		$this->assertSame( 'application/json; charset=utf-8', $this->requests[0][1]['headers']['Content-Type'] );
	}

	public function test_an_empty_body_is_sent_as_the_empty_object(): void {
		$client = Test_Env::client();
		$answer = $client->post( $client->site_path( '/connection-test' ) );
		$this->assertIsArray( $answer, $this->describe( $answer ) );
		$this->assertArrayHasKey( 'ok', $answer );
		$this->assertSame( '{}', $this->requests[0][1]['body'] );
	}

	public function test_a_percent_encoded_query_reaches_the_agent_byte_for_byte(): void {
		$client = Test_Env::client();
		// ids=1,2 is sent as ids=1%2C2; search=çay as search=%C3%A7ay. The agent checks the signature over the
		// target it received, so any re-encoding on the way (WordPress's HTTP API, Requests' IRI handling) would
		// be refused as bad_signature.
		$states = $client->get( $client->site_path( '/orders/states' ), array( 'ids' => array( 1, 2 ) ) );
		$this->assertIsArray( $states, $this->describe( $states ) );
		$this->assertSame( 'none', $states['states']['1']['state'] );
		$this->assertSame( '', $states['states']['1']['invoice_number'], 'every state has the same keys' );
		$this->assertStringEndsWith( '/orders/states?ids=1%2C2', $this->requests[0][0] );

		$logs = $client->get(
			$client->site_path( '/logs' ),
			array(
				'search'   => 'çay & "süt"',
				'per_page' => 1,
			)
		);
		$this->assertIsArray( $logs, $this->describe( $logs ) );
		$this->assertStringEndsWith( '/logs?search=%C3%A7ay%20%26%20%22s%C3%BCt%22&per_page=1', $this->requests[1][0] );
	}

	public function test_a_wrong_secret_is_refused_as_bad_signature(): void {
		$client = new Client( Test_Env::agent_url(), Test_Env::site_id(), str_repeat( 'w', 48 ) );
		$error  = $client->get( $client->site_path( '/settings' ) );
		$this->assert_agent_error( $error, 'bad_signature', 401 );
		$this->assertStringContainsString( 'secret does not match', $error->get_error_message() );
		$this->assertSame( 'The signature does not match the request.', $error->get_error_data()['agent_message'] );
		$this->assertNull( $client->reachability()->down(), 'a refusal is an answer: the agent is reachable' );
	}

	public function test_an_unknown_site_is_refused(): void {
		$client = new Client( Test_Env::agent_url(), 'no-such-site', Test_Env::secret() );
		$this->assert_agent_error( $client->get( $client->site_path( '/settings' ) ), 'unknown_site', 401 );
	}

	public function test_another_sites_path_is_refused_as_wrong_site(): void {
		$client = Test_Env::client();
		$this->assert_agent_error( $client->get( '/v1/sites/another-site/settings' ), 'wrong_site', 403 );
	}

	public function test_field_errors_come_back_in_the_error_data(): void {
		$client = Test_Env::client();
		$error  = $client->put(
			$client->site_path( '/settings' ),
			array(
				'settings' => array(
					'invoice_series' => 'toolong!',
					'retention_days' => '0',
				),
			)
		);
		$this->assert_agent_error( $error, 'invalid_settings', 400 );
		$fields = wp_list_pluck( $error->get_error_data()['fields'], 'field' );
		sort( $fields );
		$this->assertSame( array( 'invoice_series', 'retention_days' ), $fields );
		$this->assertSame( 'some settings are invalid', $error->get_error_message() );
	}

	public function test_nothing_is_sent_before_the_connection_is_set_up(): void {
		foreach ( array( new Client( Test_Env::agent_url(), '', Test_Env::secret() ), new Client( Test_Env::agent_url(), Test_Env::site_id(), '' ), new Client( 'ftp://127.0.0.1', Test_Env::site_id(), Test_Env::secret() ) ) as $client ) {
			$this->assert_agent_error( $client->get( '/v1/sites/x/settings' ), 'caricomtr_not_configured', 0 );
		}
		$this->assertSame( array(), $this->requests );
	}

	public function test_an_agent_that_does_not_answer_is_remembered_and_not_waited_for_again(): void {
		$client = new Client( 'http://127.0.0.1:' . self::closed_port(), Test_Env::site_id(), Test_Env::secret() );
		$first  = $client->get( $client->site_path( '/settings' ) );
		$this->assert_agent_error( $first, 'caricomtr_agent_unreachable', 0 );
		$this->assertFalse( $first->get_error_data()['cached'] );
		$this->assertCount( 1, $this->requests );

		$started = microtime( true );
		$second  = $client->get( $client->site_path( '/dashboard' ) );
		$this->assertLessThan( 0.05, microtime( true ) - $started, 'answered at once' );
		$this->assert_agent_error( $second, 'caricomtr_agent_unreachable', 0 );
		$this->assertTrue( $second->get_error_data()['cached'] );
		$this->assertCount( 1, $this->requests, 'no second HTTP request' );

		$this->assert_agent_error( $client->get( $client->site_path( '/settings' ), array(), array( 'retry_unreachable' => true ) ), 'caricomtr_agent_unreachable', 0 );
		$this->assertCount( 2, $this->requests, 'retry_unreachable calls all the same' );
	}

	public function test_a_successful_retry_forgets_the_unreachable_state(): void {
		$client = Test_Env::client();
		$client->reachability()->mark_down( 'Connection refused' );
		$this->assert_agent_error( $client->get( $client->site_path( '/settings' ) ), 'caricomtr_agent_unreachable', 0 );
		$this->assertSame( array(), $this->requests );

		$this->assertIsArray( $client->get( $client->site_path( '/settings' ), array(), array( 'retry_unreachable' => true ) ) );
		$this->assertNull( $client->reachability()->down() );
		$this->assertIsArray( $client->get( $client->site_path( '/settings' ) ) );
	}

	public function test_the_unreachable_state_is_kept_per_agent_url_for_a_short_while(): void {
		$ttl = null;
		add_filter(
			'set_transient_caricomtr_agent_down_' . md5( 'http://127.0.0.1:1' ),
			function ( $value, $expiration ) use ( &$ttl ) {
				$ttl = $expiration;
				return $value;
			},
			10,
			2
		);
		( new Reachability( 'http://127.0.0.1:1' ) )->mark_down( 'x' );
		$this->assertSame( Reachability::TTL, $ttl );
		$this->assertNotNull( ( new Reachability( 'http://127.0.0.1:1' ) )->down() );
		$this->assertNull( ( new Reachability( 'http://127.0.0.1:2' ) )->down() );
	}

	public function test_a_timeout_can_be_chosen_per_call(): void {
		$client = Test_Env::client();
		$client->get( $client->site_path( '/settings' ), array(), array( 'timeout' => 0.5 ) );
		$this->assertSame( 0.5, $this->requests[0][1]['timeout'] );
	}

	public function test_an_answer_that_is_not_the_agents_is_a_bad_response(): void {
		add_filter(
			'pre_http_request',
			function () {
				return array(
					'headers'  => array(),
					'body'     => '<html>502 Bad Gateway</html>',
					'response' => array(
						'code'    => 502,
						'message' => 'Bad Gateway',
					),
					'cookies'  => array(),
					'filename' => null,
				);
			},
			20
		);
		$client = Test_Env::client();
		$this->assert_agent_error( $client->get( $client->site_path( '/settings' ) ), 'caricomtr_bad_response', 502 );
		$this->assertNull( $client->reachability()->down() );
	}

	/**
	 * Asserts an error of the agent's shape.
	 *
	 * @param mixed  $actual The client's answer.
	 * @param string $code   The expected code.
	 * @param int    $status The expected HTTP status (0: none).
	 */
	private function assert_agent_error( $actual, string $code, int $status ): void {
		$this->assertInstanceOf( WP_Error::class, $actual, 'an error: ' . wp_json_encode( $actual ) );
		$this->assertSame( $code, $actual->get_error_code(), $actual->get_error_message() );
		$this->assertSame( $status, $actual->get_error_data()['status'] );
	}

	/**
	 * An answer for a failure message.
	 *
	 * @param mixed $answer The client's answer.
	 */
	private function describe( $answer ): string {
		return $answer instanceof WP_Error ? $answer->get_error_code() . ': ' . $answer->get_error_message() : (string) wp_json_encode( $answer );
	}

	/**
	 * A port on which nothing listens.
	 */
	private static function closed_port(): int {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		$name   = stream_socket_get_name( $socket, false );
		fclose( $socket ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a socket, not a file.
		return (int) substr( $name, strrpos( $name, ':' ) + 1 );
	}
}
