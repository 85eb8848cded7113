package com.caricomtr.agent.cari;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One request to Cari and what came of it, as {@link CariExchangeListener} sees it. Every text in it is already
 * masked: the firma kodu and the API token never reach a listener.
 *
 * @param requestHeaders  the headers the client set (OkHttp adds transport ones such as Host and Content-Length)
 * @param requestBody     null for GET
 * @param status          empty when no HTTP answer came
 * @param responseHeaders empty when no HTTP answer came
 * @param responseBody    null when no HTTP answer came
 * @param duration        from handing the call to OkHttp until the response body was read or the call failed
 * @param failureClass    null when the call succeeded
 * @param failureMessage  null when the call succeeded; the {@link CariException} message otherwise
 */
public record CariExchange(CariCallContext context,
                           String method,
                           String url,
                           Map<String, List<String>> requestHeaders,
                           String requestBody,
                           OptionalInt status,
                           Map<String, List<String>> responseHeaders,
                           String responseBody,
                           Duration duration,
                           FailureClass failureClass,
                           String failureMessage) {

    public boolean succeeded() {
        return failureClass == null;
    }

    /** {@code OK} or the failure class, for log lines. */
    public String outcome() {
        return succeeded() ? "OK" : failureClass.name();
    }
}
