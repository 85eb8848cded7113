package com.caricomtr.agent.woo;

import java.util.List;
import java.util.Map;

import com.caricomtr.agent.testing.SharedFixtures;

import com.caricomtr.agent.testing.FixtureOrders;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every order of every real WooCommerce fixture loads and adds up to the total WooCommerce stored. */
class FixtureReconciliationTest {
    private static final Map<String, Integer> ORDER_COUNTS = Map.of(
            "hpos", 40, "hpos_sync", 40, "legacy", 40, "hpos_bulk", 2040);
    private static final Map<String, StorageMode> MODES = Map.of(
            "hpos", StorageMode.HPOS, "hpos_sync", StorageMode.HPOS_WITH_SYNC, "legacy", StorageMode.POSTS,
            "hpos_bulk", StorageMode.HPOS);

    static List<String> fixtures() {
        return SharedFixtures.ALL;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyOrderLoadsAndReconcilesToTheKurus(String fixture) {
        FixtureOrders.Read read = FixtureOrders.read(fixture, null);

        assertThat(read.mode()).isEqualTo(MODES.get(fixture));
        assertThat(read.rejections()).isEmpty();
        assertThat(read.orders()).hasSize(ORDER_COUNTS.get(fixture));
        for (Order order : read.orders()) {
            assertThat(OrderReconciliation.check(order)).as("order %d of %s", order.id(), fixture).isEmpty();
            assertThat(order.lineItems()).as("order %d", order.id()).isNotEmpty();
        }
    }
}
