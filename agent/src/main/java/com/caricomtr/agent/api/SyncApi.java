package com.caricomtr.agent.api;

import com.caricomtr.agent.sync.SyncEngine;

import io.helidon.webserver.http.HttpRouting;

/** Registers the bridge's endpoints over the sync engine (behind the signature filter set up in {@code Main}). */
public final class SyncApi {
    private SyncApi() {
    }

    public static void register(HttpRouting.Builder routing, SyncEngine engine) {
        SiteResolver sites = new SiteResolver(engine);
        routing.register(new OrdersService(sites))
                .register(new DashboardService(sites))
                .register(new LogsService(sites))
                .register(new SettingsService(sites))
                .register(new BackfillService(sites));
    }
}
