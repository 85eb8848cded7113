package com.caricomtr.agent.api;

import com.caricomtr.agent.sync.SyncEngine;

import io.helidon.webserver.http.HttpRouting;

/**
 * The agent's HTTP API on a routing builder: the health check open, every other path behind the signature of one
 * of the sites. {@code Main} exposes the same for tests; the commands that serve use this directly, so that the
 * entry point and the commands do not import each other.
 */
public final class AgentRouting {
    public static final String VERSION = "0.1.0";

    private AgentRouting() {
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
        signed(routing, secrets, settings);
        routing.register(new HookRegistrationService(hooks));
    }

    /**
     * The whole agent API: health, hooks, and the sync endpoints of every site, all but health signed. The
     * registrations' order statuses are checked against the sites' trigger statuses.
     */
    public static void routing(HttpRouting.Builder routing, SiteSecrets secrets, SignatureSettings settings,
                               HookRegistry hooks, SyncEngine engine) {
        signed(routing, secrets, settings);
        routing.register(new HookRegistrationService(hooks, engine::triggerStatuses));
        SyncApi.register(routing, engine, hooks);
    }

    private static void signed(HttpRouting.Builder routing, SiteSecrets secrets, SignatureSettings settings) {
        routing.addFilter(new SignatureFilter(new SignatureVerifier(secrets, settings), secrets));
        routing(routing);
    }
}
