<?php
/**
 * How the bridge reaches the agent.
 *
 * @package Caricomtr\Bridge
 */

namespace Caricomtr\Bridge;

defined( 'ABSPATH' ) || exit;

/**
 * The connection settings kept in WordPress: the agent's URL, this site's id and the secret shared with the agent.
 * Everything else (firma kodu, token, trigger statuses, numbering, ...) lives in the agent and is read and written
 * through its API.
 *
 * A constant in `wp-config.php` overrides the stored value: `CARICOMTR_AGENT_URL`, `CARICOMTR_SITE_ID`,
 * `CARICOMTR_AGENT_SECRET`.
 */
final class Settings {
	const OPTION            = 'caricomtr_connection';
	const DEFAULT_AGENT_URL = 'http://127.0.0.1:8787';
	const MIN_SECRET_LENGTH = 32;

	/**
	 * The constant overriding each setting.
	 */
	const CONSTANTS = array(
		'agent_url' => 'CARICOMTR_AGENT_URL',
		'site_id'   => 'CARICOMTR_SITE_ID',
		'secret'    => 'CARICOMTR_AGENT_SECRET',
	);

	/**
	 * Returns the value of a constant, or null when it is not defined.
	 *
	 * @var callable|null
	 */
	private $constants;

	/**
	 * Builds the settings.
	 *
	 * @param callable|null $constants Returns a constant's value or null when it is not defined (tests pass their
	 *                                 own); by default PHP's constants.
	 */
	public function __construct( ?callable $constants = null ) {
		$this->constants = $constants;
	}

	/**
	 * The agent's base URL, without a trailing slash.
	 */
	public function agent_url(): string {
		$url = $this->get( 'agent_url' );
		return rtrim( '' === $url ? self::DEFAULT_AGENT_URL : $url, '/' );
	}

	/**
	 * This site's id in the agent's configuration; by default the site's host name.
	 */
	public function site_id(): string {
		$id = $this->get( 'site_id' );
		if ( '' !== $id ) {
			return $id;
		}
		$host = (string) wp_parse_url( home_url(), PHP_URL_HOST );
		return self::is_valid_site_id( $host ) ? $host : '';
	}

	/**
	 * The secret shared with the agent (empty when none is set).
	 */
	public function secret(): string {
		return $this->get( 'secret' );
	}

	/**
	 * Whether a site id and a secret long enough are set.
	 */
	public function is_complete(): bool {
		return '' !== $this->site_id() && strlen( $this->secret() ) >= self::MIN_SECRET_LENGTH;
	}

	/**
	 * A setting as in effect: the constant when defined, else the stored value, else an empty string.
	 *
	 * @param string $key `agent_url`, `site_id` or `secret`.
	 */
	public function get( string $key ): string {
		$constant = $this->constant_for( $key );
		if ( null !== $constant ) {
			return trim( $constant );
		}
		$stored = get_option( self::OPTION, array() );
		return is_array( $stored ) && isset( $stored[ $key ] ) && is_string( $stored[ $key ] ) ? $stored[ $key ] : '';
	}

	/**
	 * Whether `wp-config.php` fixes this setting.
	 *
	 * @param string $key `agent_url`, `site_id` or `secret`.
	 */
	public function is_overridden( string $key ): bool {
		return null !== $this->constant_for( $key );
	}

	/**
	 * The value of the constant overriding a setting, or null when it is not defined.
	 *
	 * @param string $key `agent_url`, `site_id` or `secret`.
	 */
	private function constant_for( string $key ): ?string {
		if ( ! isset( self::CONSTANTS[ $key ] ) ) {
			return null;
		}
		$name = self::CONSTANTS[ $key ];
		if ( null !== $this->constants ) {
			$value = call_user_func( $this->constants, $name );
			return null === $value ? null : (string) $value;
		}
		return defined( $name ) ? (string) constant( $name ) : null;
	}

	/**
	 * Stores the given settings (the others keep their values), sanitised: the URL as a URL, the id trimmed, the
	 * secret as typed. Values that a constant overrides are stored all the same and take effect once the constant
	 * is removed.
	 *
	 * @param array<string, string> $values Some of `agent_url`, `site_id`, `secret`.
	 */
	public function save( array $values ): void {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		foreach ( $values as $key => $value ) {
			if ( ! isset( self::CONSTANTS[ $key ] ) ) {
				continue;
			}
			$value = (string) $value;
			if ( 'agent_url' === $key ) {
				$value = esc_url_raw( trim( $value ), array( 'http', 'https' ) );
			} elseif ( 'site_id' === $key ) {
				$value = sanitize_text_field( $value );
			} else {
				$value = trim( $value );
			}
			$stored[ $key ] = $value;
		}
		update_option( self::OPTION, $stored, false );
	}

	/**
	 * The agent's rule for site ids: 1 to 64 characters of `A-Z a-z 0-9 . _ -`, not starting with `.`.
	 *
	 * @param string $id A site id.
	 */
	public static function is_valid_site_id( string $id ): bool {
		return 1 === preg_match( '/\A[A-Za-z0-9_\-][A-Za-z0-9._\-]{0,63}\z/', $id );
	}
}
