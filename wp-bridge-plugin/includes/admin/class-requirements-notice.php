<?php
/**
 * The notice shown when WooCommerce is missing or too old.
 *
 * @package Caricomtr\Bridge
 */

namespace Caricomtr\Bridge\Admin;

use Caricomtr\Bridge\Requirements;

defined( 'ABSPATH' ) || exit;

/**
 * An error notice on every admin screen, for those who can activate plugins.
 */
final class Requirements_Notice {
	/**
	 * The unmet requirements.
	 *
	 * @var Requirements
	 */
	private $requirements;

	/**
	 * Builds the notice.
	 *
	 * @param Requirements $requirements The unmet requirements.
	 */
	public function __construct( Requirements $requirements ) {
		$this->requirements = $requirements;
	}

	/**
	 * Hooks the notice into the admin screens (the network admin's too).
	 */
	public function register(): void {
		add_action( 'admin_notices', array( $this, 'render' ) );
		add_action( 'network_admin_notices', array( $this, 'render' ) );
	}

	/**
	 * Prints the notice.
	 */
	public function render(): void {
		if ( $this->requirements->met() || ! current_user_can( 'activate_plugins' ) ) {
			return;
		}
		$problem = $this->requirements->problem();
		printf( '<div class="notice notice-error caricomtr-requirements"><p>%s</p></div>', esc_html( $problem ) );
	}
}
