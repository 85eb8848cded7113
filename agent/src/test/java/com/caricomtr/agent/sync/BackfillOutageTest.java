package com.caricomtr.agent.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.Backfill;
import com.caricomtr.agent.sync.state.BackfillState;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.testing.TcpProxy;
import com.caricomtr.sandbox.admin.SandboxStats;
import com.caricomtr.sandbox.store.StoredInvoice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent process, started as in production ({@code serve} with the production JVM flags), runs a backfill of a
 * generated shop whose database goes away for 5 seconds in the middle of it, and finishes it without a restart:
 * the backfill resumes from its stored cursor, and every order in a trigger status is invoiced exactly once.
 *
 * <p>The agent reaches the database through a {@link TcpProxy}. To cut it while the backfill is surely mid-way,
 * the test holds the second batch ({@link HeldBatch}) until the first batch and its cursor are stored. The cut
 * breaks the waiting insert (the server rolls its transaction back), as an outage does to whatever statement is
 * under way.
 */
class BackfillOutageTest {
    private static final String SITE = "outage";
    private static final int ORDERS = 900;
    private static final int BATCH = 500;
    private static final Duration OUTAGE = Duration.ofSeconds(5);

    @Test
    void aBackfillFinishesThroughAFiveSecondDatabaseOutageWithoutARestart() throws Exception {
        try (SyncFixture fixture = new SyncFixture(StorageLayout.HPOS, ORDERS);
             JdbcConnectionPool pool = JdbcConnectionPool.open(fixture.db);
             TcpProxy proxy = TcpProxy.inFrontOf(fixture.db.jdbcUrl())) {
            StateLocation location = new StateLocation(null, "wp_");
            AgentStateSchema.migrate(pool.dataSource(), location);
            AgentState state = AgentState.open(pool.dataSource(), location, SITE);
            List<Long> expected = new ArrayList<>(fixture.ordersIn("processing"));
            expected.addAll(fixture.ordersIn("completed"));
            expected.sort(null);
            assertThat(expected).as("two batches at least").hasSizeGreaterThan(BATCH + 20);
            long firstBatchEnd = expected.get(BATCH - 1);
            Backfill backfill = state.backfills().create(null, null, List.of("processing", "completed"));

            ServeProcess serve;
            Process agent;
            long pid;
            Instant agentStarted;
            long cutAt;
            long restoredAt;
            try (HeldBatch held = new HeldBatch(fixture.db, SITE, expected.get(BATCH))) {
                serve = ServeProcess.startAsInProduction(writeConfig(fixture, proxy), "backfill-outage-agent");
                agent = serve.process();
                pid = agent.pid();
                agentStarted = agent.toHandle().info().startInstant().orElseThrow();
                long startedAt = System.nanoTime();
                waitFor(agent, Duration.ofSeconds(90), "the first batch's cursor",
                        () -> cursor(state, backfill.id()) == firstBatchEnd);
                waitFor(agent, Duration.ofSeconds(20), "the second batch waiting on the held row",
                        held::backfillWaits);
                assertThat(state.backfills().get(backfill.id()).orElseThrow().state()).isEqualTo(BackfillState.RUNNING);
                System.out.printf("backfill-outage: first batch stored %.1f s after the agent started%n",
                        seconds(System.nanoTime() - startedAt));

                cutAt = System.nanoTime();
                proxy.cut();
                held.release();
            }
            while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
                assertThat(agent.isAlive()).as("the agent lives through the outage").isTrue();
                Thread.sleep(100);
            }
            assertThat(cursor(state, backfill.id())).as("nothing moves while cut").isEqualTo(firstBatchEnd);
            proxy.restore();
            restoredAt = System.nanoTime();

            try {
                waitFor(agent, Duration.ofSeconds(60), "the backfill moving on", () -> cursor(state, backfill.id())
                        > firstBatchEnd);
                long movedAt = System.nanoTime();
                waitFor(agent, Duration.ofSeconds(30), "the backfill done",
                        () -> state.backfills().get(backfill.id()).orElseThrow().state() == BackfillState.DONE);
                waitFor(agent, Duration.ofMinutes(2), "every order synced", () -> notSynced(state, expected).isEmpty());
                long syncedAt = System.nanoTime();
                System.out.printf("backfill-outage: %d orders; database cut for %.1f s; the backfill moved again"
                                + " %.1f s after the cut (%.1f s after the restore); all synced %.1f s after the"
                                + " restore%n", expected.size(), seconds(restoredAt - cutAt),
                        seconds(movedAt - cutAt), seconds(movedAt - restoredAt), seconds(syncedAt - restoredAt));

                assertThat(agent.isAlive()).as("the same agent process, never restarted").isTrue();
                ProcessHandle alive = ProcessHandle.of(pid).orElseThrow();
                assertThat(alive.info().startInstant()).as("process %d started once", pid).contains(agentStarted);
                Backfill done = state.backfills().get(backfill.id()).orElseThrow();
                assertThat(done.queued()).as("each order queued once by the backfill").isEqualTo(expected.size());
                assertThat(done.cursorId()).isEqualTo(expected.getLast());
            } finally {
                serve.close();
            }

            List<String> lines = Files.readAllLines(serve.log());
            assertThat(lines.stream().filter(l -> l.contains("listening on http://")))
                    .as("the agent started once").hasSize(1);
            String who = "site " + SITE + ": backfill " + backfill.id() + ": ";
            assertThat(lines.stream().filter(l -> l.contains(who + "the database failed")))
                    .as("the outage is logged once").hasSize(1);
            List<String> recovered = lines.stream().filter(l -> l.contains(who + "the database answers again"))
                    .toList();
            assertThat(recovered).as("the recovery is logged once").hasSize(1);
            assertThat(recovered.getFirst()).as("resumed from the stored cursor, not from the first order")
                    .contains("continuing after order " + firstBatchEnd);
            assertThat(lines).noneMatch(l -> l.contains("resumes at the next start"));

            SandboxStats stats = fixture.sandbox.stats();
            assertThat(stats.duplicateInvoiceNumbers()).isZero();
            assertThat(stats.ordersInvoicedMoreThanOnce()).isEmpty();
            Map<String, StoredInvoice> byOrder = new HashMap<>();
            for (StoredInvoice invoice : fixture.sandbox.invoices()) {
                assertThat(byOrder.put(invoice.siparisNo().orElseThrow(), invoice)).as("one invoice per order")
                        .isNull();
            }
            assertThat(byOrder).hasSize(expected.size());
        }
    }

    private static long cursor(AgentState state, long backfillId) {
        Long cursor = state.backfills().get(backfillId).orElseThrow().cursorId();
        return cursor == null ? 0 : cursor;
    }

    private static List<Long> notSynced(AgentState state, List<Long> expected) {
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < expected.size(); i += 500) {
            List<Long> chunk = expected.subList(i, Math.min(expected.size(), i + 500));
            var states = state.orders().states(chunk);
            chunk.stream().filter(id -> states.get(id) == null || states.get(id).state() != SyncState.SYNCED)
                    .forEach(missing::add);
        }
        return missing;
    }

    /** Polls until the condition holds, failing at the deadline or as soon as the agent process is gone. */
    private static void waitFor(Process agent, Duration atMost, String what, Check condition) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.holds()) {
            assertThat(agent.isAlive()).as("the agent is alive while waiting for %s", what).isTrue();
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static Path writeConfig(SyncFixture fixture, TcpProxy proxy) throws IOException {
        // Leases are short so that the orders in flight when the database went away are recovered soon after.
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cari.connect-timeout", "1s");
        settings.put("cari.read-timeout", "2s");
        settings.put("cari.call-timeout", "4s");
        settings.put("sync.concurrency", "8");
        settings.put("sync.rate-per-second", "200");
        settings.put("sync.max-attempts", "1000");
        settings.put("sync.base-backoff", "50ms");
        settings.put("sync.max-backoff", "500ms");
        settings.put("sync.lease", "3s");
        return AgentYaml.agent().site(SITE, proxy.jdbcUrl(fixture.db.jdbcUrl()), fixture.db, fixture.sandbox.baseUrl(),
                settings).write();
    }
}
