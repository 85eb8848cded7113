<?php
/**
 * The plugin's entry point.
 *
 * @package Caricomtr\Bridge
 */

namespace Caricomtr\Bridge;

use Automattic\WooCommerce\Utilities\FeaturesUtil;
use Caricomtr\Bridge\Admin\Requirements_Notice;
use Caricomtr\Bridge\Agent\Client;
use Caricomtr\Bridge\Agent\Verifier;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the hooks the plugin needs, and no more: two at load time, the rest once WooCommerce is known to be
 * there, each feature where its screen or event needs it.
 */
final class Plugin {
	const VERSION = '0.1.0';
	const SLUG    = 'cari-com-tr-integration-woocommerce';

	/**
	 * The running instance.
	 *
	 * @var Plugin|null
	 */
	private static $instance = null;

	/**
	 * Absolute path of the main plugin file.
	 *
	 * @var string
	 */
	private $file;

	/**
	 * What the plugin needs to run.
	 *
	 * @var Requirements
	 */
	private $requirements;

	/**
	 * The connection to the agent.
	 *
	 * @var Settings
	 */
	private $settings;

	/**
	 * Whether the features were started (WooCommerce present and recent enough).
	 *
	 * @var bool
	 */
	private $running = false;

	/**
	 * Builds the plugin; {@see Plugin::boot()} is what the main file calls.
	 *
	 * @param string            $file         The main plugin file.
	 * @param Requirements|null $requirements What the plugin needs (tests pass their own).
	 * @param Settings|null     $settings     The connection settings.
	 */
	public function __construct( string $file, ?Requirements $requirements = null, ?Settings $settings = null ) {
		$this->file         = $file;
		$this->requirements = $requirements ? $requirements : new Requirements();
		$this->settings     = $settings ? $settings : new Settings();
	}

	/**
	 * Creates the instance once and registers its load-time hooks.
	 *
	 * @param string $file The main plugin file.
	 */
	public static function boot( string $file ): Plugin {
		if ( null === self::$instance ) {
			self::$instance = new self( $file );
			self::$instance->register();
		}
		return self::$instance;
	}

	/**
	 * The running instance, or null before the main file was loaded.
	 */
	public static function instance(): ?Plugin {
		return self::$instance;
	}

	/**
	 * The two hooks every request needs: the HPOS declaration and the start once all plugins are loaded.
	 */
	public function register(): void {
		add_action( 'before_woocommerce_init', array( $this, 'declare_compatibility' ) );
		add_action( 'plugins_loaded', array( $this, 'start' ) );
	}

	/**
	 * Tells WooCommerce that the plugin works with High-Performance Order Storage: it never reads order tables
	 * itself, it goes through WooCommerce's API and the agent.
	 */
	public function declare_compatibility(): void {
		if ( class_exists( FeaturesUtil::class ) ) {
			FeaturesUtil::declare_compatibility( 'custom_order_tables', $this->file, true );
		}
	}

	/**
	 * Starts the features when WooCommerce is there; otherwise shows administrators why not, and does nothing else.
	 */
	public function start(): void {
		if ( $this->running ) {
			return;
		}
		if ( ! $this->requirements->met() ) {
			if ( is_admin() ) {
				( new Requirements_Notice( $this->requirements ) )->register();
			}
			return;
		}
		$this->running = true;
		/**
		 * Fires once the bridge runs (WooCommerce is active and recent enough): where its features register their
		 * hooks.
		 *
		 * @param Plugin $plugin The plugin.
		 */
		do_action( 'caricomtr_bridge_started', $this );
	}

	/**
	 * Whether the features were started.
	 */
	public function is_running(): bool {
		return $this->running;
	}

	/**
	 * Absolute path of the main plugin file.
	 */
	public function file(): string {
		return $this->file;
	}

	/**
	 * `cari-com-tr-integration-woocommerce/cari-com-tr-integration-woocommerce.php`, as WordPress names the plugin.
	 */
	public function basename(): string {
		return plugin_basename( $this->file );
	}

	/**
	 * What the plugin needs to run.
	 */
	public function requirements(): Requirements {
		return $this->requirements;
	}

	/**
	 * The connection to the agent.
	 */
	public function settings(): Settings {
		return $this->settings;
	}

	/**
	 * A client for the agent's signed API, with the current settings.
	 */
	public function client(): Client {
		return Client::from_settings( $this->settings );
	}

	/**
	 * A verifier for the agent's signed calls into WordPress, with the current settings.
	 */
	public function verifier(): Verifier {
		return Verifier::from_settings( $this->settings );
	}
}
