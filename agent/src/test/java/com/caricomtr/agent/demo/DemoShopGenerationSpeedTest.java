package com.caricomtr.agent.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how long 20,000 orders take in the heaviest layout (HPOS with sync writes every order twice). Printed, not
 * asserted: the time depends on the machine and on what else runs on it.
 */
class DemoShopGenerationSpeedTest {

    @Test
    void twentyThousandOrders() {
        DemoShop shop = GeneratedShops.generate(StorageLayout.HPOS_WITH_SYNC, 20_000, 42).shop();
        double seconds = shop.elapsed().toMillis() / 1000.0;
        System.out.printf("[demo-shop] %d orders + %d refunds in %s: %d rows in %.1f s (%.0f rows/s)%n",
                shop.orderCount(), shop.refundCount(), shop.layout(), shop.rowCount(), seconds,
                shop.rowCount() / seconds);
        assertThat(shop.orderCount()).isEqualTo(20_000);
    }
}
