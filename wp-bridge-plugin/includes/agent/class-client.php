<?php
/**
 * The client of the agent's signed local API.
 *
 * @package Caricomtr\Bridge
 */

namespace Caricomtr\Bridge\Agent;

use Caricomtr\Bridge\Plugin;
use Caricomtr\Bridge\Settings;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Calls the agent (docs/agent-api.md): every request signed, JSON in and out, short timeouts, redirects never
 * followed. A decoded 2xx answer comes back as an array; anything else as a `WP_Error`:
 *
 * - the agent's refusals and errors keep the agent's `code` (`bad_signature`, `unknown_site`, `invalid_settings`,
 *   `database_unavailable`, ...) with `data` = `status`, `agent_message`, and `fields` / `retry_after` when given;
 * - `caricomtr_not_configured`: no site id or secret yet, nothing sent;
 * - `caricomtr_agent_unreachable`: no answer (connection refused, timeout); remembered for
 *   {@see Reachability::TTL} seconds, during which calls fail at once (`data['cached']` true) unless made with
 *   `retry_unreachable`;
 * - `caricomtr_bad_response`: an answer that is not the agent's JSON.
 */
final class Client {
	const DEFAULT_TIMEOUT = 3.0;
	const JSON_FLAGS      = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;

	/**
	 * Scheme, host and port of the agent, without a trailing slash.
	 *
	 * @var string
	 */
	private $origin;

	/**
	 * The path of the agent's base URL (empty unless the agent sits behind a path prefix).
	 *
	 * @var string
	 */
	private $base_path;

	/**
	 * The base URL as configured, for messages.
	 *
	 * @var string
	 */
	private $base_url;

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
	 * Whether the agent answered lately.
	 *
	 * @var Reachability
	 */
	private $reachability;

	/**
	 * Builds a client.
	 *
	 * @param string            $base_url     The agent's base URL, e.g. `http://127.0.0.1:8787`.
	 * @param string            $site_id      This site's id.
	 * @param string            $secret       The secret shared with the agent.
	 * @param Reachability|null $reachability Where the "unreachable" state is kept (one per base URL by default).
	 */
	public function __construct( string $base_url, string $site_id, string $secret, ?Reachability $reachability = null ) {
		$this->base_url     = rtrim( trim( $base_url ), '/' );
		$this->site_id      = $site_id;
		$this->secret       = $secret;
		$this->reachability = $reachability ? $reachability : new Reachability( $this->base_url );
		$parts              = wp_parse_url( $this->base_url );
		$this->origin       = '';
		$this->base_path    = '';
		if ( is_array( $parts ) && isset( $parts['scheme'], $parts['host'] ) && in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
			$host            = false !== strpos( $parts['host'], ':' ) && '[' !== $parts['host'][0] ? '[' . $parts['host'] . ']' : $parts['host'];
			$this->origin    = strtolower( $parts['scheme'] ) . '://' . $host . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
			$this->base_path = isset( $parts['path'] ) ? rtrim( $parts['path'], '/' ) : '';
		}
	}

	/**
	 * A client with the stored settings (or the `wp-config.php` constants).
	 *
	 * @param Settings $settings The connection settings.
	 */
	public static function from_settings( Settings $settings ): Client {
		return new self( $settings->agent_url(), $settings->site_id(), $settings->secret() );
	}

	/**
	 * This site's id, as sent.
	 */
	public function site_id(): string {
		return $this->site_id;
	}

	/**
	 * The agent's base URL.
	 */
	public function base_url(): string {
		return $this->base_url;
	}

	/**
	 * The state of the agent's reachability.
	 */
	public function reachability(): Reachability {
		return $this->reachability;
	}

	/**
	 * `/v1/sites/{site}` followed by `$suffix`, the site id percent-encoded.
	 *
	 * @param string $suffix E.g. `/settings`.
	 */
	public function site_path( string $suffix = '' ): string {
		return '/v1/sites/' . rawurlencode( $this->site_id ) . $suffix;
	}

	/**
	 * A signed GET.
	 *
	 * @param string               $path    The path below the base URL, e.g. `$client->site_path( '/settings' )`.
	 * @param array<string, mixed> $query   Query parameters (scalars; lists are joined with commas).
	 * @param array<string, mixed> $options See {@see Client::request()}.
	 * @return array<string, mixed>|WP_Error
	 */
	public function get( string $path, array $query = array(), array $options = array() ) {
		return $this->request( 'GET', $path, $query, null, $options );
	}

