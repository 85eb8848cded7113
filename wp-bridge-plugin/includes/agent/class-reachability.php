<?php
/**
 * Remembers, for a short while, that the agent did not answer.
 *
 * @package Caricomtr\Bridge
 */

namespace Caricomtr\Bridge\Agent;

defined( 'ABSPATH' ) || exit;

/**
 * A transient per agent URL: while it is set, {@see Client} answers at once with an "unreachable" error instead of
 * waiting for a timeout on every call, so that admin screens render at once when the agent is down.
 */
final class Reachability {
	/**
	 * Seconds an unreachable agent is not tried again (filter: `caricomtr_agent_unreachable_ttl`).
	 */
	const TTL = 30;

	/**
	 * The transient's name.
	 *
	 * @var string
	 */
	private $key;

	/**
	 * One state per agent URL, so that a changed URL is tried at once.
	 *
	 * @param string $agent_url The agent's base URL.
	 */
	public function __construct( string $agent_url ) {
		$this->key = 'caricomtr_agent_down_' . md5( $agent_url );
	}

	/**
	 * Why the agent was found unreachable and when, or null when it was not (or that was long enough ago).
	 *
	 * @return array{message: string, since: int}|null
	 */
	public function down(): ?array {
		$state = get_transient( $this->key );
		if ( ! is_array( $state ) || ! isset( $state['message'], $state['since'] ) ) {
			return null;
		}
		return array(
			'message' => (string) $state['message'],
			'since'   => (int) $state['since'],
		);
	}

	/**
	 * Records that the agent did not answer.
	 *
	 * @param string $message What the HTTP layer said.
	 */
	public function mark_down( string $message ): void {
		/**
		 * Filters how long (seconds) an unreachable agent is not tried again.
		 *
		 * @param int $ttl Default 30.
		 */
		$ttl = (int) apply_filters( 'caricomtr_agent_unreachable_ttl', self::TTL );
		set_transient(
			$this->key,
			array(
				'message' => $message,
				'since'   => time(),
			),
			max( 1, $ttl )
		);
	}

	/**
	 * Forgets that the agent was unreachable.
	 */
	public function mark_up(): void {
		delete_transient( $this->key );
	}
}
