package com.caricomtr.agent.api;

import com.caricomtr.agent.sync.SyncEngine;
import com.caricomtr.agent.sync.state.StateStoreException;
import com.caricomtr.agent.woo.WooReadException;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Registers the bridge's endpoints over the sync engine (behind the signature filter set up in {@code Main}). */
public final class SyncApi {
    private static final System.Logger LOG = System.getLogger(SyncApi.class.getName());

    private SyncApi() {
    }

    /** @param hooks the bridges' registrations, whose order statuses the trigger statuses must be among */
    public static void register(HttpRouting.Builder routing, SyncEngine engine, HookRegistry hooks) {
        SiteResolver sites = new SiteResolver(engine);
        routing.register(new OrdersService(sites))
                .register(new DashboardService(sites))
                .register(new LogsService(sites))
                .register(new SettingsService(sites, hooks))
                .register(new BackfillService(sites))
                // The agent's database (or the shop's tables) failed, not the request: the bridge should say so
                // and try again later, rather than show a bug or blame what it sent.
                .error(StateStoreException.class, SyncApi::databaseFailed)
                .error(WooReadException.class, SyncApi::databaseFailed);
    }

    private static void databaseFailed(ServerRequest request, ServerResponse response, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, request.prologue().method().text() + " " + request.path().path()
                + " failed: " + e.getMessage());
        ApiErrors.send(response, 503, "database_unavailable",
                "The agent could not read or write its database; try again later.");
    }
}