	/**
	 * A signed POST with a JSON body.
	 *
	 * @param string               $path    The path below the base URL.
	 * @param array<mixed>|object  $body    The body, encoded as JSON (an empty array as `{}`).
	 * @param array<string, mixed> $options See {@see Client::request()}.
	 * @return array<string, mixed>|WP_Error
	 */
	public function post( string $path, $body = array(), array $options = array() ) {
		return $this->request( 'POST', $path, array(), $body, $options );
	}

	/**
	 * A signed PUT with a JSON body.
	 *
	 * @param string               $path    The path below the base URL.
	 * @param array<mixed>|object  $body    The body, encoded as JSON (an empty array as `{}`).
	 * @param array<string, mixed> $options See {@see Client::request()}.
	 * @return array<string, mixed>|WP_Error
	 */
	public function put( string $path, $body = array(), array $options = array() ) {
		return $this->request( 'PUT', $path, array(), $body, $options );
	}

	/**
	 * Sends a signed request.
	 *
	 * @param string                   $method  `GET`, `POST`, `PUT` or `DELETE`.
	 * @param string                   $path    The path below the base URL, starting with `/`, already percent-encoded.
	 * @param array<string, mixed>     $query   Query parameters (scalars; lists are joined with commas).
	 * @param array<mixed>|object|null $body    The body (JSON-encoded), or null for none.
	 * @param array<string, mixed>     $options `timeout` (seconds, default 3), `blocking` (false: fire and forget,
	 *                                          the answer is not read), `retry_unreachable` (true: call even if
	 *                                          the agent was found unreachable lately, e.g. for "Test connection").
	 * @return array<string, mixed>|WP_Error The decoded answer (an empty array for an empty or unread one).
	 */
	public function request( string $method, string $path, array $query = array(), $body = null, array $options = array() ) {
		if ( '' === $this->site_id || '' === $this->secret ) {
			return new WP_Error( 'caricomtr_not_configured', __( 'The connection to the Cari.com.tr agent is not set up yet: a site id and a secret are needed.', 'cari-com-tr-integration-woocommerce' ), array( 'status' => 0 ) );
		}
		if ( '' === $this->origin ) {
			return new WP_Error(
				'caricomtr_not_configured',
				/* translators: %s: the URL as configured */
				sprintf( __( 'The Cari.com.tr agent URL "%s" is not an http or https URL.', 'cari-com-tr-integration-woocommerce' ), $this->base_url ),
				array( 'status' => 0 )
			);
		}
		$retry = ! empty( $options['retry_unreachable'] );
		$down  = $this->reachability->down();
		if ( null !== $down && ! $retry ) {
			return $this->unreachable( $down['message'], true, $down['since'] );
		}

		$method   = strtoupper( $method );
		$target   = $this->base_path . $path . ( array() === $query ? '' : '?' . self::query_string( $query ) );
		$payload  = null === $body ? '' : self::encode( $body );
		$blocking = ! isset( $options['blocking'] ) || (bool) $options['blocking'];
		$headers  = Signer::headers( $this->site_id, $this->secret, $method, $target, $payload );
		if ( null !== $body ) {
			$headers['Content-Type'] = 'application/json; charset=utf-8';
		}
		$headers['Accept'] = 'application/json';

		$response = wp_remote_request(
			$this->origin . $target,
			array(
				'method'             => $method,
				'headers'            => $headers,
				'body'               => null === $body ? null : $payload,
				'timeout'            => isset( $options['timeout'] ) ? (float) $options['timeout'] : self::DEFAULT_TIMEOUT,
				'redirection'        => 0,
				'blocking'           => $blocking,
				'reject_unsafe_urls' => false,
				'user-agent'         => 'CaricomtrBridge/' . Plugin::VERSION . '; ' . home_url( '/' ),
			)
		);

		if ( is_wp_error( $response ) ) {
			if ( ! $blocking ) {
				return $response;
			}
			$this->reachability->mark_down( $response->get_error_message() );
			return $this->unreachable( $response->get_error_message(), false, time() );
		}
		if ( null !== $down ) {
			$this->reachability->mark_up();
		}
		if ( ! $blocking ) {
			return array();
		}
		return self::answer( $response );
	}

	/**
	 * A query string with every name and value percent-encoded (RFC 3986, upper-case hex), in the given order.
	 *
	 * @param array<string, mixed> $query Query parameters.
	 */
	public static function query_string( array $query ): string {
		$pairs = array();
		foreach ( $query as $name => $value ) {
			if ( is_array( $value ) ) {
				$value = implode( ',', array_map( 'strval', $value ) );
			} elseif ( is_bool( $value ) ) {
				$value = $value ? 'true' : 'false';
			}
			$pairs[] = rawurlencode( (string) $name ) . '=' . rawurlencode( (string) $value );
		}
		return implode( '&', $pairs );
	}

