package com.caricomtr.agent.sync;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.Backfill;
import com.caricomtr.agent.sync.state.BackfillState;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.testing.CapturedLogs;
import com.caricomtr.agent.testing.TcpProxy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backfill waiting out a database outage still obeys the two ways of stopping it: a cancel made meanwhile (by
 * another agent, or by this one's dashboard through a database it still reaches) is honoured once the database is
 * back, and closing the site stops it at once, leaving it to the next start. In-process, with the database behind a
 * {@link TcpProxy} and the backfill held between its first and second batch ({@link HeldBatch}).
 */
class BackfillCancelAndCloseInOutageTest {
    private static final int BATCH = 500;
    private static final List<String> STATUSES = List.of("processing", "completed");
    /** A bridge that never registers: the worker claims nothing. */
    private static final SyncHooks NEVER_REGISTERED = (SyncHooks) Proxy.newProxyInstance(
            SyncHooks.class.getClassLoader(), new Class<?>[] {SyncHooks.class},
            (proxy, method, args) -> method.getName().equals("known") ? false : method.invoke(SyncHooks.NONE, args));
    private static SyncFixture fixture;
    private static JdbcConnectionPool direct;
    private static List<Long> expected;

    @BeforeAll
    static void shop() throws Exception {
        fixture = new SyncFixture(StorageLayout.HPOS, 900);
        direct = JdbcConnectionPool.open(fixture.db);
        expected = new ArrayList<>(fixture.ordersIn("processing"));
        expected.addAll(fixture.ordersIn("completed"));
        expected.sort(null);
        assertThat(expected).hasSizeGreaterThan(BATCH + 20);
    }

    @AfterAll
    static void close() {
        direct.close();
        fixture.close();
    }

    @Test
    void aCancelDuringAnOutageIsHonouredOnceTheDatabaseIsBack() throws Exception {
        String site = "cancel.example.com";
        try (CapturedLogs logs = new CapturedLogs("com.caricomtr.agent.sync");
             TcpProxy proxy = TcpProxy.inFrontOf(fixture.db.jdbcUrl());
             SyncEngine engine = SyncEngine.start(List.of(fixture.site(site, proxy)), "outage-test", false);
             HeldBatch held = new HeldBatch(fixture.db, site, expected.get(BATCH))) {
            AgentState state = AgentState.open(direct.dataSource(), new StateLocation(null, "wp_"), site);
            Backfill backfill = engine.site(site).orElseThrow().startBackfill(null, null, STATUSES);
            awaitSecondBatch(state, backfill, held);

            proxy.cut();
            held.release();
            assertThat(state.backfills().cancel(backfill.id())).as("cancelled beside the outage").isTrue();
            Thread.sleep(2_000);
            proxy.restore();

            String who = "site " + site + ": backfill " + backfill.id() + ": ";
            await().atMost(Duration.ofSeconds(30)).until(() -> logs.lines().stream()
                    .anyMatch(l -> l.contains(who + "the database answers again")));
            assertThat(logs.lines()).filteredOn(l -> l.contains(who + "the database answers again")).singleElement()
                    .asString().contains("it is cancelled meanwhile, stopping");
            assertThat(logs.lines()).filteredOn(l -> l.contains(who + "the database failed")).hasSize(1);
            Thread.sleep(1_000);
            Backfill after = state.backfills().get(backfill.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(BackfillState.CANCELLED);
            assertThat(after.queued()).as("the second batch was never queued").isEqualTo(BATCH);
            assertThat(after.cursorId()).isEqualTo(expected.get(BATCH - 1));
            assertThat(state.orders().states(expected.subList(BATCH, expected.size()))).isEmpty();
        }
    }

    @Test
    void closingTheSiteDuringAnOutageStopsTheBackfillAtOnceAndTheNextStartResumesIt() throws Exception {
        String site = "close.example.com";
        AgentState state = AgentState.open(direct.dataSource(), new StateLocation(null, "wp_"), site);
        Backfill backfill;
        try (CapturedLogs logs = new CapturedLogs("com.caricomtr.agent.sync");
             TcpProxy proxy = TcpProxy.inFrontOf(fixture.db.jdbcUrl())) {
            // The worker is kept idle (the site waits for hooks that never register), so that what is measured is
            // the backfill's stop, not deliveries waiting for their connections.
            SyncEngine engine = SyncEngine.open(List.of(fixture.site(site, proxy).withRequireHookRegistration(true)),
                    "outage-test").start(false, NEVER_REGISTERED);
            Duration closed;
            try (HeldBatch held = new HeldBatch(fixture.db, site, expected.get(BATCH))) {
                backfill = engine.site(site).orElseThrow().startBackfill(null, null, STATUSES);
                awaitSecondBatch(state, backfill, held);
                proxy.cut();
                held.release();
                String failed = "site " + site + ": backfill " + backfill.id() + ": the database failed";
                await().atMost(Duration.ofSeconds(10)).until(() -> logs.lines().stream()
                        .anyMatch(l -> l.contains(failed)));
            } finally {
                long closing = System.nanoTime();
                engine.close();
                closed = Duration.ofNanos(System.nanoTime() - closing);
            }
            System.out.printf("backfill-outage: the site closed %d ms into an outage%n", closed.toMillis());
            assertThat(closed).isLessThan(Duration.ofSeconds(3));
            assertThat(logs.lines()).noneMatch(l -> l.contains("did not stop within"));

            proxy.restore();
            Thread.sleep(1_500);
            assertThat(logs.lines()).noneMatch(l -> l.contains("backfill " + backfill.id()
                    + ": the database answers again"));
            Backfill left = state.backfills().get(backfill.id()).orElseThrow();
            assertThat(left.state()).as("left running for the next start").isEqualTo(BackfillState.RUNNING);
            assertThat(left.queued()).isEqualTo(BATCH);
        }

        try (SyncEngine restarted = SyncEngine.start(List.of(fixture.site(site)), "outage-test-2", false)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> state.backfills().get(backfill.id()).orElseThrow()
                    .state() == BackfillState.DONE);
            assertThat(state.backfills().get(backfill.id()).orElseThrow().queued()).isEqualTo(expected.size());
        }
    }

    private static void awaitSecondBatch(AgentState state, Backfill backfill, HeldBatch held) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Long cursor = state.backfills().get(backfill.id()).orElseThrow().cursorId();
            return cursor != null && cursor.equals(expected.get(BATCH - 1));
        });
        await().atMost(Duration.ofSeconds(10)).until(held::backfillWaits);
    }
}
