<?php
/**
 * The Cari sandbox's admin API, for assertions on what the agent sent.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests;

/**
 * Reads what the sandbox received (cari-sandbox/README.md, "Admin endpoints"), for this site's company only.
 */
final class Sandbox {
	/**
	 * The invoices the sandbox stored for this site's company, oldest first.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public static function invoices(): array {
		$answer = self::get( '/invoices', array( 'firma_kodu' => Test_Env::get( 'CARICOMTR_TEST_FIRMA_KODU' ) ) );
		return isset( $answer['invoices'] ) ? $answer['invoices'] : array();
	}

	/**
	 * The invoices of one WooCommerce order number.
	 *
	 * @param string $order_number The order number (`siparis_no`).
	 * @return array<int, array<string, mixed>>
	 */
	public static function invoices_of_order( string $order_number ): array {
		return array_values(
			array_filter(
				self::invoices(),
				function ( $invoice ) use ( $order_number ) {
					return isset( $invoice['siparis_no'] ) && (string) $invoice['siparis_no'] === $order_number;
				}
			)
		);
	}

	/**
	 * A GET on the admin API.
	 *
	 * @param string                $path  Below `/_sandbox`.
	 * @param array<string, string> $query Query parameters.
	 * @return array<string, mixed>
	 */
	private static function get( string $path, array $query ): array {
		$url      = add_query_arg( array_map( 'rawurlencode', $query ), Test_Env::get( 'CARICOMTR_TEST_SANDBOX_URL' ) . $path );
		$response = wp_remote_get( $url, array( 'timeout' => 5 ) );
		if ( is_wp_error( $response ) ) {
			throw new \RuntimeException( 'sandbox ' . $url . ': ' . $response->get_error_message() );
		}
		$decoded = json_decode( wp_remote_retrieve_body( $response ), true );
		if ( 200 !== wp_remote_retrieve_response_code( $response ) || ! is_array( $decoded ) ) {
			throw new \RuntimeException( 'sandbox ' . $url . ' answered ' . wp_remote_retrieve_response_code( $response ) );
		}
		return $decoded;
	}
}
