<?php
/**
 * Loads the plugin's classes on first use.
 *
 * @package Caricomtr\Bridge
 */

namespace Caricomtr\Bridge;

defined( 'ABSPATH' ) || exit;

/**
 * Maps `Caricomtr\Bridge\Sub_Space\Class_Name` to `includes/sub-space/class-class-name.php`, the WordPress file
 * naming convention; no Composer at runtime.
 */
final class Autoloader {
	const PREFIX = __NAMESPACE__ . '\\';

	/**
	 * The folder holding the classes.
	 *
	 * @var string
	 */
	private static $directory = '';

	/**
	 * Registers the autoloader once.
	 *
	 * @param string $directory The plugin's `includes` folder.
	 */
	public static function register( string $directory ): void {
		if ( '' !== self::$directory ) {
			return;
		}
		self::$directory = rtrim( $directory, '/\\' );
		spl_autoload_register( array( __CLASS__, 'load' ) );
	}

	/**
	 * The file a class of this plugin lives in, or an empty string for a class of someone else.
	 *
	 * @param string $class_name Fully qualified class name.
	 */
	public static function file_for( string $class_name ): string {
		if ( 0 !== strpos( $class_name, self::PREFIX ) ) {
			return '';
		}
		$parts = explode( '\\', substr( $class_name, strlen( self::PREFIX ) ) );
		$class = array_pop( $parts );
		$path  = '';
		foreach ( $parts as $part ) {
			$path .= self::slug( $part ) . '/';
		}
		return self::$directory . '/' . $path . 'class-' . self::slug( $class ) . '.php';
	}

	/**
	 * Loads a class of this plugin.
	 *
	 * @param string $class_name Fully qualified class name.
	 */
	public static function load( string $class_name ): void {
		$file = self::file_for( $class_name );
		if ( '' !== $file && is_readable( $file ) ) {
			require_once $file;
		}
	}

	/**
	 * `Nonce_Store` becomes `nonce-store`.
	 *
	 * @param string $name A namespace part or a class name.
	 */
	private static function slug( string $name ): string {
		return strtolower( str_replace( '_', '-', $name ) );
	}
}
