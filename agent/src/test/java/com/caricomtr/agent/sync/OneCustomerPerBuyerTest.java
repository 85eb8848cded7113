package com.caricomtr.agent.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.EnqueueRequest;
import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.sync.state.Trigger;
import com.caricomtr.sandbox.SandboxOptions;
import com.caricomtr.sandbox.admin.SandboxStats;
import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.store.StoredInvoice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop whose every order is one new buyer's, synced into a sandbox that accepts duplicate customer keys (as a
 * Cari that does not refuse them might): whatever the concurrency, and across agent processes on one database, the
 * buyer becomes exactly one customer, and every invoice points at it.
 *
 * <p>The sandbox's latency keeps the first creation in flight long enough for the other deliveries to be under way
 * meanwhile; each test checks that they were, so that one customer is not a matter of timing.
 */
class OneCustomerPerBuyerTest {
    private static final int CONCURRENCY = 16;

    @Test
    void sixteenDeliveriesAtOnceForOneNewBuyerMakeOneCustomer() throws Exception {
        try (SyncFixture fixture = new SyncFixture(StorageLayout.HPOS, 80, sandbox(300))) {
            OneBuyer.takeOver(fixture.db, StorageLayout.HPOS);
            List<Long> expected = ordersToInvoice(fixture);
            assertThat(expected).hasSizeGreaterThanOrEqualTo(2 * CONCURRENCY);
            try (SyncEngine engine = SyncEngine.start(List.of(site(fixture)), "agent-a", false)) {
                SiteSync site = engine.site("shop").orElseThrow();
                AgentState state = site.runtime().state();
                site.startBackfill(null, null, List.of("processing", "completed"));

                Set<Long> inFlight = sendingBeforeTheCustomerExists(fixture, state, expected).orders;
                awaitSynced(state, expected);

                assertThat(inFlight).as("deliveries under way before Cari had the customer")
                        .hasSizeGreaterThanOrEqualTo(CONCURRENCY);
            }
            assertOneCustomerForAll(fixture, expected);
        }
    }

    @Test
    void twoAgentProcessesOnOneDatabaseMakeOneCustomer() throws Exception {
        try (SyncFixture fixture = new SyncFixture(StorageLayout.POSTS, 100, sandbox(700));
             JdbcConnectionPool pool = JdbcConnectionPool.open(fixture.db)) {
            OneBuyer.takeOver(fixture.db, StorageLayout.POSTS);
            List<Long> expected = ordersToInvoice(fixture);
            StateLocation location = new StateLocation(null, "wp_");
            AgentStateSchema.migrate(pool.dataSource(), location);
            AgentState state = AgentState.open(pool.dataSource(), location, "shop");
            Path config = writeConfig(fixture);

            try (ServeProcess first = ServeProcess.start(config, "one-buyer-agent-a");
                 ServeProcess second = ServeProcess.start(config, "one-buyer-agent-b")) {
                first.awaitServing(Duration.ofSeconds(90));
                second.awaitServing(Duration.ofSeconds(90));
                // Queued only once both agents are up, so that both claim the buyer's orders from the start.
                state.orders().enqueueAll(expected.stream()
                        .map(id -> new EnqueueRequest(id, "", Trigger.BACKFILL, false)).toList());

                Set<String> claimers = sendingBeforeTheCustomerExists(fixture, state, expected).agents;
                awaitSynced(state, expected);

                assertThat(claimers).as("agents delivering before Cari had the customer")
                        .containsExactlyInAnyOrder("one-buyer-agent-a/shop", "one-buyer-agent-b/shop");
            }
            assertOneCustomerForAll(fixture, expected);
        }
    }

    private static SandboxOptions sandbox(int latencyMs) {
        return SandboxOptions.builder().port(0).acceptDuplicateCustomerKeys(true)
                .faults(FaultSettings.builder().latencyMs(latencyMs, latencyMs).build()).build();
    }

    private static SiteConfig site(SyncFixture fixture) {
        SiteConfig base = fixture.site("shop");
        return base.withCari(base.cari().withConnections(CONCURRENCY, Duration.ofSeconds(30), CONCURRENCY))
                .withPolicy(base.policy().withThroughput(CONCURRENCY, 5_000).withLease(Duration.ofSeconds(30)));
    }

    private static List<Long> ordersToInvoice(SyncFixture fixture) throws Exception {
        List<Long> ids = new ArrayList<>(fixture.postsOrHposOrders("processing"));
        ids.addAll(fixture.postsOrHposOrders("completed"));
        return ids;
    }

    private record InFlight(Set<Long> orders, Set<String> agents) {
    }

    /** Which orders, claimed by which agents, were being sent at some moment while Cari had no customer yet. */
    private static InFlight sendingBeforeTheCustomerExists(SyncFixture fixture, AgentState state, List<Long> orders)
            throws InterruptedException {
        InFlight seen = new InFlight(new HashSet<>(), new HashSet<>());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (fixture.sandbox.customers().isEmpty() && System.nanoTime() < deadline) {
            for (OrderSyncState order : state.orders().states(orders).values()) {
                if (order.state() == SyncState.SENDING) {
                    seen.orders.add(order.orderId());
                    seen.agents.add(order.claimedBy());
                }
            }
            Thread.sleep(20);
        }
        return seen;
    }

    private static void awaitSynced(AgentState state, List<Long> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && state.orders().states(expected).values().stream()
                .filter(s -> s.state() == SyncState.SYNCED).count() < expected.size()) {
            Thread.sleep(200);
        }
        assertThat(state.orders().states(expected).values()).extracting(OrderSyncState::state)
                .containsOnly(SyncState.SYNCED);
    }

    private static void assertOneCustomerForAll(SyncFixture fixture, List<Long> expected) {
        SandboxStats stats = fixture.sandbox.stats();
        assertThat(stats.duplicateCustomerKeys()).isEmpty();
        assertThat(fixture.sandbox.customers()).singleElement()
                .satisfies(customer -> assertThat(customer.disAnahtar()).isEqualTo(OneBuyer.KEY));
        String customerId = fixture.sandbox.customers().getFirst().id();
        assertThat(fixture.sandbox.invoices()).hasSize(expected.size()).extracting(StoredInvoice::cariId)
                .containsOnly(customerId);
        assertThat(stats.ordersInvoicedMoreThanOnce()).isEmpty();
        assertThat(fixture.sandbox.requests(10_000)).filteredOn(r -> r.method().equals("POST")
                && r.path().equals("/api/cariler")).as("customer creations").hasSize(1);
    }

    private static Path writeConfig(SyncFixture fixture) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cari.read-timeout", "5s");
        settings.put("cari.call-timeout", "10s");
        settings.put("cari.max-concurrent-calls", "8");
        settings.put("sync.concurrency", "8");
        settings.put("sync.rate-per-second", "1000");
        settings.put("sync.lease", "30s");
        return AgentYaml.agent().site("shop", fixture.db.jdbcUrl(), fixture.db, fixture.sandbox.baseUrl(), settings)
                .write();
    }
}
