package com.caricomtr.agent.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.sync.SiteSync;
import com.caricomtr.agent.sync.state.ApiLogQuery;
import com.caricomtr.agent.sync.state.ErrorQuery;
import com.caricomtr.agent.sync.state.PageRequest;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The API log and the errors, with filters, search and pages; errors can be retried or dismissed. */
final class LogsService implements HttpService {
    private final SiteResolver sites;

    LogsService(SiteResolver sites) {
        this.sites = sites;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/sites/{site}/logs", this::logs)
                .get("/v1/sites/{site}/errors", this::errors)
                .post("/v1/sites/{site}/errors/retry", this::retry)
                .post("/v1/sites/{site}/errors/dismiss", this::dismiss);
    }

    private void logs(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        if (site == null) {
            return;
        }
        var q = request.query();
        try {
            ApiLogQuery query = new ApiLogQuery(q.first("order_id").map(Long::parseLong).orElse(null),
                    q.first("outcome").orElse(null), q.first("from").map(Instant::parse).orElse(null),
                    q.first("to").map(Instant::parse).orElse(null), q.first("search").orElse(null),
                    q.first("bodies").map(Boolean::parseBoolean).orElse(false), page(request));
            ApiJson.send(response, 200, site.runtime().state().apiLog().query(query));
        } catch (IllegalArgumentException | DateTimeException e) {
            ApiErrors.send(response, 400, "invalid_query", "order_id, from, to, page or per_page is malformed.");
        }
    }

    private void errors(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        if (site == null) {
            return;
        }
        var q = request.query();
        try {
            ErrorQuery query = new ErrorQuery(q.first("order_id").map(Long::parseLong).orElse(null),
                    q.first("dismissed").map(Boolean::parseBoolean).orElse(false), q.first("search").orElse(null),
                    q.first("from").map(Instant::parse).orElse(null), q.first("to").map(Instant::parse).orElse(null),
                    page(request));
            ApiJson.send(response, 200, site.runtime().state().errors().list(query));
        } catch (IllegalArgumentException | DateTimeException e) {
            ApiErrors.send(response, 400, "invalid_query", "order_id, from, to, page or per_page is malformed.");
        }
    }

    private void retry(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        JsonNode body = site == null ? null : ApiJson.body(request, response);
        List<Long> ids = body == null ? null : SiteResolver.orderIds(body, response);
        if (ids != null) {
            ApiJson.send(response, 200, Map.of("retried", site.retry(ids)));
        }
    }

    private void dismiss(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        JsonNode body = site == null ? null : ApiJson.body(request, response);
        List<Long> ids = body == null ? null : SiteResolver.orderIds(body, response);
        if (ids != null) {
            ApiJson.send(response, 200, Map.of("dismissed", site.dismiss(ids)));
        }
    }

    /** {@code page} from 1 and {@code per_page} up to the store's maximum. */
    private static PageRequest page(ServerRequest request) {
        int perPage = request.query().first("per_page").map(Integer::parseInt).orElse(50);
        int page = request.query().first("page").map(Integer::parseInt).orElse(1);
        return PageRequest.of(Math.max(0, page - 1) * perPage, perPage);
    }
}
