package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.List;

import com.caricomtr.agent.cari.CariCallContext;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.sync.state.Claim;
import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.StoredInvoiceNumber;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.sync.state.Trigger;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.sandbox.traffic.RequestRecord;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order whose worker died mid-send is recovered by a lookup in Cari, and that lookup is a call like any other:
 * its failures are retried without using up {@code sync.max-attempts} (here 1), and what it finds is adopted only
 * when it is this order's invoice.
 */
class RecoveredClaimTest {
    private static SyncFixture fixture;
    private static SiteConfig config;

    @BeforeAll
    static void start() {
        fixture = new SyncFixture(StorageLayout.HPOS, 60);
        SiteConfig base = fixture.site("shop");
        config = base.withPolicy(base.policy().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 1)
                .withLease(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aFailingRecoveryLookupIsRetriedAndNeverFailsTheOrderByItself() throws Exception {
        long order = fixture.ordersIn("processing").getFirst();
        String cariId = crashAfterSending(order, config);
        java.time.Instant crashed = java.time.Instant.now();
        // The lookup fails; the retry sends, Cari says "exists", and reading that invoice fails; the next retry
        // sends again and can read it. Two sends answered, but only the one that ended an outcome is an attempt.
        sandbox().faults().script(List.of("error-500", "none", "error-503"));

        try (SyncEngine engine = SyncEngine.start(List.of(config), "agent", false)) {
            SiteSync site = engine.site("shop").orElseThrow();
            await().atMost(Duration.ofSeconds(20)).until(() -> state(site, order).state() == SyncState.SYNCED);

            OrderSyncState row = state(site, order);
            assertThat(row.cariInvoiceId()).as("the invoice the dead worker sent is adopted").isEqualTo(cariId);
            assertThat(row.attempts()).as("max-attempts is 1, and failed lookups never used it").isEqualTo(1);
            assertThat(row.lostClaims()).isEqualTo(1);
            assertThat(row.claims()).isEqualTo(4);
        }
        assertThat(sandbox().invoices()).filteredOn(i -> i.siparisNo().orElse("").equals(Long.toString(order)))
                .hasSize(1);
        List<String> calls = sandbox().requests(1000).stream()
                .filter(r -> r.path().contains("/faturalar") && r.at().isAfter(crashed))
                .map(r -> r.method() + " " + (r.path().endsWith("/faturalar") ? "" : "{id} ") + r.status())
                .toList();
        assertThat(calls).containsExactly("GET 500", "POST 409", "GET {id} 503", "POST 409", "GET {id} 200");
    }

    @Test
    void aRecoveredNumberHoldingAnotherShopsInvoiceIsNotAdopted() throws Exception {
        sandbox().faults().script(List.of());
        long order = fixture.ordersIn("processing").get(1);
        SiteConfig neighbour = new SiteConfig("neighbour", config.database(), config.prefix(), config.stateSchema(),
                config.secret() + "n", config.cari(), config.invoice(), config.policy(), false, false);
        // The neighbour shop (same tables, another site) sends this order's number first...
        try (SiteRuntime other = SiteRuntime.open(neighbour)) {
            Order loaded = other.reader().load(List.of(order)).orders().getFirst();
            other.delivery().deliver(other.invoices().map(loaded), CariCallContext.forOrder(order, 1));
        }
        // ...and this shop's worker died right after fixing the same number, before it sent anything.
        try (SiteRuntime runtime = SiteRuntime.open(config)) {
            runtime.state().orders().enqueue(order, "processing", Trigger.NOTIFY, false);
            Claim dead = runtime.state().orders().claim("dead", 1, Duration.ofMillis(200)).getFirst();
            Invoice invoice = runtime.invoices().map(runtime.reader().load(List.of(order)).orders().getFirst());
            runtime.state().orders().recordInvoiceNumber(dead, new StoredInvoiceNumber(invoice.series(),
                    invoice.number(), invoice.sequence()));
        }

        try (SyncEngine engine = SyncEngine.start(List.of(config), "agent", false)) {
            SiteSync site = engine.site("shop").orElseThrow();
            await().atMost(Duration.ofSeconds(20)).until(() -> state(site, order).state() == SyncState.NEEDS_REVIEW);

            OrderSyncState row = state(site, order);
            assertThat(row.cariInvoiceId()).isNull();
            assertThat(row.lastError()).contains("is not this order's",
                    "dis_anahtar 'neighbour/" + order + "' where this order's is 'shop/" + order + "'");
        }
    }

    /** Enqueues the order, claims it for a worker that then sends its invoice and dies; returns the invoice id. */
    private static String crashAfterSending(long order, SiteConfig site) throws Exception {
        try (SiteRuntime runtime = SiteRuntime.open(site)) {
            runtime.state().orders().enqueue(order, "processing", Trigger.NOTIFY, false);
            Claim dead = runtime.state().orders().claim("dead", 1, Duration.ofMillis(200)).getFirst();
            Order loaded = runtime.reader().load(List.of(order)).orders().getFirst();
            Invoice invoice = runtime.invoices().map(loaded);
            runtime.state().orders().recordInvoiceNumber(dead, new StoredInvoiceNumber(invoice.series(),
                    invoice.number(), invoice.sequence()));
            return runtime.delivery().deliver(invoice, CariCallContext.forOrder(order, 1)).cariInvoiceId();
        }
    }

    private static OrderSyncState state(SiteSync site, long order) {
        return site.runtime().state().orders().states(List.of(order)).get(order);
    }

    private static com.caricomtr.sandbox.CariSandbox sandbox() {
        return fixture.sandbox;
    }
}
