package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.List;

import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.testing.CapturedLogs;
import com.caricomtr.agent.testing.TcpProxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The poller lives through a database outage, says so once (not every interval) and finds changes after it. */
class PollerOutageTest {
    private static final String SITE = "poll.example.com";

    @Test
    void thePollerLogsAnOutageOnceAndPollsAgainAfterIt() throws Exception {
        try (SyncFixture fixture = new SyncFixture(StorageLayout.HPOS, 30);
             TcpProxy proxy = TcpProxy.inFrontOf(fixture.db.jdbcUrl());
             CapturedLogs logs = new CapturedLogs("com.caricomtr.agent.sync");
             SyncEngine engine = SyncEngine.start(List.of(fixture.site(SITE, proxy)), "poll-outage", true)) {
            String who = "site " + SITE + ": poller: ";
            proxy.cut();
            await().atMost(Duration.ofSeconds(15)).until(() -> logs.lines().stream()
                    .anyMatch(l -> l.contains(who + "the database failed")));
            Thread.sleep(2_500);
            proxy.restore();
            long restored = System.nanoTime();

            long order = fixture.ordersIn("pending").getFirst();
            fixture.setStatus("processing", order);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var state = engine.site(SITE).orElseThrow().runtime().state().orders().states(List.of(order))
                        .get(order);
                return state != null && state.state() == SyncState.SYNCED;
            });
            System.out.printf("poller-outage: an order changed after the outage synced %.1f s after the restore%n",
                    (System.nanoTime() - restored) / 1e9);
            assertThat(logs.lines()).filteredOn(l -> l.contains(who + "the database failed")).hasSize(1);
            assertThat(logs.lines()).filteredOn(l -> l.contains(who + "the database answers again")).hasSize(1);
            assertThat(logs.lines()).noneMatch(l -> l.contains("poll failed"));
        }
    }
}
