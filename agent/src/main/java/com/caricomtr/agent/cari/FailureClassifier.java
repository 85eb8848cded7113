package com.caricomtr.agent.cari;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLException;

import okhttp3.Headers;

/**
 * Turns every way a Cari call can fail into a {@link CariException}, following the status table of
 * docs/cari-api.md. Every text taken from Cari or from an exception goes through the {@link Masker} first.
 */
final class FailureClassifier {
    /** Enough of a non-JSON error page to recognise it (a proxy's HTML, a stack trace) without flooding logs. */
    static final int SNIPPET_CHARS = 200;

    private final Masker masker;

    FailureClassifier(Masker masker) {
        this.masker = masker;
    }

    static FailureClass classify(int status, String cariCode, String existingId) {
        if (status == 409 && (CariWire.CODE_INVOICE_EXISTS.equals(cariCode)
                || CariWire.CODE_CUSTOMER_EXISTS.equals(cariCode) || existingId != null)) {
            return FailureClass.CONFLICT;
        }
        // 408 is a timeout reported by the server: the same call can succeed on a second try.
        if (status == 429 || status == 408 || status >= 500) {
            return FailureClass.RETRYABLE;
        }
        // The remaining 4xx, and 1xx/3xx that a JSON API should never send: repeating cannot help.
        return FailureClass.PERMANENT;
    }

    CariException forErrorResponse(String what, int status, Headers headers, String body, Instant now) {
        CariWire.Error error = errorBody(body);
        String code = error == null ? null : error.kod();
        String cariMessage = error == null ? null : masker.apply(error.mesaj());
        String existingId = error == null ? null : error.mevcutId();
        List<CariFieldError> fields = error == null || error.alanlar() == null ? List.of()
                : error.alanlar().stream()
                        .map(f -> new CariFieldError(masker.apply(f.alan()), masker.apply(f.mesaj())))
                        .toList();
        FailureClass failureClass = classify(status, code, existingId);
        Duration retryAfter = RetryAfter.parse(headers.get(CariWire.HEADER_RETRY_AFTER), now);

        StringBuilder message = new StringBuilder(what).append(": HTTP ").append(status);
        if (error != null) {
            appendIfPresent(message, " ", code);
            appendIfPresent(message, " ", cariMessage);
            if (!fields.isEmpty()) {
                message.append(' ').append(fields);
            }
        } else {
            message.append(bodySnippet(body));
        }
        if (existingId != null) {
            String record = CariWire.CODE_CUSTOMER_EXISTS.equals(code) ? "customer" : "invoice";
            message.append(", existing ").append(record).append(' ').append(masker.apply(existingId));
        }
        if (retryAfter != null) {
            message.append(", retry after ").append(retryAfter.toSeconds()).append(" s");
        }
        if (status >= 300 && status < 400) {
            message.append(", redirect to ").append(masker.apply(headers.get("Location"))).append(" not followed");
        }
        message.append(" (").append(failureClass).append(')');
        return new CariException(failureClass, status, code, cariMessage, fields, retryAfter,
                failureClass == FailureClass.CONFLICT ? existingId : null, message.toString(), null);
    }

    /**
     * A 2xx whose body is not what the contract says. Permanent: repeating the call gets the same answer, and for
     * an invoice a repeat is answered by 409 FATURA_MEVCUT anyway, so nothing is invoiced twice.
     */
    CariException forUnexpectedBody(String what, int status, String body, Exception cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String message = what + ": HTTP " + status + " but the answer does not match the Cari contract ("
                + masker.apply(firstLine(reason)) + ")" + bodySnippet(body) + " (" + FailureClass.PERMANENT + ")";
        return new CariException(FailureClass.PERMANENT, status, null, null, List.of(), null, null, message,
                null);
    }

    CariException forNetworkFailure(String what, IOException failure) {
        String message = what + ": no answer from Cari, " + describe(failure) + " ("
                + failure.getClass().getSimpleName() + ": " + masker.apply(failure.getMessage()) + ") ("
                + FailureClass.RETRYABLE + ")";
        // The cause keeps the stack trace; OkHttp's exception messages carry host and port, never our headers.
        return CariException.withoutStatus(FailureClass.RETRYABLE, message, failure);
    }

    /**
     * The status arrived but the body broke off. Retryable even after a 2xx: if Cari did create the invoice, the
     * repeat is answered by 409 FATURA_MEVCUT with its id, so retrying never invoices twice.
     */
    CariException forBodyCutOff(String what, int status, IOException failure) {
        String message = what + ": HTTP " + status + " but the body did not arrive complete, " + describe(failure)
                + " (" + failure.getClass().getSimpleName() + ": " + masker.apply(failure.getMessage()) + ") ("
                + FailureClass.RETRYABLE + ")";
        return new CariException(FailureClass.RETRYABLE, status, null, null, List.of(), null, null, message,
                failure);
    }

    CariException forInterrupt(String what) {
        return CariException.withoutStatus(FailureClass.RETRYABLE,
                what + ": interrupted while waiting for Cari; the call was cancelled (" + FailureClass.RETRYABLE + ")",
                null);
    }

    /** Data that cannot be sent; a {@link PayloadProblem} names its field, as Cari's own field errors do. */
    CariException forUnsendable(String what, IllegalArgumentException problem) {
        List<CariFieldError> fields = problem instanceof PayloadProblem named
                ? List.of(new CariFieldError(named.field(), masker.apply(named.reason()))) : List.of();
        return new CariException(FailureClass.PERMANENT, 0, null, null, fields, null, null,
                what + ": not sent, the data cannot be put on the wire: " + masker.apply(problem.getMessage())
                        + " (" + FailureClass.PERMANENT + ")", null);
    }

    private static String describe(IOException failure) {
        if (failure instanceof SocketTimeoutException
                || failure instanceof InterruptedIOException && "timeout".equals(failure.getMessage())) {
            return "timed out";
        }
        if (failure instanceof ConnectException) {
            return "could not connect";
        }
        if (failure instanceof UnknownHostException) {
            return "unknown host";
        }
        if (failure instanceof SSLException) {
            return "TLS failure";
        }
        return "connection failed";
    }

    private CariWire.Error errorBody(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            CariWire.ErrorResponse parsed = CariJson.read(body, CariWire.ErrorResponse.class);
            return parsed == null ? null : parsed.error();
        } catch (IOException | RuntimeException notTheErrorShape) {
            return null;
        }
    }

    /** Masks before cutting, so that a cut can never leave part of a secret unmasked. */
    private String bodySnippet(String body) {
        if (body == null || body.isBlank()) {
            return ", empty body";
        }
        String masked = masker.apply(body.strip());
        String cut = masked.length() <= SNIPPET_CHARS ? masked : masked.substring(0, SNIPPET_CHARS) + "...";
        return ", body: " + cut.replace("\r", " ").replace("\n", " ");
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static void appendIfPresent(StringBuilder message, String separator, String value) {
        if (value != null && !value.isBlank()) {
            message.append(separator).append(value);
        }
    }
}
