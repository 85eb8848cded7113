<?php
/**
 * Plugin Name:          Cari.com.tr Integration for WooCommerce
 * Plugin URI:           https://cari.com.tr
 * Description:          Sends WooCommerce orders to the Cari.com.tr accounting system as invoices, through the Cari.com.tr sync agent running on the same server.
 * Version:              0.1.0
 * Requires at least:    5.8
 * Requires PHP:         7.4
 * Requires Plugins:     woocommerce
 * Author:               Cari.com.tr
 * Author URI:           https://cari.com.tr
 * License:              GPL-2.0-or-later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          cari-com-tr-integration-woocommerce
 * WC requires at least: 5.0
 * WC tested up to:      9.9
 *
 * @package Caricomtr\Bridge
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/includes/class-autoloader.php';

\Caricomtr\Bridge\Autoloader::register( __DIR__ . '/includes' );
\Caricomtr\Bridge\Plugin::boot( __FILE__ );
