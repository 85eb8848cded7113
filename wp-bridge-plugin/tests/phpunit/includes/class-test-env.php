<?php
/**
 * What the orchestrator tells the PHP tests.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests;

use Caricomtr\Bridge\Agent\Client;

/**
 * The environment variables set by the orchestrator (agent/src/test/java/com/caricomtr/agent/wordpress):
 *
 *   CARICOMTR_TEST_AGENT_URL    the real agent process, e.g. http://127.0.0.1:40123
 *   CARICOMTR_TEST_SITE_ID      this test database's site in the agent's configuration
 *   CARICOMTR_TEST_SECRET       its secret
 *   CARICOMTR_TEST_CARI_URL     the Cari sandbox's API (what the agent sends to), e.g. http://127.0.0.1:40124/api
 *   CARICOMTR_TEST_SANDBOX_URL  the sandbox's admin API (what it received), e.g. http://127.0.0.1:40124/_sandbox
 *   CARICOMTR_TEST_FIRMA_KODU   the site's Cari company in the sandbox, and its API token:
 *   CARICOMTR_TEST_CARI_TOKEN
 *   CARICOMTR_TEST_STORAGE      hpos or legacy
 */
final class Test_Env {
	/**
	 * A variable, or an empty string.
	 *
	 * @param string $name The variable.
	 */
	public static function get( string $name ): string {
		$value = getenv( $name );
		return false === $value ? '' : $value;
	}

	/**
	 * Whether the tests run against a real agent.
	 */
	public static function has_agent(): bool {
		return '' !== self::get( 'CARICOMTR_TEST_AGENT_URL' ) && '' !== self::get( 'CARICOMTR_TEST_SECRET' );
	}

	/**
	 * The agent's URL.
	 */
	public static function agent_url(): string {
		return self::get( 'CARICOMTR_TEST_AGENT_URL' );
	}

	/**
	 * The agent's id of this test site.
	 */
	public static function site_id(): string {
		return self::get( 'CARICOMTR_TEST_SITE_ID' );
	}

	/**
	 * The site's secret.
	 */
	public static function secret(): string {
		return self::get( 'CARICOMTR_TEST_SECRET' );
	}

	/**
	 * The order storage the suite runs in: hpos or legacy.
	 */
	public static function storage(): string {
		$storage = self::get( 'CARICOMTR_TEST_STORAGE' );
		return '' === $storage ? 'hpos' : $storage;
	}

	/**
	 * A client of the real agent with this site's id and secret.
	 */
	public static function client(): Client {
		return new Client( self::agent_url(), self::site_id(), self::secret() );
	}

	/**
	 * Why an agent test cannot run here, for the skip message.
	 */
	public static function no_agent_reason(): string {
		return 'SKIPPED: no agent (CARICOMTR_TEST_AGENT_URL and CARICOMTR_TEST_SECRET are not set); ./scripts/test.sh runs these tests against a real agent, see wp-bridge-plugin/README.md';
	}
}
