<?php
/**
 * The plugin declares itself compatible with HPOS.
 *
 * @package Caricomtr\Bridge\Tests
 */

namespace Caricomtr\Bridge\Tests\Plugin;

use Automattic\WooCommerce\Internal\Features\FeaturesController;
use Caricomtr\Bridge\Tests\Bridge_Test_Case;

/**
 * What WooCommerce recorded in before_woocommerce_init.
 */
final class Test_Hpos_Compatibility extends Bridge_Test_Case {
	const PLUGIN = 'cari-com-tr-integration-woocommerce/cari-com-tr-integration-woocommerce.php';

	public function test_woocommerce_lists_the_plugin_as_compatible_with_custom_order_tables(): void {
		$features      = wc_get_container()->get( FeaturesController::class );
		$compatibility = $features->get_compatible_plugins_for_feature( 'custom_order_tables', true );
		$this->assertContains( self::PLUGIN, $compatibility['compatible'] );
		$this->assertNotContains( self::PLUGIN, $compatibility['incompatible'] );
		$this->assertNotContains( self::PLUGIN, $compatibility['uncertain'] );
	}

	public function test_the_plugin_declares_for_custom_order_tables_only_as_compatible(): void {
		$features = wc_get_container()->get( FeaturesController::class );
		$declared = $features->get_compatible_features_for_plugin( self::PLUGIN, false );
		$this->assertContains( 'custom_order_tables', $declared['compatible'] );
		$this->assertSame( array(), $declared['incompatible'] );
	}
}
