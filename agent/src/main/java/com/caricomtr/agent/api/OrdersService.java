package com.caricomtr.agent.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.sync.OrderResult;
import com.caricomtr.agent.sync.SiteSync;
import com.caricomtr.agent.sync.state.OrderSyncState;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Sync orders now, hear of status changes, and tell the orders list each order's state. */
final class OrdersService implements HttpService {
    private final SiteResolver sites;

    OrdersService(SiteResolver sites) {
        this.sites = sites;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/sites/{site}/orders/sync", this::sync)
                .post("/v1/sites/{site}/orders/notify", this::notifyChange)
                .get("/v1/sites/{site}/orders/states", this::states);
    }

    private void sync(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        JsonNode body = site == null ? null : ApiJson.body(request, response);
        List<Long> ids = body == null ? null : SiteResolver.orderIds(body, response);
        if (ids != null) {
            List<OrderResult> results = site.syncNow(ids, body.path("force").asBoolean(false));
            ApiJson.send(response, 200, Map.of("results", results));
        }
    }

    private void notifyChange(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        JsonNode body = site == null ? null : ApiJson.body(request, response);
        List<Long> ids = body == null ? null : SiteResolver.orderIds(body, response);
        if (ids != null) {
            ApiJson.send(response, 202, Map.of("results", site.notify(ids)));
        }
    }

    private void states(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        List<Long> ids = site == null ? null : SiteResolver.idsParam(request, response);
        if (ids != null) {
            Map<Long, OrderSyncState> states = site.runtime().state().orders().states(ids);
            Map<String, Object> out = new LinkedHashMap<>();
            for (Long id : ids) {
                OrderSyncState s = states.get(id);
                out.put(Long.toString(id), s == null ? Map.of("state", "none") : Map.of(
                        "state", s.state().dbValue(),
                        "invoice_number", s.invoiceNumber() == null ? "" : s.invoiceNumber().number(),
                        "last_error", s.lastError() == null ? "" : s.lastError(),
                        "attempts", s.attempts(),
                        "claims", s.claims(),
                        "lost_claims", s.lostClaims()));
            }
            ApiJson.send(response, 200, Map.of("states", out));
        }
    }
}
