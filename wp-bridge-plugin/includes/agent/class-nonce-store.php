<?php
/**
 * Nonces of the agent's calls already accepted.
 *
 * @package Caricomtr\Bridge
 */

namespace Caricomtr\Bridge\Agent;

defined( 'ABSPATH' ) || exit;

/**
 * One transient per accepted nonce, kept until its timestamp has left the window (docs/agent-api.md, "The bridge
 * verifying the agent": a transient per nonce is enough at the relay's volume).
 */
final class Nonce_Store {
	/**
	 * Whether the site's nonce was accepted before.
	 *
	 * @param string $site_id The signing site.
	 * @param string $nonce   The nonce.
	 */
	public function seen( string $site_id, string $nonce ): bool {
		return false !== get_transient( self::key( $site_id, $nonce ) );
	}

	/**
	 * Remembers an accepted nonce.
	 *
	 * @param string $site_id The signing site.
	 * @param string $nonce   The nonce.
	 * @param int    $ttl     Seconds to keep it: until its timestamp can no longer pass the window.
	 */
	public function remember( string $site_id, string $nonce, int $ttl ): void {
		set_transient( self::key( $site_id, $nonce ), 1, max( 1, $ttl ) );
	}

	/**
	 * The transient's name (at most 172 characters allowed; this is 48).
	 *
	 * @param string $site_id The signing site.
	 * @param string $nonce   The nonce.
	 */
	private static function key( string $site_id, string $nonce ): string {
		return 'caricomtr_nonce_' . md5( $site_id . "\n" . $nonce );
	}
}
