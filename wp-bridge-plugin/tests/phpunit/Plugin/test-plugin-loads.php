<?php
/**
 * The plugin loads in a real WordPress with WooCommerce, in the storage of the run.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\Plugin;

use Automattic\WooCommerce\Utilities\OrderUtil;
use Caricomtr\Bridge\Plugin;
use Caricomtr\Bridge\Tests\Bridge_Test_Case;
use Caricomtr\Bridge\Tests\Test_Env;

/**
 * Loading.
 */
final class Test_Plugin_Loads extends Bridge_Test_Case {

	public function test_the_plugin_is_active_and_started_with_woocommerce(): void {
		$this->assertContains( 'cari-com-tr-integration-woocommerce/cari-com-tr-integration-woocommerce.php', get_option( 'active_plugins' ) );
		$plugin = Plugin::instance();
		$this->assertInstanceOf( Plugin::class, $plugin );
		$this->assertTrue( $plugin->is_running(), 'started on plugins_loaded' );
		$this->assertSame( 1, did_action( 'caricomtr_bridge_started' ) );
		$this->assertSame( 'cari-com-tr-integration-woocommerce/cari-com-tr-integration-woocommerce.php', $plugin->basename() );
		$this->assertTrue( did_action( 'woocommerce_loaded' ) > 0 );
	}

	public function test_loading_raised_no_notice_warning_or_doing_it_wrong_of_the_plugin(): void {
		$this->assertSame( array(), $GLOBALS['caricomtr_problems_while_loading'] );
	}

	public function test_woocommerce_uses_the_storage_of_the_run(): void {
		$hpos = 'hpos' === Test_Env::storage();
		$this->assertSame( $hpos, OrderUtil::custom_orders_table_usage_is_enabled() );
		$order = $this->create_order();
		$this->assertSame(
			$hpos ? 'Automattic\WooCommerce\Internal\DataStores\Orders\OrdersTableDataStore' : 'WC_Order_Data_Store_CPT',
			$order->get_data_store()->get_current_class_name()
		);
		global $wpdb;
		$in_hpos_table = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}wc_orders WHERE id = %d", $order->get_id() ) );
		$this->assertSame( $hpos ? 1 : 0, $in_hpos_table );
		$this->assertSame( $hpos ? 'shop_order_placehold' : 'shop_order', get_post_type( $order->get_id() ) );
	}
}
