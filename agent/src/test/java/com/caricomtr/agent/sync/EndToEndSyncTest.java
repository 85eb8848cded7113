package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.List;

import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.CounterStore;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.sandbox.store.StoredInvoice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A status change becomes exactly one invoice in Cari: via the bridge's notify, and via polling alone. */
class EndToEndSyncTest {
    private static SyncFixture fixture;
    private static SyncEngine engine;
    private static SiteSync site;

    @BeforeAll
    static void start() {
        fixture = new SyncFixture(StorageLayout.HPOS, 300);
        engine = SyncEngine.start(List.of(fixture.site("shop")), "agent-1", true);
        site = engine.site("shop").orElseThrow();
    }

    @AfterAll
    static void stop() {
        engine.close();
        fixture.close();
    }

    @Test
    void notifyTurnsAStatusChangeIntoOneInvoice() throws Exception {
        long order = fixture.ordersIn("pending").getFirst();
        fixture.setStatus("processing", order);

        List<OrderResult> results = site.notify(List.of(order));
        assertThat(results).singleElement().satisfies(r -> assertThat(r.outcome()).isIn("queued", "already_queued"));

        await().atMost(Duration.ofSeconds(10)).until(() -> invoicesFor(order) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> site.runtime().state().orders().states(List.of(order))
                .get(order).state() == SyncState.SYNCED);

        // A second event for the same order never makes a second invoice.
        fixture.setStatus("completed", order);
        site.notify(List.of(order));
        Thread.sleep(600);
        assertThat(invoicesFor(order)).isEqualTo(1);
    }

    @Test
    void pollingAloneFindsTheChange() throws Exception {
        long order = fixture.ordersIn("on-hold").getFirst();
        fixture.setStatus("completed", order);

        await().atMost(Duration.ofSeconds(10)).until(() -> invoicesFor(order) == 1);
    }

    @Test
    void ordersOutsideTheTriggerStatusesAreNotInvoiced() throws Exception {
        long order = fixture.ordersIn("pending").getLast();
        fixture.setStatus("cancelled", order);
        assertThat(site.notify(List.of(order))).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo("not_in_trigger_status"));
        Thread.sleep(600);
        assertThat(invoicesFor(order)).isZero();
    }

    @Test
    void aFailedOrderIsCountedOnce() throws Exception {
        long order = fixture.ordersIn("pending").get(1);
        try (var c = com.caricomtr.agent.testing.TestDatabase.connect(fixture.db); var s = c.createStatement()) {
            s.executeUpdate("UPDATE wp_wc_orders SET total_amount = NULL WHERE id = " + order);
        }
        var counters = site.runtime().state().counters();
        long failedBefore = counters.perDay(CounterStore.FAILED, 1).getFirst().count();
        fixture.setStatus("processing", order);
        site.notify(List.of(order));

        await().atMost(Duration.ofSeconds(10)).until(() -> site.runtime().state().orders().states(List.of(order))
                .get(order).state() == SyncState.FAILED);
        assertThat(counters.perDay(CounterStore.FAILED, 1).getFirst().count()).isEqualTo(failedBefore + 1);
        assertThat(invoicesFor(order)).isZero();
    }

    private static long invoicesFor(long orderId) {
        String number = Long.toString(orderId);
        return fixture.sandbox.invoices().stream().map(StoredInvoice::siparisNo)
                .filter(n -> n.isPresent() && n.get().equals(number)).count();
    }
}
