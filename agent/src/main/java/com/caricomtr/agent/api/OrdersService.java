package com.caricomtr.agent.api;

import java.time.Duration;
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

/** Sync orders now (waiting a little for their outcomes if asked), hear of status changes, tell each order's state. */
final class OrdersService implements HttpService {
    /**
     * The longest a sync request waits for outcomes: enough for Cari to answer a bulk action of a few orders, short
     * enough for a wp-admin request (PHP's and proxies' timeouts are 30 s and more).
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

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
        long arrived = System.nanoTime();
        SiteSync site = sites.resolve(request, response);
        JsonNode body = site == null ? null : ApiJson.body(request, response);
        List<Long> ids = body == null ? null : SiteResolver.orderIds(body, response);
        Duration wait = ids == null ? null : waitSeconds(body, response);
        if (wait == null) {
            return;
        }
        List<OrderResult> results = site.syncNow(ids, body.path("force").asBoolean(false));
        long waitFrom = System.nanoTime();
        Map<Long, OrderSyncState> states = site.states(ids, wait.minusNanos(waitFrom - arrived));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", answers(site, results, states));
        out.put("waited_ms", wait.isZero() ? 0 : Duration.ofNanos(System.nanoTime() - waitFrom).toMillis());
        ApiJson.send(response, 200, out);
    }

    private void notifyChange(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        JsonNode body = site == null ? null : ApiJson.body(request, response);
        List<Long> ids = body == null ? null : SiteResolver.orderIds(body, response);
        if (ids != null) {
            List<OrderResult> results = site.notify(ids);
            ApiJson.send(response, 202, Map.of("results", answers(site, results, site.states(ids, Duration.ZERO))));
        }
    }

    private void states(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        List<Long> ids = site == null ? null : SiteResolver.idsParam(request, response);
        if (ids != null) {
            Map<Long, OrderSyncState> states = site.states(ids, Duration.ZERO);
            boolean held = site.waitingForHooks();
            Map<String, Object> out = new LinkedHashMap<>();
            for (Long id : ids) {
                out.put(Long.toString(id), OrderStateJson.of(states.get(id), held));
            }
            ApiJson.send(response, 200, Map.of("states", out));
        }
    }

    private static List<Map<String, Object>> answers(SiteSync site, List<OrderResult> results,
                                                     Map<Long, OrderSyncState> states) {
        boolean held = site.waitingForHooks();
        return results.stream().map(r -> OrderStateJson.of(r, states.get(r.orderId()), held)).toList();
    }

    /** {@code wait_seconds}, at most {@link #MAX_WAIT}; zero when absent; null after answering 400. */
    private static Duration waitSeconds(JsonNode body, ServerResponse response) {
        JsonNode seconds = body.path("wait_seconds");
        if (seconds.isMissingNode() || seconds.isNull()) {
            return Duration.ZERO;
        }
        if (!seconds.isNumber() || seconds.doubleValue() < 0) {
            ApiErrors.send(response, 400, "invalid_wait", "wait_seconds must be a number of seconds, 0 or more;"
                    + " at most " + MAX_WAIT.toSeconds() + " are waited.");
            return null;
        }
        double capped = Math.min(seconds.doubleValue(), MAX_WAIT.toSeconds());
        return Duration.ofMillis(Math.round(capped * 1000));
    }
}
