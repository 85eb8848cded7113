package com.caricomtr.agent.cli;

import java.nio.file.Files;
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
import com.caricomtr.agent.sync.SiteConfig;
import com.caricomtr.agent.sync.ConfigurationRefused;
import com.caricomtr.agent.sync.SyncEngine;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the agent: the sync of every configured site, applying the shop's hooks through its bridge, and the signed
 * HTTP API for the bridge.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the agent: sync every configured site and serve the bridge's signed API.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", description = "YAML configuration with the sites (see docs/agent-api.md)")
    Path configFile;

    @Option(names = "--no-polling", description = "Rely on notify, manual sync and backfills alone")
    boolean noPolling;

    @Option(names = "--agent-id", description = "Names this agent's claims (default: host and process id)")
    String agentId;

    @Override
    public Integer call() throws Exception {
        Config config = configFile == null
                ? Config.create()
                : Config.builder()
                        // -Dserver.host=... (the container image) overrides the file; the file overrides defaults.
                        .addSource(ConfigSources.systemProperties())
                        .addSource(ConfigSources.file(configFile))
                        .addSource(ConfigSources.classpath("application.yaml"))
                        .disableEnvironmentVariablesSource()
                        .disableSystemPropertiesSource()
                        .build();
        if (configFile != null && !Files.isReadable(configFile)) {
            throw new IllegalArgumentException("cannot read " + configFile);
        }
        List<SiteConfig> sites = SiteConfig.allFrom(config);
        Map<String, String> secretsBySite = new LinkedHashMap<>();
        sites.forEach(s -> secretsBySite.put(s.id(), s.secret()));
        InMemorySiteSecrets secrets = InMemorySiteSecrets.of(secretsBySite);
        String id = agentId != null ? agentId
                : java.net.InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        SyncEngine engine;
        try {
            engine = SyncEngine.open(sites, id);
        } catch (ConfigurationRefused refused) {
            System.err.println("caricomtr-agent: " + refused.getMessage());
            return 2;
        }
        BridgeHooks hooks = BridgeHooks.over(engine, secrets, RelaySettings.from(config.get("relay")));
        engine.start(!noPolling, hooks);
        // A warning only: the start does not wait for the registrations to be read (the database may be away).
        Thread.ofVirtual().name("trigger-status-check")
                .start(() -> UnknownTriggerStatuses.warnAtStart(engine, hooks.registry()));
        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .routing(r -> AgentRouting.routing(r, secrets, SignatureSettings.from(config.get("auth")), hooks.registry(),
                        engine))
                .build()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            engine.close();
            hooks.close();
        }, "agent-stop"));
        System.out.println("caricomtr-agent " + AgentRouting.VERSION + " (" + id + ") syncing " + sites.size()
                + " site(s), listening on http://" + config.get("server.host").asString().orElse("127.0.0.1") + ":"
                + server.port());
        AgentCommand.markServing();
        return 0;
    }
}
