package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.util.Map;
import java.util.stream.Stream;

import com.caricomtr.agent.testing.SharedFixtures;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identities the generator is held to ({@link WooIdentities}) first hold on data WooCommerce itself wrote; that
 * is where they come from. Simpler formulas (a tax line as the rounded sum of unrounded item taxes, _line_tax always
 * rounded half-up, the total from unrounded line totals) fail here on a few orders each, so they are not used.
 */
class WooIdentitiesOnFixturesTest {
    private static final Map<String, Integer> ORDERS_AND_REFUNDS = Map.of("hpos", 44, "hpos_sync", 44, "legacy", 44,
            "hpos_bulk", 2044);

    static Stream<String> fixtures() {
        return SharedFixtures.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void realWooCommerceOrdersSatisfyTheIdentities(String fixture) throws Exception {
        try (Connection c = TestDatabase.connect(TestDatabase.get().fixture(fixture))) {
            StoredOrders orders = StoredOrders.read(c, "wp_");
            assertThat(orders.headers()).hasSize(ORDERS_AND_REFUNDS.get(fixture));
            assertThat(WooIdentities.violations(orders)).as("identity violations in %s", fixture).isEmpty();
        }
    }
}
