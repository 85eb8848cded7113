<?php
/**
 * What the plugin needs to run.
 *
 * @package Caricomtr\Bridge
 */

namespace Caricomtr\Bridge;

defined( 'ABSPATH' ) || exit;

/**
 * WooCommerce, active and at least {@see Requirements::WOOCOMMERCE_MIN}. Checked on `plugins_loaded`, when every
 * active plugin has been loaded whatever their order.
 */
final class Requirements {
	const WOOCOMMERCE_MIN = '5.0';

	/**
	 * Returns the active WooCommerce version, or null.
	 *
	 * @var callable|null
	 */
	private $version_of_woocommerce;

	/**
	 * Builds the check.
	 *
	 * @param callable|null $version_of_woocommerce Returns the active WooCommerce version or null; by default
	 *                                              WooCommerce's own `WC_VERSION`.
	 */
	public function __construct( ?callable $version_of_woocommerce = null ) {
		$this->version_of_woocommerce = $version_of_woocommerce;
	}

	/**
	 * The active WooCommerce version, or null when WooCommerce is not active.
	 */
	public function woocommerce_version(): ?string {
		if ( null !== $this->version_of_woocommerce ) {
			$version = call_user_func( $this->version_of_woocommerce );
			return null === $version ? null : (string) $version;
		}
		return defined( 'WC_VERSION' ) && class_exists( 'WooCommerce', false ) ? (string) WC_VERSION : null;
	}

	/**
	 * Whether the plugin can run.
	 */
	public function met(): bool {
		$version = $this->woocommerce_version();
		return null !== $version && version_compare( $version, self::WOOCOMMERCE_MIN, '>=' );
	}

	/**
	 * Why the plugin cannot run, for administrators; empty when it can. Translated: call it from `init` on, never
	 * while plugins load (WordPress 6.7+ reports translations loaded earlier).
	 */
	public function problem(): string {
		if ( $this->met() ) {
			return '';
		}
		$version = $this->woocommerce_version();
		if ( null === $version ) {
			return sprintf(
				/* translators: %s: the lowest WooCommerce version the plugin works with, e.g. 5.0 */
				__( 'Cari.com.tr Integration for WooCommerce needs WooCommerce %s or newer, installed and active. Until then it does nothing.', 'cari-com-tr-integration-woocommerce' ),
				self::WOOCOMMERCE_MIN
			);
		}
		return sprintf(
			/* translators: 1: the lowest WooCommerce version the plugin works with, e.g. 5.0; 2: the active version */
			__( 'Cari.com.tr Integration for WooCommerce needs WooCommerce %1$s or newer; this site runs WooCommerce %2$s. Until it is updated the plugin does nothing.', 'cari-com-tr-integration-woocommerce' ),
			self::WOOCOMMERCE_MIN,
			$version
		);
	}
}
