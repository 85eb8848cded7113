package com.caricomtr.agent;

import com.caricomtr.agent.api.HealthService;
import com.caricomtr.agent.api.HookRegistrationService;
import com.caricomtr.agent.api.HookRegistry;
import com.caricomtr.agent.api.SignatureFilter;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.api.SignatureVerifier;
import com.caricomtr.agent.api.SiteSecrets;
import com.caricomtr.agent.api.SyncApi;
import com.caricomtr.agent.cli.AgentCommand;
import com.caricomtr.agent.sync.SyncEngine;

import io.helidon.webserver.http.HttpRouting;

import picocli.CommandLine;

/** Entry point: the agent's commands, and the HTTP routing that the server and the tests share. */
public final class Main {
    public static final String VERSION = "0.1.0";

    private Main() {
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new AgentCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (exit != 0 || !AgentCommand.isServing()) {
            System.exit(exit);
        }
    }

    /** The unsigned part of the agent's HTTP API: the health check only. */
    public static void routing(HttpRouting.Builder routing) {
        routing.register("/health", new HealthService(VERSION));
    }

    /**
     * The health check, open, and every other path behind the signature of one of the sites, default limits; the
     * caller registers the signed endpoints on the same builder.
     */
    public static void routing(HttpRouting.Builder routing, SiteSecrets secrets) {
        routing.addFilter(new SignatureFilter(new SignatureVerifier(secrets, SignatureSettings.defaults()), secrets));
        routing(routing);
    }

    /** As {@link #routing(HttpRouting.Builder, SiteSecrets)}, with the given limits and the hook registration. */
    public static void routing(HttpRouting.Builder routing, SiteSecrets secrets, SignatureSettings settings,
                               HookRegistry hooks) {
        routing.addFilter(new SignatureFilter(new SignatureVerifier(secrets, settings), secrets));
        routing(routing);
        routing.register(new HookRegistrationService(hooks));
    }

    /** The whole agent API: health, hooks, and the sync endpoints of every site, all but health signed. */
    public static void routing(HttpRouting.Builder routing, SiteSecrets secrets, SignatureSettings settings,
                               HookRegistry hooks, SyncEngine engine) {
        routing(routing, secrets, settings, hooks);
        SyncApi.register(routing, engine);
    }
}
