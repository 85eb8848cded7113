package com.caricomtr.agent.demo;

import java.time.Duration;

/**
 * What {@link DemoShopGenerator#generate} wrote. Orders have the ids {@code firstOrderId .. lastOrderId()}; refunds
 * follow them, {@code refundCount} of them.
 *
 * @param orderItemCount rows written to {@code woocommerce_order_items}, refunds' items included
 * @param rowCount       rows written to all tables together
 */
public record DemoShop(String prefix,
                       StorageLayout layout,
                       long seed,
                       long firstOrderId,
                       int orderCount,
                       int refundCount,
                       long orderItemCount,
                       long rowCount,
                       Duration elapsed) {

    public long lastOrderId() {
        return firstOrderId + orderCount - 1;
    }
}
