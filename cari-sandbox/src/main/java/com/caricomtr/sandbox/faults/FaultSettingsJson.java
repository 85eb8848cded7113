package com.caricomtr.sandbox.faults;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.caricomtr.sandbox.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of the fault settings used by {@code GET} and {@code PUT /_sandbox/faults}. */
public final class FaultSettingsJson {
    private FaultSettingsJson() {
    }

    public static ObjectNode toJson(FaultInjector injector) {
        FaultSettings s = injector.settings();
        ObjectNode json = Json.object();
        json.put("seed", s.seed());
        ObjectNode latency = json.putObject("latency_ms");
        latency.put("min", s.latencyMinMs());
        latency.put("max", s.latencyMaxMs());
        json.put("error_rate", s.errorRate());
        ArrayNode statuses = json.putArray("error_statuses");
        s.errorStatuses().forEach(statuses::add);
        json.put("timeout_rate", s.timeoutRate());
        json.put("hang_ms", s.hangMs());
        json.put("timeout_then", s.timeoutThen().wireName());
        json.put("rate_limit_rate", s.rateLimitRate());
        json.put("retry_after_seconds", s.retryAfterSeconds());
        json.put("drop_rate", s.dropRate());
        json.put("store_then_fail_rate", s.storeThenFailRate());
        json.put("store_then_fail_with", s.storeThenFailWith().wireName());
        ArrayNode script = json.putArray("script");
        injector.pendingScript().forEach(script::add);
        ObjectNode injected = json.putObject("injected");
        injector.injectedCounts().forEach(injected::put);
        return json;
    }

    /**
     * Applies the fields present in {@code patch} to {@code current}; absent fields keep their value. {@code script}
     * and {@code injected} are not settings and are ignored here.
     *
     * @throws IllegalArgumentException for an unknown field, a wrong type or settings that do not validate
     */
    public static FaultSettings apply(FaultSettings current, JsonNode patch) {
        if (!patch.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        FaultSettings.Builder b = current.toBuilder();
        int[] latency = {current.latencyMinMs(), current.latencyMaxMs()};
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "seed" -> b.seed(longValue(name, value));
                case "latency_ms" -> latency = latency(value);
                case "error_rate" -> b.errorRate(rate(name, value));
                case "error_statuses" -> b.errorStatuses(statuses(value));
                case "timeout_rate" -> b.timeoutRate(rate(name, value));
                case "hang_ms" -> b.hangMs(intValue(name, value));
                case "timeout_then" -> b.timeoutThen(TimeoutThen.parse(text(name, value)));
                case "rate_limit_rate" -> b.rateLimitRate(rate(name, value));
                case "retry_after_seconds" -> b.retryAfterSeconds(intValue(name, value));
                case "drop_rate" -> b.dropRate(rate(name, value));
                case "store_then_fail_rate" -> b.storeThenFailRate(rate(name, value));
                case "store_then_fail_with" -> b.storeThenFailWith(StoreThenFail.parse(text(name, value)));
                case "script", "injected" -> {
                    // not settings: the script is handled by the caller, the counts are read-only
                }
                default -> throw new IllegalArgumentException("unknown field \"" + name + "\"");
            }
        }
        return b.latencyMs(latency[0], latency[1]).build();
    }

    /** The {@code script} array of a patch, or null when the patch does not set one. */
    public static List<String> script(JsonNode patch) {
        JsonNode script = patch.get("script");
        if (script == null) {
            return null;
        }
        if (!script.isArray()) {
            throw new IllegalArgumentException("script must be an array of strings");
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : script) {
            entries.add(text("script[]", entry));
        }
        return entries;
    }

    /** {@code 250} is a fixed delay; {@code {"min": 100, "max": 400}} a range. */
    private static int[] latency(JsonNode value) {
        if (value.isIntegralNumber()) {
            int fixed = intValue("latency_ms", value);
            return new int[] {fixed, fixed};
        }
        if (value.isObject() && value.has("min") && value.has("max") && value.size() == 2) {
            return new int[] {intValue("latency_ms.min", value.get("min")), intValue("latency_ms.max", value.get("max"))};
        }
        throw new IllegalArgumentException("latency_ms must be a number or {\"min\": n, \"max\": n}");
    }

    private static List<Integer> statuses(JsonNode value) {
        if (!value.isArray()) {
            throw new IllegalArgumentException("error_statuses must be an array of status codes");
        }
        List<Integer> statuses = new ArrayList<>();
        for (JsonNode status : value) {
            statuses.add(intValue("error_statuses[]", status));
        }
        return statuses;
    }

    private static double rate(String name, JsonNode value) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number between 0 and 1");
        }
        return value.doubleValue();
    }

    private static int intValue(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
        return value.intValue();
    }

    private static long longValue(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
        return value.longValue();
    }

    private static String text(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return value.textValue();
    }
}
