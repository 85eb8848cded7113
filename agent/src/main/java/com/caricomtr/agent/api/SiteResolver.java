package com.caricomtr.agent.api;

import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.sync.SiteSync;
import com.caricomtr.agent.sync.SyncEngine;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The {@code {site}} of a path, checked against the site that signed the request. */
final class SiteResolver {
    private final SyncEngine engine;

    SiteResolver(SyncEngine engine) {
        this.engine = engine;
    }

    /** The site, or null after answering 403 (another site's path) or 404 (not served here). */
    SiteSync resolve(ServerRequest request, ServerResponse response) {
        String signed = SignedRequest.siteId(request);
        String path = request.path().pathParameters().get("site");
        if (!signed.equals(path)) {
            ApiErrors.send(response, 403, "wrong_site", "A site may only act on itself.");
            return null;
        }
        return engine.site(signed).orElseGet(() -> {
            ApiErrors.send(response, 404, "unknown_site", "This agent does not sync that site.");
            return null;
        });
    }

    /** Why the site may not take these settings (its invoice numbers would coincide with another site's). */
    java.util.Optional<String> numberingConflict(String siteId, com.caricomtr.agent.sync.SiteSettings candidate) {
        return engine.numberingConflict(siteId, candidate);
    }

    /** {@code order_ids} of a JSON body (or a single {@code order_id}); null after answering 400. */
    static List<Long> orderIds(JsonNode body, ServerResponse response) {
        List<Long> ids = new ArrayList<>();
        JsonNode many = body.path("order_ids");
        if (many.isArray()) {
            many.forEach(id -> ids.add(id.asLong()));
        } else if (body.path("order_id").canConvertToLong()) {
            ids.add(body.path("order_id").asLong());
        }
        if (ids.isEmpty() || ids.size() > 1000 || ids.stream().anyMatch(id -> id <= 0)) {
            ApiErrors.send(response, 400, "invalid_order_ids", "order_ids must list 1 to 1000 positive order ids.");
            return null;
        }
        return ids;
    }

    /** Comma-separated ids from a query parameter; null after answering 400. */
    static List<Long> idsParam(ServerRequest request, ServerResponse response) {
        List<Long> ids = new ArrayList<>();
        try {
            for (String part : request.query().first("ids").orElse("").split(",")) {
                if (!part.isBlank()) {
                    ids.add(Long.parseLong(part.strip()));
                }
            }
        } catch (NumberFormatException e) {
            ids.clear();
        }
        if (ids.isEmpty() || ids.size() > 1000) {
            ApiErrors.send(response, 400, "invalid_ids", "ids must be 1 to 1000 comma-separated order ids.");
            return null;
        }
        return ids;
    }
}
