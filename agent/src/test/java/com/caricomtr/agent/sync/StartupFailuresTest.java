package com.caricomtr.agent.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.EmbeddedMariaDb;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every start-up problem an operator can make stops a real {@code serve} process before it syncs anything, with
 * exit code 2 and one line that names what to fix; a stack trace only with {@code --verbose}.
 */
class StartupFailuresTest {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static DatabaseSettings shop;

    @BeforeAll
    static void shop() {
        shop = TestDatabase.get().newDatabase("startup_shop");
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(shop)) {
            DemoShopGenerator.generate(pool.dataSource(), "wp_", StorageLayout.HPOS, 10, 5);
        }
    }

    @Test
    void aMissingConfigurationFile() throws Exception {
        assertRefused(Path.of("/nonexistent/agent.yaml"), "the configuration file /nonexistent/agent.yaml does not"
                + " exist");
    }

    @Test
    void aConfigurationPathThatIsNoFile() throws Exception {
        assertRefused(Files.createTempDirectory("not-a-file"), "cannot read the configuration file");
    }

    @Test
    void malformedYamlIsNamedWithItsLine() throws Exception {
        Path file = Files.createTempFile("agent", ".yaml");
        Files.writeString(file, "server:\n  port: 0\nsites:\n  - id: shop\n     secret: [unclosed\n");
        assertRefused(file, "is not valid YAML at line 5");
    }

    @Test
    void anUnknownKeyIsNamedWithTheClosestKnownOne() throws Exception {
        assertRefused(config(Map.of("sync.trigger-status", "[processing]")),
                "sites.0.sync.trigger-status (line ", "is not a setting; did you mean trigger-statuses?");
    }

    @Test
    void anUnknownTriggerStatus() throws Exception {
        assertRefused(config(Map.of("sync.trigger-statuses", "[processing, \"Processing!!\", no-such-status]")),
                "site shop: sync.trigger-statuses: 'processing!!', 'no-such-status' are not among the shop's order"
                        + " statuses (pending, processing, on-hold, completed");
    }

    @Test
    void noSites() throws Exception {
        Path file = Files.createTempFile("agent", ".yaml");
        Files.writeString(file, "server:\n  port: 0\n");
        assertRefused(file, "configures no sites");
    }

    /**
     * The shared embedded server runs with {@code --skip-grant-tables}, where no password is ever wrong: this test
     * starts a server of its own and switches privilege checks on there, as {@code StateGrantsTest} does.
     */
    @Test
    void aWrongDatabasePassword() throws Exception {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start();
             Connection admin = DriverManager.getConnection(server.jdbcUrl(""), "root", "");
             Statement s = admin.createStatement()) {
            s.execute("FLUSH PRIVILEGES");
            s.execute("CREATE USER 'caricomtr_startup'@'%' IDENTIFIED BY 'right-password'");
            s.execute("CREATE USER 'caricomtr_startup'@'localhost' IDENTIFIED BY 'right-password'");
            DatabaseSettings guarded = new DatabaseSettings(server.jdbcUrl("mysql"), "caricomtr_startup",
                    "wrong-password", 2, "startup");
            Path file = AgentYaml.agent().site("shop", guarded.jdbcUrl(), guarded, "http://127.0.0.1:1/api",
                    new LinkedHashMap<>()).write();
            assertRefused(file, "site shop: cannot connect to " + guarded.jdbcUrl() + " as caricomtr_startup:",
                    "Access denied");
        }
    }

    @Test
    void anUnknownDatabase() throws Exception {
        assertRefused(config(Map.of("database.url", "\"" + shop.jdbcUrl() + "_missing\"")), "site shop: cannot"
                + " connect to", "Unknown database");
    }

    @Test
    void aDatabaseHostNobodyListensOn() throws Exception {
        assertRefused(config(Map.of("database.url", "\"jdbc:mariadb://127.0.0.1:1/wordpress\"")),
                "site shop: cannot connect to jdbc:mariadb://127.0.0.1:1/wordpress");
    }

    @Test
    void aWrongTablePrefixNamesThePrefixesThere() throws Exception {
        assertRefused(config(Map.of("prefix", "wpx_")), "site shop: database", "has no WordPress table wpx_options",
                "WordPress tables with the prefix wp_: set prefix");
    }

    @Test
    void wordPressWithoutWooCommerce() throws Exception {
        DatabaseSettings blog = TestDatabase.get().newDatabase("startup_blog");
        try (Connection c = TestDatabase.connect(blog); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE wp_options (option_id BIGINT PRIMARY KEY, option_name VARCHAR(191),"
                    + " option_value LONGTEXT)");
            s.execute("CREATE TABLE wp_posts (ID BIGINT PRIMARY KEY)");
            s.execute("CREATE TABLE wp_postmeta (meta_id BIGINT PRIMARY KEY)");
        }
        assertRefused(config(Map.of("database.url", "\"" + blog.jdbcUrl() + "\"")), "holds WordPress but not"
                + " WooCommerce's tables (wp_woocommerce_order_items, wp_woocommerce_order_itemmeta are missing)");
    }

    @Test
    void anEnvironmentVariableThatIsNotSet() throws Exception {
        assertRefused(config(Map.of("database.password-env", "CARICOMTR_TEST_NEVER_SET")),
                "sites.0.database.password-env names the environment variable CARICOMTR_TEST_NEVER_SET, which is not"
                        + " set");
    }

    @Test
    void aSecretFileThatIsNotThere() throws Exception {
        assertRefused(config(Map.of("cari.api-token-file", "/nonexistent/token")),
                "sites.0.cari.api-token-file: cannot read /nonexistent/token");
    }

    @Test
    void aSecretTooShort() throws Exception {
        Path file = AgentYaml.agent().site("shop", shop.jdbcUrl(), shop, "http://127.0.0.1:1/api",
                new LinkedHashMap<>()).write();
        Files.writeString(file, Files.readString(file).replaceFirst("secret: \"[^\"]+\"", "secret: \"short\""));
        assertRefused(file, "site shop: the shared secret must have at least 32 characters");
    }

    @Test
    void aPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path file = config(Map.of());
            Files.writeString(file, Files.readString(file).replace("port: 0", "port: " + taken.getLocalPort()));
            String output = assertRefused(file, "cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (server.host, server.port)");
            assertThat(output).doesNotContain("listening on http");
        }
    }

    /** Helidon's mapping: SITES_0_PREFIX is sites.0.prefix; a refusal shows that the override reached the site. */
    @Test
    void anEnvironmentVariableOverridesTheFile() throws Exception {
        assertRefused(config(Map.of()), Map.of("SITES_0_PREFIX", "wpy_"), "has no WordPress table wpy_options");
    }

    @Test
    void verbosePrintsTheStackTrace() throws Exception {
        Process agent = serve(config(Map.of("prefix", "wpx_")), Map.of(), "--verbose");
        try {
            assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            agent.destroyForcibly();
        }
        assertThat(agent.exitValue()).isEqualTo(2);
        assertThat(output(agent)).contains("caricomtr-agent: site shop:", "\tat com.caricomtr.agent.");
    }

    /** Runs serve on {@code config}: exit code 2, one line saying all of {@code expected}, no stack trace. */
    private static String assertRefused(Path config, String... expected) throws Exception {
        return assertRefused(config, Map.of(), expected);
    }

    private static String assertRefused(Path config, Map<String, String> environment, String... expected)
            throws Exception {
        Process agent = serve(config, environment);
        try {
            assertThat(agent.waitFor(60, TimeUnit.SECONDS)).as("serve exits by itself").isTrue();
        } finally {
            agent.destroyForcibly();
        }
        String output = output(agent);
        assertThat(agent.exitValue()).as(output).isEqualTo(2);
        List<String> refusals = output.lines().filter(l -> l.startsWith("caricomtr-agent: ")).toList();
        assertThat(refusals).as(output).hasSize(1);
        assertThat(refusals.getFirst()).contains(expected);
        assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(output).doesNotContain("SLF4J");
        return output;
    }

    private static Process serve(Path config, Map<String, String> environment, String... extra)
            throws IOException {
        String name = "startup-" + RUNS.incrementAndGet();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), "com.caricomtr.agent.Main", "serve",
                "--config", config.toString(), "--no-polling"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String output(Process agent) throws IOException {
        Path log = Path.of("target", "startup-" + RUNS.get() + ".log");
        return Files.readString(log);
    }

    /** A good configuration for the shop, with {@code settings} (keys below the site) over it. */
    private static Path config(Map<String, String> settings) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(settings);
        Path file = AgentYaml.agent().site("shop", shop.jdbcUrl(), shop, "http://127.0.0.1:1/api",
                sectioned(all)).write();
        String yaml = Files.readString(file);
        for (Map.Entry<String, String> top : all.entrySet()) {
            if (!top.getKey().contains(".")) {
                yaml = yaml.replace("    prefix: wp_\n", "    " + top.getKey() + ": " + top.getValue() + "\n");
            }
        }
        Files.writeString(file, yaml);
        return file;
    }

    /** The settings AgentYaml writes (section.key); top-level ones are put in by {@link #config} itself. */
    private static Map<String, String> sectioned(Map<String, String> settings) {
        Map<String, String> sectioned = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.contains(".")) {
                sectioned.put(key, value);
            }
        });
        return sectioned;
    }
}
