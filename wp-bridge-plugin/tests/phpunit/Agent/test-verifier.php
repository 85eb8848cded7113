<?php
/**
 * The verifier of the agent's signed calls into WordPress (the hook relay).
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\Agent;

use Caricomtr\Bridge\Agent\Signer;
use Caricomtr\Bridge\Agent\Verifier;
use Caricomtr\Bridge\Tests\Bridge_Test_Case;
use WP_Error;
use WP_REST_Request;

/**
 * Accepts what the agent signs (the worked example of docs/agent-api.md, which the agent's own signer is tested
 * against), refuses in the agent's order: unsigned, unknown_site, expired, too_large, bad_signature, replayed.
 */
final class Test_Verifier extends Bridge_Test_Case {
	const SITE   = 'shop-1';
	const SECRET = 'docs-example-secret-0123456789abcdefghij';
	const TARGET = '/v1/orders/123/sync?force=1&note=%C3%A7ay';
	const BODY   = '{"order_id":123}';
	const NOW    = 1767225600;

	public function test_the_worked_example_of_the_contract_is_accepted(): void {
		$headers = array(
			'X-Caricomtr-Site'      => 'shop-1',
			'X-Caricomtr-Timestamp' => '1767225600',
			'X-Caricomtr-Nonce'     => 'bm9uY2UtZXhhbXBsZS0wMDE',
			'X-Caricomtr-Signature' => 'v1=eed35e59b2ce6a6b52417165b3de676da4fbfce674feb34180ae0dc0bf912ba3',
		);
		$this->assertTrue( $this->verifier()->verify( 'POST', self::TARGET, $headers, self::BODY ) );
	}

	public function test_a_replayed_nonce_is_refused(): void {
		$headers  = $this->signed();
		$verifier = $this->verifier();
		$this->assertTrue( $verifier->verify( 'POST', self::TARGET, $headers, self::BODY ) );
		$this->assert_refused( 'replayed', $verifier->verify( 'POST', self::TARGET, $headers, self::BODY ) );
		$this->assert_refused( 'replayed', $this->verifier()->verify( 'POST', self::TARGET, $headers, self::BODY ), 'another verifier, the same store' );
	}

	public function test_an_accepted_nonce_is_kept_until_its_timestamp_leaves_the_window(): void {
		$ttl = null;
		add_filter(
			'set_transient_caricomtr_nonce_' . md5( self::SITE . "\nnonce-0123456789abcdef" ),
			function ( $value, $expiration ) use ( &$ttl ) {
				$ttl = $expiration;
				return $value;
			},
			10,
			2
		);
		$this->assertTrue( $this->verifier( self::NOW + 100 )->verify( 'POST', self::TARGET, $this->signed( array(), self::NOW, 'nonce-0123456789abcdef' ), self::BODY ) );
		$this->assertSame( 300 - 100 + 1, $ttl );
	}

	public function test_a_nonce_is_remembered_only_once_the_signature_matched(): void {
		$forged = $this->signed( array( 'X-Caricomtr-Signature' => 'v1=' . str_repeat( '0', 64 ) ) );
		$this->assert_refused( 'bad_signature', $this->verifier()->verify( 'POST', self::TARGET, $forged, self::BODY ) );
		$this->assertTrue( $this->verifier()->verify( 'POST', self::TARGET, $this->signed(), self::BODY ), 'the real request with that nonce still passes' );
	}

	public function test_unsigned_requests_are_refused(): void {
		foreach ( array( 'X-Caricomtr-Site', 'X-Caricomtr-Timestamp', 'X-Caricomtr-Nonce', 'X-Caricomtr-Signature' ) as $missing ) {
			$headers = $this->signed();
			unset( $headers[ $missing ] );
			$this->assert_refused( 'unsigned', $this->verifier()->verify( 'POST', self::TARGET, $headers, self::BODY ), 'without ' . $missing );
		}
		$this->assert_refused( 'unsigned', $this->verifier()->verify( 'POST', self::TARGET, array(), self::BODY ) );
	}

	public function test_malformed_or_repeated_headers_are_unsigned(): void {
		$good      = $this->signed();
		$malformed = array(
			'signature in upper case'     => array( 'X-Caricomtr-Signature' => strtoupper( $good['X-Caricomtr-Signature'] ) ),
			'signature without v1='       => array( 'X-Caricomtr-Signature' => substr( $good['X-Caricomtr-Signature'], 3 ) ),
			'timestamp not digits'        => array( 'X-Caricomtr-Timestamp' => '1767225600.0' ),
			'nonce too short'             => array( 'X-Caricomtr-Nonce' => 'short' ),
			'nonce with other characters' => array( 'X-Caricomtr-Nonce' => 'nonce+0123456789abcdef' ),
			'site id with a space'        => array( 'X-Caricomtr-Site' => 'shop 1' ),
			'header repeated'             => array( 'X-Caricomtr-Nonce' => array( 'nonce-0123456789abcdef', 'nonce-0123456789abcdeg' ) ),
		);
		foreach ( $malformed as $what => $change ) {
			$this->assert_refused( 'unsigned', $this->verifier()->verify( 'POST', self::TARGET, array_merge( $good, $change ), self::BODY ), $what );
		}
		$twice                          = $good;
		$twice['x_caricomtr_timestamp'] = $good['X-Caricomtr-Timestamp'];
		$this->assert_refused( 'unsigned', $this->verifier()->verify( 'POST', self::TARGET, $twice, self::BODY ), 'the same header under two spellings' );
	}

