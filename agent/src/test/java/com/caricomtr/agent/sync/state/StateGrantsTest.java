package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.EmbeddedMariaDb;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documented GRANT statements are enough for the agent and no more: a user holding only them migrates, works
 * every store, reads WooCommerce's tables and cannot write them.
 *
 * <p>The embedded MariaDB runs with {@code --skip-grant-tables}, where nothing is ever denied. This test then starts
 * a server of its own and switches privilege checks on there ({@code FLUSH PRIVILEGES}), keeping the one root
 * session that opened it for set-up, so the shared server of the other tests keeps its open root account.
 */
class StateGrantsTest {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String PASSWORD = "Agent-pw-1";

    private static EmbeddedMariaDb privateServer;
    private static Connection admin;

    @BeforeAll
    static void server() throws SQLException {
        if (TestDatabase.get().kind().startsWith("embedded")) {
            privateServer = EmbeddedMariaDb.start();
            admin = DriverManager.getConnection(privateServer.jdbcUrl(""), "root", "");
            try (Statement s = admin.createStatement()) {
                s.execute("FLUSH PRIVILEGES");
            }
        } else {
            admin = TestDatabase.connect(TestDatabase.get().newDatabase("grants_admin"));
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        if (admin != null) {
            admin.close();
        }
        if (privateServer != null) {
            privateServer.close();
        }
    }

    @Test
    void separateSchemaLayoutNeedsSelectOnWordPressAndAllOnItsOwnSchema() throws Exception {
        DatabaseSettings wordpress = wordpressWithOneTable("grants_sep");
        StateLocation location = StateLocation.inSchema(AgentStateSchemaTest.uniqueSchema(), "wp_");
        String user = createUser(wordpress, location);

        try (JdbcConnectionPool pool = JdbcConnectionPool.open(as(wordpress, user))) {
            assertThat(AgentStateSchema.migrate(pool.dataSource(), location).migrationsApplied()).isEqualTo(AgentStateSchemaTest.MIGRATIONS);
            StoreWorkout.run(pool.dataSource(), location, "shop");

            assertReadsButCannotWriteWordPress(pool);
        }
    }

    @Test
    void defaultLayoutWorksWithPerTableGrantsGivenBeforeTheFirstMigration() throws Exception {
        DatabaseSettings wordpress = wordpressWithOneTable("grants_default");
        StateLocation location = StateLocation.inWordPressDatabase("wp_");
        String user = createUser(wordpress, location);

        try (JdbcConnectionPool pool = JdbcConnectionPool.open(as(wordpress, user))) {
            assertThat(AgentStateSchema.migrate(pool.dataSource(), location).migrationsApplied()).isEqualTo(AgentStateSchemaTest.MIGRATIONS);
            StoreWorkout.run(pool.dataSource(), location, "shop");

            assertReadsButCannotWriteWordPress(pool);
            assertThatThrownBy(() -> execute(pool, "CREATE TABLE wp_caricomtr_unlisted (id INT PRIMARY KEY)"))
                    .as("only the listed tables may be created").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void statementsForTheDocs() {
        List<String> separate = StateGrants.statements("wordpress", StateLocation.inSchema("caricomtr_agent", "wp_"),
                "'caricomtr'@'localhost'");
        List<String> beside = StateGrants.statements("wordpress", StateLocation.inWordPressDatabase("wp_"),
                "'caricomtr'@'localhost'");

        assertThat(separate).containsExactly("GRANT SELECT ON `wordpress`.* TO 'caricomtr'@'localhost'",
                "GRANT ALL PRIVILEGES ON `caricomtr_agent`.* TO 'caricomtr'@'localhost'");
        assertThat(beside).hasSize(1 + StateTable.values().length)
                .contains("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX ON `wordpress`."
                        + "`wp_caricomtr_order_sync` TO 'caricomtr'@'localhost'");
        assertThatThrownBy(() -> StateGrants.statements("wordpress", StateLocation.inWordPressDatabase("wp_"),
                "root'@'%' WITH GRANT OPTION; --")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertReadsButCannotWriteWordPress(JdbcConnectionPool pool) throws SQLException {
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT option_value FROM wp_options WHERE option_name = 'blogname'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Dükkan");
        }
        assertThatThrownBy(() -> execute(pool, "UPDATE wp_options SET option_value = 'x'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        assertThatThrownBy(() -> execute(pool, "INSERT INTO wp_options VALUES (2, 'a', 'b')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        assertThatThrownBy(() -> execute(pool, "DROP TABLE wp_options"))
                .isInstanceOf(SQLException.class).hasMessageContaining("denied");
    }

    /** A database on the server under test, as a user name and password still to be filled in. */
    private static DatabaseSettings wordpressWithOneTable(String hint) throws SQLException {
        String name = "wp_" + hint + "_" + ProcessHandle.current().pid() + "_" + USERS.incrementAndGet();
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
            s.execute("CREATE TABLE `" + name + "`.wp_options (option_id BIGINT PRIMARY KEY,"
                    + " option_name VARCHAR(191), option_value LONGTEXT)");
            s.execute("INSERT INTO `" + name + "`.wp_options VALUES (1, 'blogname', 'Dükkan')");
        }
        return privateServer != null ? DatabaseSettings.of(privateServer.jdbcUrl(name), "", "")
                : TestDatabase.get().settings(name);
    }

    /** A user on every host a loopback connection may present as, each holding exactly the documented grants. */
    private static String createUser(DatabaseSettings wordpress, StateLocation location) throws SQLException {
        String user = "ct_" + ProcessHandle.current().pid() % 100_000 + "_" + USERS.incrementAndGet();
        String wordpressSchema = AgentStateSchemaTest.schemaOf(wordpress);
        try (Statement s = admin.createStatement()) {
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                String account = "'" + user + "'@'" + host + "'";
                s.execute("CREATE USER " + account + " IDENTIFIED BY '" + PASSWORD + "'");
                for (String grant : StateGrants.statements(wordpressSchema, location, account)) {
                    s.execute(grant);
                }
            }
        }
        return user;
    }

    private static DatabaseSettings as(DatabaseSettings db, String user) {
        return new DatabaseSettings(db.jdbcUrl(), user, PASSWORD, 4, "grants-" + user);
    }

    private static void execute(JdbcConnectionPool pool, String sql) throws SQLException {
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
