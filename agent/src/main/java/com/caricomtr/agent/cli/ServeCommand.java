package com.caricomtr.agent.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.caricomtr.agent.api.AgentRouting;
import com.caricomtr.agent.api.BridgeHooks;
import com.caricomtr.agent.api.InMemorySiteSecrets;
import com.caricomtr.agent.api.RelaySettings;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.api.UnknownTriggerStatuses;
import com.caricomtr.agent.sync.NetworkConfig;
import com.caricomtr.agent.sync.SiteConfig;
import com.caricomtr.agent.config.ConfigurationRefused;
import com.caricomtr.agent.sync.SyncEngine;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the agent: the sync of every configured site, applying the shop's hooks through its bridge, and the signed
 * HTTP API for the bridge.
 *
 * <p>Every start-up problem stops it before anything is synced, with exit code 2 and one line naming what to fix
 * (the site, the setting); a stack trace only with {@code --verbose}. Hence the order: the configuration, then every
 * site's database and tables, then the port, and only then the sync.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the agent: sync every configured site and serve the bridge's signed API.")
public final class ServeCommand implements Callable<Integer> {
    /** A start-up problem the operator can fix: the configuration, a database, the port. */
    static final int REFUSED = 2;

    @Option(names = "--config", required = true,
            description = "YAML configuration with the sites (see agent.example.yaml and docs/configuration.md)")
    Path configFile;

    @Option(names = "--no-polling", description = "Rely on notify, manual sync and backfills alone")
    boolean noPolling;

    @Option(names = "--agent-id", description = "Names this agent's claims (default: host and process id)")
    String agentId;

    @Option(names = "--verbose", description = "Print the stack trace of a start-up problem")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        try {
            return serve();
        } catch (ConfigurationRefused refused) {
            System.err.println("caricomtr-agent: " + refused.getMessage());
            if (verbose) {
                refused.printStackTrace();
            }
            return REFUSED;
        } catch (RuntimeException unexpected) {
            System.err.println("caricomtr-agent: could not start: " + unexpected
                    + (verbose ? "" : " (--verbose prints the stack trace)"));
            if (verbose) {
                unexpected.printStackTrace();
            }
            return 1;
        }
    }

    private int serve() throws Exception {
        Config config = ConfigFile.load(configFile);
        List<SiteConfig> sites = sites(config);
        List<NetworkConfig> networks = networks(config);
        if (sites.isEmpty() && networks.isEmpty()) {
            throw new ConfigurationRefused(configFile + " configures no sites: add one under sites (see"
                    + " agent.example.yaml)");
        }
        secrets(secretsOf(sites, networks));
        String id = agentId != null ? agentId
                : java.net.InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        SyncEngine engine = SyncEngine.open(sites, networks, id);
        InMemorySiteSecrets secrets = secrets(engine.secrets());
        engine.onSiteAdded(site -> secrets.add(site.id(), site.config().secret()));
        BridgeHooks hooks = BridgeHooks.over(engine, secrets, RelaySettings.from(config.get("relay")));
        WebServer server;
        try {
            server = listen(config, secrets, hooks, engine);
        } catch (RuntimeException e) {
            engine.close();
            hooks.close();
            throw e;
        }
        engine.start(!noPolling, hooks);
        // A warning only: the start does not wait for the registrations to be read (the database may be away).
        Thread.ofVirtual().name("trigger-status-check")
                .start(() -> UnknownTriggerStatuses.warnAtStart(engine, hooks.registry()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, engine, hooks), "agent-stop"));
        exitCleanlyOn("TERM");
        exitCleanlyOn("INT");
        System.out.println("caricomtr-agent " + AgentRouting.VERSION + " (" + id + ") syncing " + engine.secrets().size()
                + " site(s), listening on http://" + config.get("server.host").asString().orElse("127.0.0.1") + ":"
                + server.port());
        AgentCommand.markServing();
        return 0;
    }

    /**
     * SIGTERM (systemd, Docker) and Ctrl-C stop the agent as it should stop: no new claims, deliveries under way
     * finished or given back, then exit 0. The JVM's own handling would run the same shutdown hook but exit 143,
     * which a supervisor reads as a failure.
     */
    private static void exitCleanlyOn(String signal) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> System.exit(0));
        } catch (IllegalArgumentException unsupported) {
            // A JVM run with -Xrs, or a platform without the signal: the shutdown hook still stops the agent.
        }
    }

    private static void stop(WebServer server, SyncEngine engine, BridgeHooks hooks) {
        System.Logger log = System.getLogger(ServeCommand.class.getName());
        log.log(System.Logger.Level.INFO, "stopping: no new claims; deliveries under way may finish within "
                + SyncEngine.STOP_GRACE.toSeconds() + " s, the rest is given back");
        long started = System.nanoTime();
        server.stop();
        engine.close();
        hooks.close();
        // Printed, as the start line is: the logging system closes its handlers in a shutdown hook of its own.
        System.out.println("caricomtr-agent stopped in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private List<SiteConfig> sites(Config config) {
        List<SiteConfig> sites;
        try {
            sites = SiteConfig.allFrom(config);
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationRefused(configFile + ": " + invalid.getMessage());
        }
        return sites;
    }

    private List<NetworkConfig> networks(Config config) {
        try {
            return NetworkConfig.allFrom(config);
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationRefused(configFile + ": " + invalid.getMessage());
        }
    }

    /** The configured secrets, checked before any database is opened: a network's entry stands for its blogs. */
    private static Map<String, String> secretsOf(List<SiteConfig> sites, List<NetworkConfig> networks) {
        Map<String, String> secrets = new LinkedHashMap<>();
        sites.forEach(s -> secrets.put(s.id(), s.secret()));
        networks.forEach(n -> secrets.put(n.entry().id(), n.entry().secret()));
        return secrets;
    }

    private InMemorySiteSecrets secrets(Map<String, String> secretsBySite) {
        try {
            return InMemorySiteSecrets.of(secretsBySite);
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationRefused(configFile + ": " + invalid.getMessage());
        }
    }

    /** The API, listening before any site syncs: a port another process holds stops the start here. */
    private static WebServer listen(Config config, InMemorySiteSecrets secrets, BridgeHooks hooks,
                                    SyncEngine engine) {
        String host = config.get("server.host").asString().orElse("127.0.0.1");
        int port = config.get("server.port").asInt().orElse(8787);
        ensureFree(host, port);
        WebServer server;
        try {
            server = WebServer.builder()
                    .config(config.get("server"))
                    .routing(r -> AgentRouting.routing(r, secrets, SignatureSettings.from(config.get("auth")),
                            hooks.registry(), engine))
                    .build()
                    .start();
        } catch (RuntimeException e) {
            throw new ConfigurationRefused(cannotListen(host, port) + ": " + e.getMessage());
        }
        if (!server.isRunning() || server.port() <= 0) {
            server.stop();
            throw new ConfigurationRefused(cannotListen(host, port));
        }
        return server;
    }

    /**
     * Tried before Helidon's own bind, whose failure it logs as a stack trace: the common case (another process on
     * the port) then gets the one line alone.
     */
    private static void ensureFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new ConfigurationRefused(cannotListen(host, port) + " (" + e.getMessage() + ")");
        }
    }

    private static String cannotListen(String host, int port) {
        return "cannot listen on " + host + ":" + port + " (server.host, server.port): another process holds the"
                + " port, or the address is not this host's; stop it or choose another server.port";
    }
}
