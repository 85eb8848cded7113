package com.caricomtr.agent.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.ApiLogEntry;
import com.caricomtr.agent.sync.state.ApiLogStore;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.testing.CapturedLogs;
import com.caricomtr.agent.testing.TcpProxy;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API log keeps what arrives while its database is away and writes it once it is back, logging the outage
 * once; closed during an outage it gives up at once instead of waiting for the database.
 */
class ApiLogWriterOutageTest {
    private static final StateLocation LOCATION = new StateLocation(null, "wp_");

    @Test
    void entriesLoggedDuringAnOutageAreWrittenAfterIt() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("api_log_outage");
        try (JdbcConnectionPool direct = JdbcConnectionPool.open(db);
             TcpProxy proxy = TcpProxy.inFrontOf(db.jdbcUrl());
             JdbcConnectionPool proxied = JdbcConnectionPool.open(through(db, proxy));
             CapturedLogs logs = new CapturedLogs("com.caricomtr.agent.sync")) {
            AgentStateSchema.migrate(direct.dataSource(), LOCATION);
            ApiLogWriter writer = new ApiLogWriter(new ApiLogStore(proxied.dataSource(), LOCATION, "log.example.com"),
                    "log.example.com");
            writer.add(entry(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> rows(direct) == 1);

            proxy.cut();
            for (long order = 2; order <= 4; order++) {
                writer.add(entry(order));
            }
            Thread.sleep(3_000);
            assertThat(rows(direct)).isEqualTo(1);
            proxy.restore();

            await().atMost(Duration.ofSeconds(30)).until(() -> rows(direct) == 4);
            writer.close();
            assertThat(logs.lines()).filteredOn(l -> l.contains("site log.example.com: API log: the database failed"))
                    .hasSize(1);
            assertThat(logs.lines()).filteredOn(l -> l.contains("site log.example.com: API log: the database answers"
                    + " again")).hasSize(1);
            assertThat(logs.lines()).noneMatch(l -> l.contains("not written"));
        }
    }

    @Test
    void closingDuringAnOutageDropsTheQueueWithoutWaitingForTheDatabase() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("api_log_close");
        try (JdbcConnectionPool direct = JdbcConnectionPool.open(db);
             TcpProxy proxy = TcpProxy.inFrontOf(db.jdbcUrl());
             JdbcConnectionPool proxied = JdbcConnectionPool.open(through(db, proxy));
             CapturedLogs logs = new CapturedLogs("com.caricomtr.agent.sync")) {
            AgentStateSchema.migrate(direct.dataSource(), LOCATION);
            ApiLogWriter writer = new ApiLogWriter(new ApiLogStore(proxied.dataSource(), LOCATION, "close"), "close");
            proxy.cut();
            writer.add(entry(1));
            writer.add(entry(2));

            long closing = System.nanoTime();
            writer.close();
            Duration took = Duration.ofNanos(System.nanoTime() - closing);
            assertThat(took).isLessThan(ApiLogWriter.FLUSH_GRACE.plusSeconds(1));
            assertThat(logs.lines()).anyMatch(l -> l.contains("API log not written ("));
            assertThat(rows(direct)).isZero();
        }
    }

    private static DatabaseSettings through(DatabaseSettings db, TcpProxy proxy) {
        return new DatabaseSettings(proxy.jdbcUrl(db.jdbcUrl()), db.user(), db.password(), 4, "api-log-outage");
    }

    private static ApiLogEntry entry(long orderId) {
        return new ApiLogEntry(orderId, 1, "POST", "https://cari.example/api/fatura", "{}", 200, "{}", 5, "OK",
                null);
    }

    private static int rows(JdbcConnectionPool direct) throws Exception {
        try (Connection c = direct.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM wp_caricomtr_api_log")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
