<?php
/**
 * Checks the agent's signed calls into WordPress (the hook relay).
 *
 * @package Caricomtr\Bridge
 */

namespace Caricomtr\Bridge\Agent;

use Caricomtr\Bridge\Settings;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

/**
 * Verifies a request the way the agent verifies the bridge's (docs/agent-api.md, "How the agent verifies"), in the
 * same order, stopping at the first failure: the four headers present once and well formed (`unsigned`), the site
 * is this site (`unknown_site`), the timestamp within ±300 s (`expired`), the body at most 1 MiB (`too_large`), the
 * signature matches in constant time (`bad_signature`), the nonce not seen before (`replayed`). A nonce is
 * remembered only once the signature matched.
 */
final class Verifier {
	const WINDOW        = 300;
	const MAX_BODY_SIZE = 1048576;

	/**
	 * This site's id.
	 *
	 * @var string
	 */
	private $site_id;

	/**
	 * The shared secret.
	 *
	 * @var string
	 */
	private $secret;

	/**
	 * Accepted nonces.
	 *
	 * @var Nonce_Store
	 */
	private $nonces;

	/**
	 * Returns the current Unix time.
	 *
	 * @var callable
	 */
	private $clock;

	/**
	 * Builds a verifier.
	 *
	 * @param string           $site_id This site's id: the only one accepted.
	 * @param string           $secret  The secret shared with the agent.
	 * @param Nonce_Store|null $nonces  Where accepted nonces are kept.
	 * @param callable|null    $clock   Returns the current Unix time (tests fix it); `time()` by default.
	 */
	public function __construct( string $site_id, string $secret, ?Nonce_Store $nonces = null, ?callable $clock = null ) {
		$this->site_id = $site_id;
		$this->secret  = $secret;
		$this->nonces  = $nonces ? $nonces : new Nonce_Store();
		$this->clock   = $clock ? $clock : 'time';
	}

	/**
	 * A verifier with the stored settings (or the `wp-config.php` constants).
	 *
	 * @param Settings $settings The connection settings.
	 */
	public static function from_settings( Settings $settings ): Verifier {
		return new self( $settings->site_id(), $settings->secret() );
	}

