package com.caricomtr.agent.sync;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.sandbox.admin.SandboxStats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two agents on one database share the queue without sending any order twice, even when connections drop. */
class ConcurrentAgentsTest {

    @Test
    void twoAgentsOnOneDatabaseSendEveryOrderOnce() throws Exception {
        try (SyncFixture fixture = new SyncFixture(StorageLayout.HPOS, 400);
             SyncEngine first = SyncEngine.start(List.of(fixture.site("shop")), "agent-a", false);
             SyncEngine second = SyncEngine.start(List.of(fixture.site("shop")), "agent-b", false)) {
            List<Long> expected = expected(fixture);
            first.site("shop").orElseThrow().startBackfill(null, null, List.of("processing", "completed"));

            awaitSynced(first.site("shop").orElseThrow(), expected);
            SandboxStats stats = fixture.sandbox.stats();
            assertThat(stats.invoices()).isEqualTo(expected.size());
            // Nothing was sent twice: a second send of one order would have met a 409.
            assertThat(stats.conflicts()).isZero();
            assertThat(stats.ordersInvoicedMoreThanOnce()).isEmpty();
            var claimedBy = first.site("shop").orElseThrow().runtime().state().orders().states(expected).values()
                    .stream().map(s -> s.claimedBy()).distinct().toList();
            assertThat(claimedBy).as("both agents worked").hasSizeGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void droppedDatabaseConnectionsMidRunLoseNothing() throws Exception {
        try (SyncFixture fixture = new SyncFixture(StorageLayout.POSTS, 400);
             SyncEngine engine = SyncEngine.start(List.of(fixture.site("shop")), "agent-c", false)) {
            SiteSync site = engine.site("shop").orElseThrow();
            List<Long> expected = expected(fixture);
            site.startBackfill(null, null, List.of("processing", "completed"));
            Thread.sleep(300);
            for (int i = 0; i < 3; i++) {
                killAgentConnections(fixture);
                Thread.sleep(250);
            }
            awaitSynced(site, expected);
            SandboxStats stats = fixture.sandbox.stats();
            assertThat(stats.invoices()).isEqualTo(expected.size());
            assertThat(stats.ordersInvoicedMoreThanOnce()).isEmpty();
            assertThat(stats.duplicateInvoiceNumbers()).isZero();
        }
    }

    private static List<Long> expected(SyncFixture fixture) throws Exception {
        List<Long> ids = new ArrayList<>(fixture.postsOrHposOrders("processing"));
        ids.addAll(fixture.postsOrHposOrders("completed"));
        return ids;
    }

    private static void awaitSynced(SiteSync site, List<Long> expected) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                site.runtime().state().orders().states(expected).values().stream()
                        .filter(s -> s.state() == SyncState.SYNCED).count() == expected.size());
    }

    /** Kills every connection of the test database but this one: what a server restart or a network cut does. */
    private static void killAgentConnections(SyncFixture fixture) throws Exception {
        String schema = fixture.db.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
        try (Connection c = TestDatabase.connect(fixture.db); Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (var rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE db = '" + schema
                    + "' AND id <> CONNECTION_ID()")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (Long id : ids) {
                try {
                    s.execute("KILL CONNECTION " + id);
                } catch (java.sql.SQLException gone) {
                    // already closed
                }
            }
        }
    }
}
