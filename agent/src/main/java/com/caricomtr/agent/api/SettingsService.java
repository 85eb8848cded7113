package com.caricomtr.agent.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.caricomtr.agent.cari.CariException;
import com.caricomtr.agent.sync.SiteSettings;
import com.caricomtr.agent.sync.SiteSync;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Settings read and write, validated here with an error per field; and the connection test. Trigger statuses must
 * be among the shop's order statuses once its bridge registered them: a status the shop does not have never
 * triggers anything.
 */
final class SettingsService implements HttpService {
    private final SiteResolver sites;
    private final HookRegistry hooks;

    SettingsService(SiteResolver sites, HookRegistry hooks) {
        this.sites = sites;
        this.hooks = hooks;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/sites/{site}/settings", this::read)
                .put("/v1/sites/{site}/settings", this::write)
                .post("/v1/sites/{site}/connection-test", this::connectionTest);
    }

    private void read(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        if (site != null) {
            ApiJson.send(response, 200, Map.of("settings", site.runtime().settings().toMap(true)));
        }
    }

    private void write(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        JsonNode body = site == null ? null : ApiJson.body(request, response);
        if (body == null) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        body.path("settings").properties().forEach(e -> values.put(e.getKey(),
                e.getValue().isArray() ? String.join(",", texts(e.getValue())) : e.getValue().asText()));
        List<SiteSettings.FieldError> errors = new java.util.ArrayList<>(SiteSettings.validate(values,
                site.runtime().config().invoice().gibStyleNumber()));
        if (errors.isEmpty() && values.containsKey(SiteSettings.TRIGGER_STATUSES)) {
            unknownStatus(site, site.runtime().settings().with(values).triggerStatuses()).ifPresent(errors::add);
        }
        if (errors.isEmpty() && !values.isEmpty()) {
            sites.numberingConflict(site.runtime().id(), site.runtime().settings().with(values)).ifPresent(clash ->
                    errors.add(new SiteSettings.FieldError(values.containsKey(SiteSettings.INVOICE_SERIES)
                            ? SiteSettings.INVOICE_SERIES : SiteSettings.FIRMA_KODU, clash)));
        }
        if (values.isEmpty() || !errors.isEmpty()) {
            ApiJson.send(response, 400, Map.of("error", Map.of("code", "invalid_settings",
                    "message", values.isEmpty() ? "settings must name at least one setting" : "some settings are invalid",
                    "fields", errors)));
            return;
        }
        site.runtime().state().settings().putAll(values);
        site.runtime().apply(site.runtime().settings().with(values));
        ApiJson.send(response, 200, Map.of("settings", site.runtime().settings().toMap(true)));
    }

    private void connectionTest(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        if (site == null) {
            return;
        }
        try {
            var info = site.runtime().client().testConnection();
            ApiJson.send(response, 200, Map.of("ok", true, "company", info.firmaAdi()));
        } catch (CariException e) {
            ApiJson.send(response, 200, Map.of("ok", false, "class", e.failureClass().name().toLowerCase(),
                    "message", e.getMessage()));
        }
    }

    /** Before the bridge registered the shop's statuses, only their format is checked ({@link SiteSettings}). */
    private Optional<SiteSettings.FieldError> unknownStatus(SiteSync site, List<String> triggerStatuses) {
        return hooks.registration(site.runtime().id()).flatMap(registration -> {
            List<String> unknown = registration.unknownStatuses(triggerStatuses);
            if (unknown.isEmpty()) {
                return Optional.empty();
            }
            String named = unknown.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
            return Optional.of(new SiteSettings.FieldError(SiteSettings.TRIGGER_STATUSES, named
                    + (unknown.size() == 1 ? " is not one of" : " are not among") + " the shop's order statuses: "
                    + String.join(", ", registration.statusSlugs())));
        });
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
