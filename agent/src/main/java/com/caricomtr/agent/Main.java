package com.caricomtr.agent;

import com.caricomtr.agent.api.AgentRouting;
import com.caricomtr.agent.api.HookRegistry;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.api.SiteSecrets;
import com.caricomtr.agent.cli.AgentCommand;
import com.caricomtr.agent.sync.SyncEngine;

import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.http.HttpRouting;

import picocli.CommandLine;

/** Entry point: the agent's commands, and the HTTP routing that the server and the tests share. */
public final class Main {
    public static final String VERSION = AgentRouting.VERSION;

    private Main() {
    }

    public static void main(String[] args) {
        // One log format from the first line on (logging.properties), whatever logs first: Helidon, Hikari or us.
        LogConfig.configureRuntime();
        int exit = new CommandLine(new AgentCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (exit != 0 || !AgentCommand.isServing()) {
            System.exit(exit);
        }
    }

    /** The unsigned part of the agent's HTTP API: the health check only. */
    public static void routing(HttpRouting.Builder routing) {
        AgentRouting.routing(routing);
    }

    /**
     * The health check, open, and every other path behind the signature of one of the sites, default limits; the
     * caller registers the signed endpoints on the same builder.
     */
    public static void routing(HttpRouting.Builder routing, SiteSecrets secrets) {
        AgentRouting.routing(routing, secrets);
    }

    /** As {@link #routing(HttpRouting.Builder, SiteSecrets)}, with the given limits and the hook registration. */
    public static void routing(HttpRouting.Builder routing, SiteSecrets secrets, SignatureSettings settings,
                               HookRegistry hooks) {
        AgentRouting.routing(routing, secrets, settings, hooks);
    }

    /** The whole agent API: health, hooks, and the sync endpoints of every site, all but health signed. */
    public static void routing(HttpRouting.Builder routing, SiteSecrets secrets, SignatureSettings settings,
                               HookRegistry hooks, SyncEngine engine) {
        AgentRouting.routing(routing, secrets, settings, hooks, engine);
    }
}
