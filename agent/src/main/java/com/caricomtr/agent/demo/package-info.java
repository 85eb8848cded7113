/**
 * The WooCommerce side of the demo and the benchmarks: {@link com.caricomtr.agent.demo.WooSchema} creates the
 * WordPress/WooCommerce tables the agent reads, exactly as WooCommerce 9.9 does, for any table prefix;
 * {@link com.caricomtr.agent.demo.DemoShopGenerator} fills them with a Turkish demo shop in one of the three
 * {@link com.caricomtr.agent.demo.StorageLayout}s.
 *
 * <p>Everything else in this package is the generator's inside: WooCommerce's order arithmetic
 * ({@code OrderCalculator}, {@code CouponDiscounts}, {@code RefundCalculator}, {@code WooMath}), the shop's made-up
 * catalogue and people, and one writer per storage.
 */
package com.caricomtr.agent.demo;
