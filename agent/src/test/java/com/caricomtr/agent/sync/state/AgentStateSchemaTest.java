package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flyway runs of the agent's migrations in both layouts, on the real test server. */
class AgentStateSchemaTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    static final int MIGRATIONS = 11;
    static final String LATEST_VERSION = "11";

    @Test
    void defaultLayoutCreatesEveryTableAndASecondRunIsANoOp() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("schema_default");
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
            StateLocation location = StateLocation.inWordPressDatabase("wp_");

            AgentStateSchema.Result first = AgentStateSchema.migrate(pool.dataSource(), location);
            AgentStateSchema.Result second = AgentStateSchema.migrate(pool.dataSource(), location);

            assertThat(first.migrationsApplied()).isEqualTo(MIGRATIONS);
            assertThat(second.migrationsApplied()).isZero();
            assertThat(second.schemaVersion()).isEqualTo(LATEST_VERSION);
            assertThat(tables(pool, schemaOf(db))).containsExactlyInAnyOrderElementsOf(expectedTables("wp_"));
        }
    }

    @Test
    void separateSchemaHoldsEveryTableAndTheStoresQualifyTheirNames() throws Exception {
        DatabaseSettings wordpress = TestDatabase.get().newDatabase("schema_wp");
        String agentSchema = uniqueSchema();
        StateLocation location = StateLocation.inSchema(agentSchema, "wp_");
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(wordpress)) {
            assertThat(AgentStateSchema.migrate(pool.dataSource(), location).migrationsApplied()).isEqualTo(MIGRATIONS);
            assertThat(AgentStateSchema.migrate(pool.dataSource(), location).migrationsApplied()).isZero();

            assertThat(tables(pool, agentSchema)).containsExactlyInAnyOrderElementsOf(expectedTables("wp_"));
            assertThat(tables(pool, schemaOf(wordpress))).as("nothing in the WordPress database").isEmpty();

            // The pool's current database is the WordPress one: only qualified names can reach the state.
            AgentState state = AgentState.open(pool.dataSource(), location, "shop");
            state.orders().enqueue(1, "processing", Trigger.POLL, false);
            assertThat(state.orders().claim("w", 5, Duration.ofMinutes(1))).extracting(Claim::orderId)
                    .containsExactly(1L);
            state.settings().put("series", "WOO");
            assertThat(state.settings().get("series")).contains("WOO");
        }
    }

    @Test
    void twoPrefixesInOneDatabaseKeepTheirOwnTablesAndHistories() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("schema_multisite");
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
            AgentStateSchema.migrate(pool.dataSource(), StateLocation.inWordPressDatabase("wp_"));
            AgentStateSchema.Result blog2 = AgentStateSchema.migrate(pool.dataSource(),
                    StateLocation.inWordPressDatabase("wp_2_"));

            assertThat(blog2.migrationsApplied()).isEqualTo(MIGRATIONS);
            List<String> expected = new ArrayList<>(expectedTables("wp_"));
            expected.addAll(expectedTables("wp_2_"));
            assertThat(tables(pool, schemaOf(db))).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aNonEmptyWordPressDatabaseIsBaselinedBelowTheFirstMigration() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("schema_nonempty");
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
            execute(pool, "CREATE TABLE wp_options (option_id BIGINT PRIMARY KEY, option_name VARCHAR(191))");

            AgentStateSchema.Result result = AgentStateSchema.migrate(pool.dataSource(),
                    StateLocation.inWordPressDatabase("wp_"));

            assertThat(result.migrationsApplied()).as("V1 still runs after the baseline at 0").isEqualTo(MIGRATIONS);
            assertThat(tables(pool, schemaOf(db))).contains("wp_options", "wp_caricomtr_invoice_numbers");
        }
    }

    @Test
    void twoAgentsStartingAtOnceMigrateOnce() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("schema_race");
        StateLocation location = StateLocation.inWordPressDatabase("wp_");
        ConcurrentLinkedQueue<Integer> applied = new ConcurrentLinkedQueue<>();
        try (JdbcConnectionPool a = JdbcConnectionPool.open(db);
             JdbcConnectionPool b = JdbcConnectionPool.open(new DatabaseSettings(db.jdbcUrl(), db.user(),
                     db.password(), 4, "second-agent"))) {
            StateFixture.runConcurrently(2, thread -> applied.add(AgentStateSchema.migrate(
                    (thread == 0 ? a : b).dataSource(), location).migrationsApplied()));

            // Flyway locks per migration, so the two runs may share the work; each migration still runs once.
            assertThat(applied.stream().mapToInt(Integer::intValue).sum()).isEqualTo(MIGRATIONS);
            assertThat(tables(a, schemaOf(db))).containsExactlyInAnyOrderElementsOf(expectedTables("wp_"));
            try (Connection c = a.dataSource().getConnection(); var s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(success) FROM wp_caricomtr_schema_history"
                         + " WHERE type = 'SQL'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(MIGRATIONS);
                assertThat(rs.getInt(2)).isEqualTo(MIGRATIONS);
            }
        }
    }

    @Test
    void namesThatCannotBeSplicedSafelyAreRejected() {
        assertThatThrownBy(() -> StateLocation.inSchema("agent-state", "wp_"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateLocation.inSchema("a`; DROP DATABASE x; --", "wp_"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateLocation.inWordPressDatabase("wp_;")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateLocation.inWordPressDatabase("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateLocation.inWordPressDatabase("p".repeat(33)))
                .as("longest table name must stay within 64 characters").isInstanceOf(IllegalArgumentException.class);
        assertThat(StateLocation.inWordPressDatabase("p".repeat(32)).tableName(StateTable.INVOICE_COUNTERS))
                .hasSizeLessThanOrEqualTo(64);
        assertThat(StateLocation.inSchema("agent", "wp_").qualified(StateTable.ORDER_SYNC))
                .isEqualTo("`agent`.`wp_caricomtr_order_sync`");
    }

    static String uniqueSchema() {
        return "agent_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    }

    static List<String> expectedTables(String prefix) {
        StateLocation location = StateLocation.inWordPressDatabase(prefix);
        return Arrays.stream(StateTable.values()).map(location::tableName).toList();
    }

    static List<String> tables(JdbcConnectionPool pool, String schema) throws SQLException {
        try (Connection c = pool.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = ?")) {
            s.setString(1, schema);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    static String schemaOf(DatabaseSettings db) {
        String url = db.jdbcUrl();
        String tail = url.substring(url.lastIndexOf('/') + 1);
        int query = tail.indexOf('?');
        return query < 0 ? tail : tail.substring(0, query);
    }

    private static void execute(JdbcConnectionPool pool, String sql) throws SQLException {
        try (Connection c = pool.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
