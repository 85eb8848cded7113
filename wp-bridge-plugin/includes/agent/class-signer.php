<?php
/**
 * The signature scheme shared with the agent (docs/agent-api.md, "Authentication").
 *
 * @package Caricomtr\Bridge
 */

namespace Caricomtr\Bridge\Agent;

defined( 'ABSPATH' ) || exit;

/**
 * Signs a request: HMAC-SHA256, keyed with the site's secret, over five lines (method, target, timestamp, nonce,
 * SHA-256 of the body) joined by a line feed. The same class builds the expected signature when the agent calls in.
 */
final class Signer {
	const HEADER_SITE      = 'X-Caricomtr-Site';
	const HEADER_TIMESTAMP = 'X-Caricomtr-Timestamp';
	const HEADER_NONCE     = 'X-Caricomtr-Nonce';
	const HEADER_SIGNATURE = 'X-Caricomtr-Signature';
	const VERSION_PREFIX   = 'v1=';

	/**
	 * The text that is signed.
	 *
	 * @param string $method    The method as on the request line (`GET`, `POST`, ...).
	 * @param string $target    The path with its query, exactly as sent (`/v1/sites/shop/orders/states?ids=1%2C2`).
	 * @param string $timestamp Unix seconds, as in the timestamp header.
	 * @param string $nonce     As in the nonce header.
	 * @param string $body      The exact body bytes (empty without a body).
	 */
	public static function canonical_text( string $method, string $target, string $timestamp, string $nonce, string $body ): string {
		return implode( "\n", array( $method, '' === $target ? '/' : $target, $timestamp, $nonce, hash( 'sha256', $body ) ) );
	}

	/**
	 * The signature header's value: `v1=` and 64 lowercase hex digits.
	 *
	 * @param string $secret    The site's shared secret.
	 * @param string $method    The method.
	 * @param string $target    The path with its query, exactly as sent.
	 * @param string $timestamp Unix seconds.
	 * @param string $nonce     The nonce.
	 * @param string $body      The exact body bytes.
	 */
	public static function signature( string $secret, string $method, string $target, string $timestamp, string $nonce, string $body ): string {
		return self::VERSION_PREFIX . hash_hmac( 'sha256', self::canonical_text( $method, $target, $timestamp, $nonce, $body ), $secret );
	}

	/**
	 * The four headers of a signed request.
	 *
	 * @param string      $site_id   The site id.
	 * @param string      $secret    The site's shared secret.
	 * @param string      $method    The method.
	 * @param string      $target    The path with its query, exactly as sent.
	 * @param string      $body      The exact body bytes.
	 * @param int|null    $timestamp Unix seconds; now when null.
	 * @param string|null $nonce     A fresh random nonce when null.
	 * @return array<string, string>
	 */
	public static function headers( string $site_id, string $secret, string $method, string $target, string $body, ?int $timestamp = null, ?string $nonce = null ): array {
		$timestamp = (string) ( null === $timestamp ? time() : $timestamp );
		$nonce     = null === $nonce ? self::nonce() : $nonce;
		return array(
			self::HEADER_SITE      => $site_id,
			self::HEADER_TIMESTAMP => $timestamp,
			self::HEADER_NONCE     => $nonce,
			self::HEADER_SIGNATURE => self::signature( $secret, $method, $target, $timestamp, $nonce, $body ),
		);
	}

	/**
	 * 24 random bytes as unpadded base64url: 32 characters of `A-Z a-z 0-9 - _`, as the agent's own signer sends.
	 */
	public static function nonce(): string {
		return rtrim( strtr( base64_encode( random_bytes( 24 ) ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the nonce's wire format (docs/agent-api.md), not obfuscation.
	}
}
