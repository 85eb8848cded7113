package com.caricomtr.agent.wordpress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.sync.AgentYaml;
import com.caricomtr.agent.sync.ServeProcess;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;
import com.caricomtr.sandbox.store.Company;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real WordPress installations for the bridge plugin's tests, shared by every test of one run, and the processes
 * around them:
 * <ul>
 *     <li>the test JVM's database server ({@link TestDatabase}: the embedded MariaDB by default), holding one
 *     database per WordPress (the PHPUnit suite's, tables {@code wptests_*}, one per order storage; a served
 *     site's, one per order storage);</li>
 *     <li>a Cari sandbox in this JVM, one company per WordPress, so that each sees only its own invoices;</li>
 *     <li>WordPress's PHPUnit suite, installed by {@code bin/install-wp-tests.sh} and prepared once per storage
 *     (WordPress and WooCommerce installed into its database, the storage chosen);</li>
 *     <li>two real sites installed by {@code bin/install-wp-site.sh}, one per storage;</li>
 *     <li>a real agent process ({@code serve}, no polling) with one site per WordPress database, its prefix the
 *     WordPress table prefix;</li>
 *     <li>the sites served by {@code php -S}.</li>
 * </ul>
 * The agent reads each site's order storage when it starts, so it starts once every WordPress is installed. The
 * plugin is activated on the served sites after that, with the agent's URL, site id and secret in their
 * {@code wp-config.php}.
 */
public final class WordPressStack implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin-pass";
    static final String PHPUNIT_PREFIX = "wptests_";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s]+)");

    enum Storage {
        HPOS("hpos", "wp_"),
        LEGACY("legacy", "legacy_");

        final String id;
        final String sitePrefix;

        Storage(String id, String sitePrefix) {
            this.id = id;
            this.sitePrefix = sitePrefix;
        }
    }

    /** One site of the agent: a WordPress database and table prefix, and the Cari company it invoices into. */
    record AgentSite(String id, String secret, String prefix, DatabaseSettings db, Company company,
            boolean requireRegistration) {
    }

    /** A served WordPress. */
    record Site(Storage storage, AgentSite agentSite, Path docroot, String url) {
    }

    private final BridgeLayout layout;
    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private final Map<Storage, AgentSite> phpunitSites = new EnumMap<>(Storage.class);
    private final Map<Storage, Site> sites = new EnumMap<>(Storage.class);
    private final List<PhpServer> servers = new ArrayList<>();
    private final String dbHost;
    private final DatabaseSettings server;
    private CariSandbox sandbox;
    private ServeProcess agent;
    private String agentUrl;
    private boolean closed;

    private WordPressStack(BridgeLayout layout, DatabaseSettings server) {
        this.layout = layout;
        this.server = server;
        this.dbHost = dbHost(server.jdbcUrl());
    }

    /** Starts everything; {@code withPhpUnit} false leaves out the PHPUnit suite (no phpunit on this machine). */
    static WordPressStack start(boolean withPhpUnit) throws Exception {
        long start = System.nanoTime();
        TestDatabase databases = TestDatabase.get();
        WordPressStack stack = new WordPressStack(BridgeLayout.find(), databases.settings("mysql"));
        // The run closes the stack when it ends; this is for a JVM stopped before (Ctrl-C of wp-test-env.sh), so
        // that the agent and php -S do not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "wordpress-stack-stop"));
        try {
            stack.startAll(databases, withPhpUnit);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        stack.timings.put("whole set-up", Duration.ofNanos(System.nanoTime() - start));
        System.out.println("[wordpress] ready: " + stack.describe());
        return stack;
    }

    private void startAll(TestDatabase databases, boolean withPhpUnit) throws Exception {
        Files.createDirectories(layout.logs());
        List<Company> companies = new ArrayList<>();
        for (Storage storage : Storage.values()) {
            if (withPhpUnit) {
                AgentSite site = new AgentSite("phpunit-" + storage.id, secret(), PHPUNIT_PREFIX,
                        databases.newDatabase("wp_phpunit_" + storage.id), company("PHPUNIT-" + storage.id),
                        false);
                phpunitSites.put(storage, site);
                companies.add(site.company());
            }
            // The served sites are set up as in production: nothing is synced before the bridge registers.
            AgentSite site = new AgentSite("site-" + storage.id, secret(), storage.sitePrefix,
                    databases.newDatabase("wp_site_" + storage.id), company("SITE-" + storage.id), true);
            sites.put(storage, new Site(storage, site, layout.site(storage.id), null));
            companies.add(site.company());
        }
        SandboxOptions.Builder options = SandboxOptions.builder().port(0);
        companies.forEach(options::addCompany);
        sandbox = CariSandbox.start(options.build());

        if (withPhpUnit) {
            AgentSite first = phpunitSites.get(Storage.HPOS);
            time("PHPUnit suite: install-wp-tests.sh", () -> Exec.command("bash", layout.bin("install-wp-tests.sh"),
                            databaseName(first.db()), first.db().user(), first.db().password(), dbHost, "6.9", "true")
                    .env(scriptEnv()).log(layout.logs().resolve("install-wp-tests.log")).timeout(Duration.ofMinutes(10))
                    .runChecked());
            for (Storage storage : Storage.values()) {
                time("PHPUnit suite: WordPress + WooCommerce installed (" + storage.id + ")", () -> {
                    Exec.Result prepared = phpunitCommand(storage, true, "bridge", true).runChecked();
                    if (!prepared.output().contains("caricomtr: prepared")) {
                        throw new IllegalStateException("the PHPUnit bootstrap did not prepare " + storage.id + ":\n"
                                + prepared.output());
                    }
                    return prepared;
                });
            }
        }
        for (Storage storage : Storage.values()) {
            Site site = sites.get(storage);
            // The site's files are kept between runs, its database is new: so is its log (BridgeBrowserTest
            // asserts that the plugin left nothing in it).
            Files.deleteIfExists(site.docroot().resolve("wp-content/debug.log"));
            int port = PhpServer.freePort();
            sites.put(storage, new Site(storage, site.agentSite(), site.docroot(), "http://127.0.0.1:" + port));
            time("site: install-wp-site.sh (" + storage.id + ")", () -> installSite(sites.get(storage), false));
        }

        time("agent: started", this::startAgent);

        for (Storage storage : Storage.values()) {
            time("site: plugin activated (" + storage.id + ")", () -> installSite(sites.get(storage), true));
        }
    }

    private Exec.Result installSite(Site site, boolean withAgent) throws IOException, InterruptedException {
        AgentSite agentSite = site.agentSite();
        List<Object> command = new ArrayList<>(List.of("bash", layout.bin("install-wp-site.sh"),
                "--dir", site.docroot(), "--url", site.url(), "--storage", site.storage().id,
                "--db-name", databaseName(agentSite.db()), "--db-user", agentSite.db().user(), "--db-host", dbHost,
                "--prefix", agentSite.prefix(), "--orders", "3"));
        Map<String, String> env = new LinkedHashMap<>(scriptEnv());
        env.put("WP_SITE_DB_PASSWORD", agentSite.db().password());
        env.put("WP_SITE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        if (withAgent) {
            command.addAll(List.of("--agent-url", agentUrl, "--site-id", agentSite.id()));
            env.put("CARICOMTR_AGENT_SECRET", agentSite.secret());
        } else {
            command.add("--skip-plugin");
        }
        return Exec.command(command.toArray()).env(env)
                .log(layout.logs().resolve("install-wp-site-" + site.storage().id + (withAgent ? "-plugin" : "")
                        + ".log"))
                .timeout(Duration.ofMinutes(10)).runChecked();
    }

    private Object startAgent() throws Exception {
        AgentYaml yaml = AgentYaml.agent();
        List<AgentSite> all = new ArrayList<>(phpunitSites.values());
        sites.values().forEach(s -> all.add(s.agentSite()));
        for (AgentSite site : all) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("cari.firma-kodu", quoted(site.company().firmaKodu()));
            settings.put("cari.api-token", quoted(site.company().token()));
            settings.put("hooks.require-registration", Boolean.toString(site.requireRegistration()));
            yaml.site(site.id(), site.secret(), site.prefix(), site.db().jdbcUrl(), site.db(), sandbox.baseUrl(),
                    settings);
        }
        agent = ServeProcess.start(yaml.write(), "wordpress-agent");
        agent.awaitServing(Duration.ofSeconds(120));
        Matcher listening = LISTENING.matcher(agent.output());
        if (!listening.find()) {
            throw new IllegalStateException("no 'listening on' line in " + agent.log());
        }
        agentUrl = listening.group(1);
        return agentUrl;
    }

    /** The sites served by {@code php -S}, started on first use. */
    synchronized Map<Storage, Site> servedSites() throws Exception {
        if (servers.isEmpty()) {
            for (Storage storage : Storage.values()) {
                time("site: php -S answering (" + storage.id + ")", () -> serve(storage));
            }
        }
        return sites;
    }

    private PhpServer serve(Storage storage) throws Exception {
        Site site = sites.get(storage);
        int port = Integer.parseInt(site.url().substring(site.url().lastIndexOf(':') + 1));
        for (int attempt = 1; ; attempt++) {
            try {
                PhpServer server = PhpServer.start(site.docroot(), port, 4,
                        layout.logs().resolve("php-server-" + storage.id + ".log"), "/wp-login.php");
                servers.add(server);
                return server;
            } catch (IllegalStateException | IOException e) {
                if (attempt == 3) {
                    throw e;
                }
                // The port chosen before the install was taken meanwhile: move the site to another one.
                port = PhpServer.freePort();
                site = new Site(storage, site.agentSite(), site.docroot(), "http://127.0.0.1:" + port);
                sites.put(storage, site);
                installSite(site, true);
            }
        }
    }

    /** {@code phpunit} in the plugin folder, against the suite prepared for {@code storage}. */
    Exec phpunitCommand(Storage storage, boolean woocommerce, String suite, boolean prepareOnly) {
        Map<String, String> env = new LinkedHashMap<>(phpunitEnv(storage, woocommerce));
        String name = storage.id + (woocommerce ? "" : "-without-woocommerce");
        if (prepareOnly) {
            env.remove("WP_TESTS_SKIP_INSTALL");
            env.put("CARICOMTR_TESTS_PREPARE_ONLY", "1");
        }
        List<Object> command = new ArrayList<>(List.of("phpunit", "-c", layout.plugin().resolve("phpunit.xml.dist"),
                "--testsuite", suite));
        if (!prepareOnly) {
            command.addAll(List.of("--log-junit", layout.logs().resolve("phpunit-" + name + ".xml")));
        }
        return Exec.command(command.toArray()).dir(layout.plugin()).env(env).timeout(Duration.ofMinutes(10))
                .log(layout.logs().resolve("phpunit-" + name + (prepareOnly ? "-prepare" : "") + ".log"));
    }

    /**
     * The environment of the PHPUnit tests: where WordPress and its test library are, which database and storage,
     * and the agent and sandbox the tests talk to (see {@code tests/phpunit/includes/class-test-env.php}).
     */
    Map<String, String> phpunitEnv(Storage storage, boolean woocommerce) {
        AgentSite site = phpunitSites.get(storage);
        if (site == null) {
            throw new IllegalStateException("the PHPUnit suite was not set up (no phpunit)");
        }
        Map<String, String> env = new LinkedHashMap<>(scriptEnv());
        env.put("WP_CORE_DIR", layout.testsCore().toString());
        env.put("WP_TESTS_DIR", layout.testsLibrary().toString());
        env.put("WP_TESTS_POLYFILLS_DIR", layout.polyfills().toString());
        env.put("WP_TESTS_DB_NAME", databaseName(site.db()));
        env.put("WP_TESTS_DB_USER", site.db().user());
        env.put("WP_TESTS_DB_PASSWORD", site.db().password());
        env.put("WP_TESTS_DB_HOST", dbHost);
        env.put("WP_TESTS_TABLE_PREFIX", site.prefix());
        env.put("WP_TESTS_SKIP_INSTALL", "1");
        env.put("CARICOMTR_TEST_STORAGE", storage.id);
        env.put("CARICOMTR_TEST_WOOCOMMERCE", woocommerce ? "active" : "inactive");
        env.putAll(agentEnv(site));
        return env;
    }

    private Map<String, String> agentEnv(AgentSite site) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CARICOMTR_TEST_AGENT_URL", agentUrl == null ? "" : agentUrl);
        env.put("CARICOMTR_TEST_SITE_ID", site.id());
        env.put("CARICOMTR_TEST_SECRET", site.secret());
        env.put("CARICOMTR_TEST_CARI_URL", sandbox.baseUrl());
        env.put("CARICOMTR_TEST_SANDBOX_URL", sandbox.adminUrl());
        env.put("CARICOMTR_TEST_FIRMA_KODU", site.company().firmaKodu());
        env.put("CARICOMTR_TEST_CARI_TOKEN", site.company().token());
        return env;
    }

    /** What the install scripts need to know: where ../shared is (Maven tells the tests). */
    private Map<String, String> scriptEnv() {
        return Map.of("CARICOMTR_SHARED_DIR", layout.shared().toString());
    }

    BridgeLayout layout() {
        return layout;
    }

    String agentUrl() {
        return agentUrl;
    }

    CariSandbox sandbox() {
        return sandbox;
    }

    ServeProcess agent() {
        return agent;
    }

    Map<String, Duration> timings() {
        return timings;
    }

    /** Runs a step, records how long it took and says so. */
    <T> T time(String step, Step<T> body) throws Exception {
        long start = System.nanoTime();
        T result = body.run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        timings.put(step, took);
        System.out.printf("[wordpress] %s in %.1f s%n", step, took.toMillis() / 1000.0);
        return result;
    }

    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }

    String describe() {
        StringBuilder out = new StringBuilder("agent " + agentUrl + " (log " + (agent == null ? "-" : agent.log())
                + "), sandbox " + (sandbox == null ? "-" : sandbox.adminUrl()) + ", database server " + dbHost);
        phpunitSites.forEach((storage, site) -> out.append("; PHPUnit ").append(storage.id).append(": database ")
                .append(databaseName(site.db())).append(", prefix ").append(site.prefix()).append(", agent site ")
                .append(site.id()));
        sites.forEach((storage, site) -> out.append("; site ").append(storage.id).append(": ").append(site.url())
                .append(" in ").append(site.docroot()).append(", database ").append(databaseName(site.agentSite().db()))
                .append(", prefix ").append(site.agentSite().prefix()).append(", agent site ")
                .append(site.agentSite().id()));
        return out.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (PhpServer server : servers) {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (agent != null) {
            try {
                agent.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (!timings.isEmpty()) {
            StringBuilder summary = new StringBuilder("[wordpress] timings:");
            timings.forEach((step, took) -> summary.append(String.format("%n  %-60s %6.1f s", step,
                    took.toMillis() / 1000.0)));
            System.out.println(summary);
        }
    }

    private static Company company(String firmaKodu) {
        return new Company(firmaKodu, firmaKodu.toLowerCase() + "-token", "Test " + firmaKodu);
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** 48 random letters and digits, a different one per site (the agent refuses shared secrets). */
    private static String secret() {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 48; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    static String databaseName(DatabaseSettings db) {
        String url = db.jdbcUrl();
        String rest = url.substring(url.indexOf("//") + 2);
        String path = rest.substring(rest.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** WordPress's DB_HOST ({@code host:port}) for a JDBC URL; {@code localhost} would make PHP use a socket. */
    static String dbHost(String jdbcUrl) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        String hostPort = rest.substring(0, rest.indexOf('/'));
        if (hostPort.startsWith("localhost:")) {
            hostPort = "127.0.0.1" + hostPort.substring("localhost".length());
        }
        return hostPort.contains(":") ? hostPort : hostPort + ":3306";
    }
}
