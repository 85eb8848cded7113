package com.caricomtr.agent.cari;

import java.lang.System.Logger.Level;

/**
 * The default {@link CariExchangeListener}: one line per exchange on the System.Logger
 * {@value #LOGGER_NAME}, INFO when it succeeded and WARNING when it failed. Bodies are included (they hold the
 * customer's billing data, as the invoice does); secrets are already masked by the client.
 */
public final class LoggingExchangeListener implements CariExchangeListener {
    public static final String LOGGER_NAME = "com.caricomtr.agent.cari.exchange";
    /** Large enough for an invoice with many lines; a runaway error page is cut. */
    public static final int DEFAULT_MAX_BODY_CHARS = 16_384;

    private final System.Logger logger;
    private final int maxBodyChars;

    public LoggingExchangeListener() {
        this(DEFAULT_MAX_BODY_CHARS);
    }

    public LoggingExchangeListener(int maxBodyChars) {
        this.logger = System.getLogger(LOGGER_NAME);
        this.maxBodyChars = maxBodyChars;
    }

    @Override
    public void onExchange(CariExchange exchange) {
        Level level = exchange.succeeded() ? Level.INFO : Level.WARNING;
        if (logger.isLoggable(level)) {
            logger.log(level, line(exchange));
        }
    }

    String line(CariExchange exchange) {
        StringBuilder line = new StringBuilder(256)
                .append("cari ").append(exchange.context())
                .append(' ').append(exchange.method()).append(' ').append(exchange.url())
                .append(" -> ").append(exchange.status().isPresent() ? String.valueOf(exchange.status().getAsInt()) : "no response")
                .append(" in ").append(exchange.duration().toMillis()).append(" ms ")
                .append(exchange.outcome());
        if (!exchange.succeeded()) {
            line.append(" (").append(oneLine(exchange.failureMessage())).append(')');
        }
        line.append(" | request headers=").append(exchange.requestHeaders())
                .append(" body=").append(body(exchange.requestBody()))
                .append(" | response headers=").append(exchange.responseHeaders())
                .append(" body=").append(body(exchange.responseBody()));
        return line.toString();
    }

    private String body(String body) {
        if (body == null) {
            return "-";
        }
        String shown = body.length() <= maxBodyChars
                ? body
                : body.substring(0, maxBodyChars) + "...(" + (body.length() - maxBodyChars) + " more chars)";
        return oneLine(shown);
    }

    /** One exchange must stay one log line, whatever Cari puts in a body. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
