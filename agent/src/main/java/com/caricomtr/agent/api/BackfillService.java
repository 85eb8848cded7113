package com.caricomtr.agent.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.sync.SiteSync;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Backfill start, progress and cancel. */
final class BackfillService implements HttpService {
    private final SiteResolver sites;

    BackfillService(SiteResolver sites) {
        this.sites = sites;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/sites/{site}/backfills", this::start)
                .get("/v1/sites/{site}/backfills/{id}", this::progress)
                .post("/v1/sites/{site}/backfills/{id}/cancel", this::cancel);
    }

    private void start(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        JsonNode body = site == null ? null : ApiJson.body(request, response);
        if (body == null) {
            return;
        }
        try {
            LocalDate from = body.hasNonNull("from") ? LocalDate.parse(body.get("from").asText()) : null;
            LocalDate to = body.hasNonNull("to") ? LocalDate.parse(body.get("to").asText()) : null;
            List<String> statuses = new ArrayList<>();
            body.path("statuses").forEach(s -> statuses.add(s.asText()));
            if (from != null && to != null && to.isBefore(from)) {
                ApiErrors.send(response, 400, "invalid_backfill", "to must not be before from.");
                return;
            }
            ApiJson.send(response, 202, Map.of("backfill", site.startBackfill(from, to, statuses)));
        } catch (DateTimeException e) {
            // Only what the request got wrong: a database failure is the routing's 503, not the bridge's fault.
            ApiErrors.send(response, 400, "invalid_backfill", "from and to must be dates like 2025-01-31; statuses"
                    + " a list of order statuses.");
        } catch (IllegalArgumentException e) {
            ApiErrors.send(response, 400, "invalid_backfill", e.getMessage());
        }
    }

    private void progress(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        if (site == null) {
            return;
        }
        long id = Long.parseLong(request.path().pathParameters().get("id"));
        site.backfill(id).ifPresentOrElse(b -> ApiJson.send(response, 200, Map.of("backfill", b)),
                () -> ApiErrors.send(response, 404, "not_found", "No such backfill."));
    }

    private void cancel(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        if (site == null) {
            return;
        }
        long id = Long.parseLong(request.path().pathParameters().get("id"));
        if (site.cancelBackfill(id)) {
            ApiJson.send(response, 200, Map.of("backfill", site.backfill(id).orElseThrow()));
        } else {
            ApiErrors.send(response, 409, "not_running", "The backfill is not running (done, cancelled or unknown).");
        }
    }
}