	/**
	 * Verifies a REST request to the relay route: the target is the raw `REQUEST_URI`, the body the raw body.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return true|WP_Error
	 */
	public function verify_rest_request( WP_REST_Request $request ) {
		// The target is compared byte for byte with the signed one; it is never stored or printed.
		$target = isset( $_SERVER['REQUEST_URI'] ) ? wp_unslash( $_SERVER['REQUEST_URI'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- sanitising would change the bytes the signature covers.
		return $this->verify( $request->get_method(), (string) $target, $request->get_headers(), $request->get_body() );
	}

	/**
	 * Verifies a request.
	 *
	 * @param string               $method  The method as on the request line.
	 * @param string               $target  The request target exactly as received (path and raw query).
	 * @param array<string, mixed> $headers Header names (any case, `-` or `_`) to a value or a list of values.
	 * @param string               $body    The exact body bytes.
	 * @return true|WP_Error
	 */
	public function verify( string $method, string $target, array $headers, string $body ) {
		$values = array();
		foreach ( array( Signer::HEADER_SITE, Signer::HEADER_TIMESTAMP, Signer::HEADER_NONCE, Signer::HEADER_SIGNATURE ) as $name ) {
			$value = self::header( $headers, $name );
			if ( null === $value ) {
				return self::refusal( 'unsigned', __( 'The request is not signed: a signature header is missing, repeated or malformed.', 'cari-com-tr-integration-woocommerce' ) );
			}
			$values[ $name ] = $value;
		}
		$site      = $values[ Signer::HEADER_SITE ];
		$timestamp = $values[ Signer::HEADER_TIMESTAMP ];
		$nonce     = $values[ Signer::HEADER_NONCE ];
		$signature = $values[ Signer::HEADER_SIGNATURE ];
		if ( ! Settings::is_valid_site_id( $site )
			|| 1 !== preg_match( '/\A[0-9]{1,19}\z/', $timestamp )
			|| 1 !== preg_match( '/\A[A-Za-z0-9_\-]{16,64}\z/', $nonce )
			|| 1 !== preg_match( '/\Av1=[0-9a-f]{64}\z/', $signature ) ) {
			return self::refusal( 'unsigned', __( 'The request is not signed: a signature header is missing, repeated or malformed.', 'cari-com-tr-integration-woocommerce' ) );
		}
		if ( '' === $this->site_id || strlen( $this->secret ) < Settings::MIN_SECRET_LENGTH || ! hash_equals( $this->site_id, $site ) ) {
			return self::refusal( 'unknown_site', __( 'The signing site is not this site.', 'cari-com-tr-integration-woocommerce' ) );
		}
		$now  = (int) call_user_func( $this->clock );
		$skew = (int) $timestamp - $now;
		if ( abs( $skew ) > self::WINDOW ) {
			return self::refusal(
				'expired',
				sprintf(
					/* translators: 1: seconds; 2: "behind" or "ahead of"; 3: the largest difference allowed, in seconds */
					__( 'The timestamp is %1$d s %2$s WordPress\'s clock; at most %3$d s are allowed.', 'cari-com-tr-integration-woocommerce' ),
					abs( $skew ),
					$skew < 0 ? __( 'behind', 'cari-com-tr-integration-woocommerce' ) : __( 'ahead of', 'cari-com-tr-integration-woocommerce' ),
					self::WINDOW
				)
			);
		}
		if ( strlen( $body ) > self::MAX_BODY_SIZE ) {
			return self::refusal( 'too_large', __( 'The body is larger than 1 MiB.', 'cari-com-tr-integration-woocommerce' ) );
		}
		$expected = Signer::signature( $this->secret, $method, $target, $timestamp, $nonce, $body );
		if ( ! hash_equals( $expected, $signature ) ) {
			return self::refusal( 'bad_signature', __( 'The signature does not match the request.', 'cari-com-tr-integration-woocommerce' ) );
		}
		if ( $this->nonces->seen( $site, $nonce ) ) {
			return self::refusal( 'replayed', __( 'The nonce was used before.', 'cari-com-tr-integration-woocommerce' ) );
		}
		$this->nonces->remember( $site, $nonce, (int) $timestamp + self::WINDOW - $now + 1 );
		return true;
	}

	/**
	 * The agent's error shape for a refusal: `401 {"error": {"code", "message"}}` with `WWW-Authenticate`.
	 *
	 * @param WP_Error $error A refusal from {@see Verifier::verify()}.
	 */
	public static function refusal_response( WP_Error $error ): WP_REST_Response {
		$data     = $error->get_error_data();
		$status   = is_array( $data ) && isset( $data['status'] ) ? (int) $data['status'] : 401;
		$response = new WP_REST_Response(
			array(
				'error' => array(
					'code'    => $error->get_error_code(),
					'message' => $error->get_error_message(),
				),
			),
			$status
		);
		$response->header( 'WWW-Authenticate', 'Caricomtr-Signature version="1"' );
		return $response;
	}

	/**
	 * A refusal.
	 *
	 * @param string $code    The agent's refusal code.
	 * @param string $message For people.
	 */
	private static function refusal( string $code, string $message ): WP_Error {
		return new WP_Error( $code, $message, array( 'status' => 401 ) );
	}

	/**
	 * The one value of a header, or null when it is missing, repeated or not a string.
	 *
	 * @param array<string, mixed> $headers The headers.
	 * @param string               $name    The header's name.
	 */
	private static function header( array $headers, string $name ): ?string {
		$wanted = self::normalise( $name );
		$found  = null;
		foreach ( $headers as $key => $value ) {
			if ( self::normalise( (string) $key ) !== $wanted ) {
				continue;
			}
			if ( null !== $found ) {
				return null;
			}
			if ( is_array( $value ) ) {
				if ( 1 !== count( $value ) ) {
					return null;
				}
				$value = reset( $value );
			}
			if ( ! is_string( $value ) ) {
				return null;
			}
			$found = $value;
		}
		return $found;
	}

	/**
	 * `X-Caricomtr-Site`, `x_caricomtr_site` and `HTTP_X_CARICOMTR_SITE` name the same header.
	 *
	 * @param string $name A header name.
	 */
	private static function normalise( string $name ): string {
		$name = strtolower( str_replace( '-', '_', $name ) );
		return 0 === strpos( $name, 'http_' ) ? substr( $name, 5 ) : $name;
	}
}
