package com.caricomtr.agent.sync.state;

import java.util.Objects;

import com.caricomtr.agent.cari.CariExchange;

/**
 * One exchange with Cari, to append to the log. Bodies must already be masked: the store writes what it gets.
 *
 * @param orderId  null when the call is not about one order
 * @param attempt  null when unknown
 * @param status   null when no HTTP answer came
 * @param outcome  {@code OK} or a failure class, as {@link CariExchange#outcome()}
 */
public record ApiLogEntry(Long orderId, Integer attempt, String method, String url, String requestBody,
                          Integer status, String responseBody, long durationMs, String outcome, String errorClass) {
    public ApiLogEntry {
        Texts.requireLength("method", method, 10, false);
        Objects.requireNonNull(url, "url");
        Texts.requireLength("outcome", outcome, 16, false);
        if (durationMs < 0) {
            throw new IllegalArgumentException("duration must not be negative, got " + durationMs);
        }
    }

    /** The client's exchange (already masked) in the log's shape. */
    public static ApiLogEntry from(CariExchange exchange) {
        Long orderId = exchange.context() == null ? null : exchange.context().orderId();
        Integer attempt = exchange.context() == null || exchange.context().attempt() <= 0 ? null
                : exchange.context().attempt();
        return new ApiLogEntry(orderId, attempt, exchange.method(), exchange.url(), exchange.requestBody(),
                exchange.status().isPresent() ? exchange.status().getAsInt() : null, exchange.responseBody(),
                exchange.duration() == null ? 0 : exchange.duration().toMillis(), exchange.outcome(),
                exchange.failureClass() == null ? null : exchange.failureClass().name());
    }
}
