package com.caricomtr.agent.woo;

import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.db.SqlScript;
import com.caricomtr.agent.testing.SharedFixtures;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mysql.MySQLContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader on a real MySQL 8.4 (with MySQL's own JDBC driver), wherever a Docker daemon answers; skipped
 * cleanly elsewhere. The rest of the suite runs on MariaDB unless {@code TestDatabase} finds Docker too.
 */
@Testcontainers(disabledWithoutDocker = true)
class MySql84ReaderTest {
    @Container
    static final MySQLContainer MYSQL = new MySQLContainer("mysql:8.4")
            .withUsername("root")
            .withPassword("test")
            .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_520_ci");

    @ParameterizedTest
    @ValueSource(strings = {"hpos", "hpos_sync", "legacy"})
    void readsAndReconcilesEveryFixtureOrder(String fixture) throws Exception {
        String server = "jdbc:mysql://" + MYSQL.getHost() + ":" + MYSQL.getMappedPort(3306) + "/";
        String options = "?allowPublicKeyRetrieval=true&useSSL=false";
        try (Connection c = DriverManager.getConnection(server + options, "root", "test");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + fixture);
        }
        DatabaseSettings db = DatabaseSettings.of(server + fixture + options, "root", "test");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "root", "test");
             InputStream in = Files.newInputStream(SharedFixtures.dump(fixture))) {
            SqlScript.run(c, in, true);
        }
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
            WooSite site = SiteDiscovery.discover(pool.dataSource(), TablePrefix.of("wp_")).getFirst();
            OrderReader reader = OrderReader.create(pool.dataSource(), site.prefix(),
                    site.storage().authoritative(), ReaderSettings.DEFAULTS);
            List<Order> orders = new ArrayList<>();
            reader.readAll(r -> {
                assertThat(r.rejections()).isEmpty();
                orders.addAll(r.orders());
            });
            assertThat(orders).hasSize(40);
            orders.forEach(o -> assertThat(OrderReconciliation.check(o)).as("order %d", o.id()).isEmpty());
        }
    }
}
