package com.caricomtr.agent.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.caricomtr.agent.sync.state.HookStore;
import com.caricomtr.agent.sync.state.StateStoreException;
import com.caricomtr.agent.json.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code PUT /v1/sites/{site}/hooks} stores what the bridge hooked and the shop's order statuses (in the site's
 * state, where it survives a restart); {@code GET} shows what the agent holds, and which trigger statuses the shop
 * does not have. Behind the {@link SignatureFilter}: a site may only speak for itself.
 */
public final class HookRegistrationService implements HttpService {
    static final String PATH = "/v1/sites/{site}/hooks";
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private final HookRegistry registry;
    private final Function<String, List<String>> triggerStatuses;

    /** Without the sync: no trigger statuses to compare the shop's statuses with. */
    public HookRegistrationService(HookRegistry registry) {
        this(registry, site -> List.of());
    }

    /** @param triggerStatuses each site's trigger statuses now (without {@code wc-}) */
    public HookRegistrationService(HookRegistry registry, Function<String, List<String>> triggerStatuses) {
        this.registry = registry;
        this.triggerStatuses = triggerStatuses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.put(PATH, this::register)
                .get(PATH, this::show);
    }

    private void register(ServerRequest request, ServerResponse response) {
        String site = ownSite(request, response);
        if (site == null) {
            return;
        }
        HookRegistration registration;
        try {
            registration = parse(request.content().as(String.class));
        } catch (IllegalArgumentException invalid) {
            ApiErrors.send(response, 400, "invalid_registration", invalid.getMessage());
            return;
        }
        try {
            registry.register(site, registration);
        } catch (StateStoreException e) {
            ApiErrors.send(response, 503, "not_stored",
                    "The agent could not store the registration; the previous one stays. Try again.");
            return;
        }
        sendJson(response, site, registration,
                UnknownTriggerStatuses.warnOf(site, registration, triggerStatuses.apply(site)));
    }

    private void show(ServerRequest request, ServerResponse response) {
        String site = ownSite(request, response);
        if (site == null) {
            return;
        }
        registry.registration(site).ifPresentOrElse(
                registration -> sendJson(response, site, registration,
                        registration.unknownStatuses(triggerStatuses.apply(site))),
                () -> ApiErrors.send(response, 404, "not_registered", "The site has not registered its hooks."));
    }

    /** The path's site when it is the signing site; otherwise answers 403 and returns null. */
    private static String ownSite(ServerRequest request, ServerResponse response) {
        String signed = SignedRequest.siteId(request);
        if (!signed.equals(request.path().pathParameters().get("site"))) {
            ApiErrors.send(response, 403, "wrong_site", "A site may only register its own hooks.");
            return null;
        }
        return signed;
    }

    static HookRegistration parse(String body) {
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not JSON.");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object.");
        }
        Set<Hook> filters = hooks(json, "filters", Hook.Kind.FILTER);
        Set<Hook> actions = hooks(json, "actions", Hook.Kind.ACTION);
        JsonNode url = json.path("callback_url");
        URI callback = url.isNull() || url.isMissingNode() ? null : callbackUrl(url);
        return new HookRegistration(callback, filters, actions, orderStatuses(json.path("order_statuses")));
    }

    /**
     * What {@code wc_get_order_statuses()} returned, in its order. PHP's {@code json_encode} makes {@code []} of an
     * empty array, so that means none too.
     */
    private static Map<String, String> orderStatuses(JsonNode statuses) {
        Map<String, String> out = new LinkedHashMap<>();
        if (statuses.isMissingNode() || statuses.isNull() || (statuses.isArray() && statuses.isEmpty())) {
            return out;
        }
        if (!statuses.isObject()) {
            throw new IllegalArgumentException("order_statuses must be an object of status key to label, as"
                    + " wc_get_order_statuses() returns.");
        }
        if (statuses.size() > HookStore.MAX_ORDER_STATUSES) {
            throw new IllegalArgumentException("order_statuses may list at most " + HookStore.MAX_ORDER_STATUSES
                    + " statuses.");
        }
        statuses.properties().forEach(status -> {
            if (!HookStore.STATUS_KEY.matcher(status.getKey()).matches()) {
                throw new IllegalArgumentException("'" + LogText.clean(status.getKey()) + "' is not an order status"
                        + " key: 1 to 20 of a-z 0-9 _ -.");
            }
            JsonNode label = status.getValue();
            if (!label.isTextual() || label.asText().length() > HookStore.MAX_STATUS_LABEL) {
                throw new IllegalArgumentException("The label of order status " + status.getKey() + " must be a"
                        + " string of at most " + HookStore.MAX_STATUS_LABEL + " characters.");
            }
            out.put(status.getKey(), label.asText());
        });
        return out;
    }

    private static Set<Hook> hooks(JsonNode json, String field, Hook.Kind kind) {
        JsonNode names = json.path(field);
        Set<Hook> hooks = EnumSet.noneOf(Hook.class);
        if (names.isMissingNode() || names.isNull()) {
            return hooks;
        }
        if (!names.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of hook names.");
        }
        for (JsonNode name : names) {
            Hook hook = Hook.byName(name.asText())
                    .filter(found -> found.kind() == kind)
                    .orElseThrow(() -> new IllegalArgumentException("'" + LogText.clean(name.asText()) + "' is not a "
                            + kind.name().toLowerCase(Locale.ROOT) + " the agent relays."));
            hooks.add(hook);
        }
        return hooks;
    }

    /**
     * An absolute http(s) URL without user info or fragment. Plain http is allowed because the bridge usually sits
     * on the same host as the agent; the agent never follows redirects, so the URL cannot be bent elsewhere.
     */
    private static URI callbackUrl(JsonNode url) {
        try {
            URI uri = new URI(url.asText());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isTextual() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                    || uri.toString().length() > HookStore.MAX_URL_LENGTH) {
                throw new IllegalArgumentException("callback_url must be an absolute http or https URL without user"
                        + " info or fragment, of at most " + HookStore.MAX_URL_LENGTH + " characters.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("callback_url is not a valid URL.");
        }
    }

    private static void sendJson(ServerResponse response, String site, HookRegistration registration,
                                 List<String> unknownTriggerStatuses) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("site", site);
        body.put("callback_url", registration.callbackUrl() == null ? null : registration.callbackUrl().toString());
        ArrayNode filters = body.putArray("filters");
        registration.filters().forEach(hook -> filters.add(hook.wordpressName()));
        ArrayNode actions = body.putArray("actions");
        registration.actions().forEach(hook -> actions.add(hook.wordpressName()));
        ObjectNode statuses = body.putObject("order_statuses");
        registration.orderStatuses().forEach(statuses::put);
        ArrayNode unknown = body.putArray("unknown_trigger_statuses");
        unknownTriggerStatuses.forEach(unknown::add);
        response.header("Content-Type", "application/json");
        response.send(body.toString());
    }
}