	public function test_another_site_or_a_site_without_a_secret_is_unknown(): void {
		$this->assert_refused( 'unknown_site', $this->verifier()->verify( 'POST', self::TARGET, $this->signed( array( 'X-Caricomtr-Site' => 'shop-2' ) ), self::BODY ) );
		$unconfigured = new Verifier(
			self::SITE,
			'',
			null,
			function () {
				return self::NOW;
			}
		);
		$this->assert_refused( 'unknown_site', $unconfigured->verify( 'POST', self::TARGET, $this->signed(), self::BODY ) );
	}

	public function test_a_timestamp_more_than_five_minutes_off_is_expired(): void {
		$behind = $this->verifier( self::NOW + 301 )->verify( 'POST', self::TARGET, $this->signed(), self::BODY );
		$this->assert_refused( 'expired', $behind );
		$this->assertStringContainsString( '301 s behind', $behind->get_error_message() );
		$ahead = $this->verifier( self::NOW - 301 )->verify( 'POST', self::TARGET, $this->signed(), self::BODY );
		$this->assert_refused( 'expired', $ahead );
		$this->assertStringContainsString( '301 s ahead of', $ahead->get_error_message() );
		$this->assertTrue( $this->verifier( self::NOW + 300 )->verify( 'POST', self::TARGET, $this->signed(), self::BODY ), 'exactly 300 s is within the window' );
	}

	public function test_a_body_over_one_mebibyte_is_too_large(): void {
		$body = str_repeat( 'x', Verifier::MAX_BODY_SIZE + 1 );
		$this->assert_refused( 'too_large', $this->verifier()->verify( 'POST', self::TARGET, $this->signed( array(), self::NOW, null, $body ), $body ) );
	}

	public function test_anything_changed_after_signing_is_a_bad_signature(): void {
		$headers = $this->signed();
		$this->assert_refused( 'bad_signature', $this->verifier()->verify( 'POST', self::TARGET, $headers, '{"order_id":124}' ), 'body' );
		$this->assert_refused( 'bad_signature', $this->verifier()->verify( 'POST', '/v1/orders/123/sync?force=1&note=%c3%a7ay', $headers, self::BODY ), 'target re-encoded' );
		$this->assert_refused( 'bad_signature', $this->verifier()->verify( 'PUT', self::TARGET, $headers, self::BODY ), 'method' );
		$wrong_secret = new Verifier(
			self::SITE,
			str_repeat( 'w', 40 ),
			null,
			function () {
				return self::NOW;
			}
		);
		$this->assert_refused( 'bad_signature', $wrong_secret->verify( 'POST', self::TARGET, $headers, self::BODY ), 'secret' );
	}

	public function test_a_rest_request_is_verified_against_the_raw_request_uri(): void {
		$target  = "/index.php?rest_route=%2Fcaricomtr%2Fv1%2Frelay&shop=o'brien";
		$request = new WP_REST_Request( 'POST', '/caricomtr/v1/relay' );
		$request->set_body( self::BODY );
		foreach ( Signer::headers( self::SITE, self::SECRET, 'POST', $target, self::BODY, self::NOW, 'nonce-0123456789abcdef' ) as $name => $value ) {
			$request->set_header( $name, $value );
		}
		$saved                  = isset( $_SERVER['REQUEST_URI'] ) ? $_SERVER['REQUEST_URI'] : null; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- saved and restored as is.
		$_SERVER['REQUEST_URI'] = addslashes( $target ); // As WordPress leaves it: wp_magic_quotes() slashes $_SERVER.
		try {
			$this->assertTrue( $this->verifier()->verify_rest_request( $request ) );
		} finally {
			$_SERVER['REQUEST_URI'] = $saved;
		}
	}

	public function test_a_refusal_is_answered_in_the_agents_error_shape(): void {
		$response = Verifier::refusal_response( $this->verifier()->verify( 'POST', self::TARGET, array(), self::BODY ) );
		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'unsigned', $response->get_data()['error']['code'] );
		$this->assertNotEmpty( $response->get_data()['error']['message'] );
		$this->assertSame( array( 'error' ), array_keys( $response->get_data() ) );
		$this->assertSame( 'Caricomtr-Signature version="1"', $response->get_headers()['WWW-Authenticate'] );
	}

	/**
	 * A verifier for the example site whose clock says `$now`.
	 *
	 * @param int $now Unix seconds.
	 */
	private function verifier( int $now = self::NOW ): Verifier {
		return new Verifier(
			self::SITE,
			self::SECRET,
			null,
			function () use ( $now ) {
				return $now;
			}
		);
	}

	/**
	 * Headers of the example request signed at `$timestamp`, with changes.
	 *
	 * @param array<string, mixed> $changes   Headers replaced after signing.
	 * @param int                  $timestamp Unix seconds.
	 * @param string|null          $nonce     The nonce (a fixed one by default).
	 * @param string               $body      The body signed.
	 * @return array<string, mixed>
	 */
	private function signed( array $changes = array(), int $timestamp = self::NOW, ?string $nonce = 'nonce-0123456789abcdef', string $body = self::BODY ): array {
		return array_merge( Signer::headers( self::SITE, self::SECRET, 'POST', self::TARGET, $body, $timestamp, $nonce ), $changes );
	}

	/**
	 * Asserts a refusal.
	 *
	 * @param string $code    The expected code.
	 * @param mixed  $actual  What the verifier returned.
	 * @param string $message What is being checked.
	 */
	private function assert_refused( string $code, $actual, string $message = '' ): void {
		$this->assertInstanceOf( WP_Error::class, $actual, $message );
		$this->assertSame( $code, $actual->get_error_code(), $message . ': ' . $actual->get_error_message() );
		$this->assertSame( array( 'status' => 401 ), $actual->get_error_data(), $message );
	}
}
