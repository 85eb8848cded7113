package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.sync.state.Trigger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At a slow rate the worker claims an order only when it may start it: the rest stay {@code pending}, unclaimed,
 * instead of waiting in the rate limiter with their leases ticking (which let a lease run out before the order's
 * turn, and made every restart count against the order).
 */
class SlowRateClaimTest {
    @Test
    void ordersWaitingForTheirTurnAreNotClaimed() throws Exception {
        try (SyncFixture fixture = new SyncFixture(StorageLayout.HPOS, 60)) {
            SiteConfig base = fixture.site("slow");
            SiteConfig slow = base.withPolicy(base.policy().withThroughput(4, 0.5).withLease(Duration.ofSeconds(1)));
            List<Long> orders = fixture.ordersIn("processing").subList(0, 6);
            try (SyncEngine engine = SyncEngine.open(List.of(slow), "agent")) {
                orders.forEach(id -> engine.states().get("slow").orders().enqueue(id, "processing", Trigger.NOTIFY,
                        false));
                engine.start(false, SyncHooks.NONE);
                SiteSync site = engine.site("slow").orElseThrow();

                await().atMost(Duration.ofSeconds(10)).until(() -> count(site, orders, SyncState.SYNCED) >= 1);
                for (int i = 0; i < 6; i++) {
                    Map<Long, OrderSyncState> rows = site.runtime().state().orders().states(orders);
                    long started = rows.values().stream().filter(r -> r.claims() > 0).count();
                    long synced = rows.values().stream().filter(r -> r.state() == SyncState.SYNCED).count();
                    assertThat(started - synced).as("claimed but not done").isLessThanOrEqualTo(1);
                    assertThat(rows.values()).allSatisfy(r -> assertThat(r.lostClaims()).isZero());
                    Thread.sleep(400);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> count(site, orders, SyncState.SYNCED) == 6);
                assertThat(site.runtime().state().orders().states(orders).values())
                        .allSatisfy(r -> assertThat(r.claims()).as("each claimed once").isEqualTo(1));
            }
        }
    }

    private static long count(SiteSync site, List<Long> orders, SyncState state) {
        return site.runtime().state().orders().states(orders).values().stream().filter(r -> r.state() == state)
                .count();
    }
}
