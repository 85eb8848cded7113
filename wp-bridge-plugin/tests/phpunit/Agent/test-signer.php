<?php
/**
 * The PHP signer against the worked examples of docs/agent-api.md.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\Agent;

use Caricomtr\Bridge\Agent\Signer;
use Caricomtr\Bridge\Tests\Bridge_Test_Case;

/**
 * The same two values the agent's SignatureSchemeTest checks.
 */
final class Test_Signer extends Bridge_Test_Case {
	const SECRET    = 'docs-example-secret-0123456789abcdefghij';
	const TIMESTAMP = 1767225600;

	public function test_the_signed_text_is_five_lines_without_a_final_line_feed(): void {
		$this->assertSame(
			"POST\n/v1/orders/123/sync?force=1&note=%C3%A7ay\n1767225600\nbm9uY2UtZXhhbXBsZS0wMDE\n"
				. 'a6cbc0f2860cbe755b357b357d6c359692c35299444ceeb4c9c2b606d2796e15',
			Signer::canonical_text( 'POST', '/v1/orders/123/sync?force=1&note=%C3%A7ay', '1767225600', 'bm9uY2UtZXhhbXBsZS0wMDE', '{"order_id":123}' )
		);
	}

	public function test_the_worked_example_with_a_body(): void {
		$headers = Signer::headers( 'shop-1', self::SECRET, 'POST', '/v1/orders/123/sync?force=1&note=%C3%A7ay', '{"order_id":123}', self::TIMESTAMP, 'bm9uY2UtZXhhbXBsZS0wMDE' );
		$this->assertSame(
			array(
				'X-Caricomtr-Site'      => 'shop-1',
				'X-Caricomtr-Timestamp' => '1767225600',
				'X-Caricomtr-Nonce'     => 'bm9uY2UtZXhhbXBsZS0wMDE',
				'X-Caricomtr-Signature' => 'v1=eed35e59b2ce6a6b52417165b3de676da4fbfce674feb34180ae0dc0bf912ba3',
			),
			$headers
		);
	}

	public function test_the_worked_example_without_a_body(): void {
		$this->assertSame(
			'v1=3c21985dd2b31f6222026ac68873096248957a72f2bf7af9798dbb01e196fdd7',
			Signer::signature( self::SECRET, 'GET', '/v1/sites/shop-1/hooks', '1767225600', 'bm9uY2UtZXhhbXBsZS0wMDI', '' )
		);
		$this->assertStringEndsWith( "\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Signer::canonical_text( 'GET', '/', '1', 'n', '' ) );
	}

	public function test_an_empty_target_is_signed_as_a_slash(): void {
		$this->assertSame( Signer::canonical_text( 'GET', '/', '1', 'n', '' ), Signer::canonical_text( 'GET', '', '1', 'n', '' ) );
	}

	public function test_fresh_headers_carry_the_time_and_a_new_nonce_each(): void {
		$first  = Signer::headers( 'shop-1', self::SECRET, 'GET', '/health', '' );
		$second = Signer::headers( 'shop-1', self::SECRET, 'GET', '/health', '' );
		$this->assertMatchesRegularExpression( '/\A[A-Za-z0-9_-]{32}\z/', $first['X-Caricomtr-Nonce'] );
		$this->assertNotSame( $first['X-Caricomtr-Nonce'], $second['X-Caricomtr-Nonce'] );
		$this->assertEqualsWithDelta( time(), (int) $first['X-Caricomtr-Timestamp'], 2 );
		$this->assertMatchesRegularExpression( '/\Av1=[0-9a-f]{64}\z/', $first['X-Caricomtr-Signature'] );
	}
}