	/**
	 * JSON as the agent reads it; an empty array is the empty object.
	 *
	 * @param array<mixed>|object $body The body.
	 */
	private static function encode( $body ): string {
		if ( array() === $body ) {
			return '{}';
		}
		$json = wp_json_encode( $body, self::JSON_FLAGS );
		return false === $json ? '{}' : $json;
	}

	/**
	 * The decoded answer, or the error it carries.
	 *
	 * @param array<string, mixed> $response What `wp_remote_request()` returned.
	 * @return array<string, mixed>|WP_Error
	 */
	private static function answer( array $response ) {
		$status  = (int) wp_remote_retrieve_response_code( $response );
		$raw     = (string) wp_remote_retrieve_body( $response );
		$decoded = '' === $raw ? array() : json_decode( $raw, true );
		if ( $status >= 200 && $status < 300 ) {
			if ( ! is_array( $decoded ) ) {
				return self::bad_response( $status, $raw );
			}
			return $decoded;
		}
		if ( ! is_array( $decoded ) || ! isset( $decoded['error']['code'] ) || ! is_string( $decoded['error']['code'] ) ) {
			return self::bad_response( $status, $raw );
		}
		$error   = $decoded['error'];
		$code    = $error['code'];
		$message = isset( $error['message'] ) && is_string( $error['message'] ) ? $error['message'] : '';
		$data    = array(
			'status'        => $status,
			'agent_message' => $message,
		);
		if ( isset( $error['fields'] ) && is_array( $error['fields'] ) ) {
			$data['fields'] = $error['fields'];
		}
		$retry_after = wp_remote_retrieve_header( $response, 'retry-after' );
		if ( is_string( $retry_after ) && ctype_digit( $retry_after ) ) {
			$data['retry_after'] = (int) $retry_after;
		}
		$explained = self::explain( $code );
		return new WP_Error( $code, '' === $explained ? $message : $explained . ( '' === $message ? '' : ' (' . $message . ')' ), $data );
	}

	/**
	 * What the bridge tells people about the agent's refusals (docs/agent-api.md, "Refusals"); empty for codes
	 * whose own message says it best.
	 *
	 * @param string $code The agent's error code.
	 */
	private static function explain( string $code ): string {
		switch ( $code ) {
			case 'unknown_site':
				return __( 'This site is not configured in the Cari.com.tr agent: check the site id.', 'cari-com-tr-integration-woocommerce' );
			case 'bad_signature':
				return __( 'The secret does not match the one in the Cari.com.tr agent\'s configuration.', 'cari-com-tr-integration-woocommerce' );
			case 'expired':
				return __( 'The clocks of WordPress and the Cari.com.tr agent differ by more than five minutes.', 'cari-com-tr-integration-woocommerce' );
			case 'database_unavailable':
				return __( 'The Cari.com.tr agent cannot reach its database right now; try again in a moment.', 'cari-com-tr-integration-woocommerce' );
			case 'wrong_site':
				return __( 'The Cari.com.tr agent refused a request for another site.', 'cari-com-tr-integration-woocommerce' );
			default:
				return '';
		}
	}

	/**
	 * The error of an answer that is not the agent's.
	 *
	 * @param int    $status The HTTP status.
	 * @param string $raw    The body.
	 */
	private static function bad_response( int $status, string $raw ): WP_Error {
		return new WP_Error(
			'caricomtr_bad_response',
			/* translators: %d: HTTP status code */
			sprintf( __( 'The Cari.com.tr agent gave an unexpected answer (HTTP %d).', 'cari-com-tr-integration-woocommerce' ), $status ),
			array(
				'status' => $status,
				'body'   => substr( $raw, 0, 500 ),
			)
		);
	}

	/**
	 * The error of an agent that does not answer.
	 *
	 * @param string $reason What the HTTP layer said.
	 * @param bool   $cached Whether this is the remembered state (no call was made).
	 * @param int    $since  When the agent was found unreachable.
	 */
	private function unreachable( string $reason, bool $cached, int $since ): WP_Error {
		return new WP_Error(
			'caricomtr_agent_unreachable',
			/* translators: 1: the agent's URL; 2: the reason given by the HTTP layer */
			sprintf( __( 'The Cari.com.tr agent at %1$s does not answer: %2$s', 'cari-com-tr-integration-woocommerce' ), $this->base_url, $reason ),
			array(
				'status' => 0,
				'cached' => $cached,
				'since'  => $since,
			)
		);
	}
}
