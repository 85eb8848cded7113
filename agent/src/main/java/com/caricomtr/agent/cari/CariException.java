package com.caricomtr.agent.cari;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Any failed Cari call, classified for the sync engine. The message already names the status, Cari's
 * {@code hata.kod}, {@code hata.mesaj} and rejected fields; the firma kodu and the API token are masked in it.
 */
public final class CariException extends Exception {
    private final FailureClass failureClass;
    private final int httpStatus;
    private final String cariCode;
    private final String cariMessage;
    private final List<CariFieldError> fieldErrors;
    private final Duration retryAfter;
    private final String existingId;
    private final boolean changesCari;
    private final boolean requestWritten;

    CariException(FailureClass failureClass, int httpStatus, String cariCode, String cariMessage,
                  List<CariFieldError> fieldErrors, Duration retryAfter, String existingId,
                  String message, Throwable cause) {
        super(message, cause);
        this.failureClass = failureClass;
        this.httpStatus = httpStatus;
        this.cariCode = cariCode;
        this.cariMessage = cariMessage;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
        this.existingId = existingId;
        this.changesCari = false;
        this.requestWritten = httpStatus != 0;
    }

    /** {@code failure}, told what its request was: whether it could change Cari and whether it was written out. */
    private CariException(CariException failure, boolean changesCari, boolean requestWritten) {
        super(failure.getMessage(), failure.getCause());
        setStackTrace(failure.getStackTrace());
        this.failureClass = failure.failureClass;
        this.httpStatus = failure.httpStatus;
        this.cariCode = failure.cariCode;
        this.cariMessage = failure.cariMessage;
        this.fieldErrors = failure.fieldErrors;
        this.retryAfter = failure.retryAfter;
        this.existingId = failure.existingId;
        this.changesCari = changesCari;
        this.requestWritten = requestWritten || failure.httpStatus != 0;
    }

    /**
     * This failure, told whether its request could change Cari and whether it was written out: the transport knows
     * both only once the call has ended.
     */
    CariException about(boolean changes, boolean written) {
        return new CariException(this, changes, written);
    }

    /** A failure before any HTTP exchange or without an HTTP status (network, timeout, unsendable data). */
    static CariException withoutStatus(FailureClass failureClass, String message, Throwable cause) {
        return new CariException(failureClass, 0, null, null, List.of(), null, null, message, cause);
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    /**
     * The request was written out in full, so Cari may have acted on it whether or not it answered: an answer came,
     * or the connection timed out or broke only after the request had gone. False when it never left the agent
     * (refused connection, timeout while connecting, data that could not be sent).
     */
    public boolean requestWritten() {
        return requestWritten;
    }

    /**
     * Whether this failure counts as an attempt towards {@code sync.max-attempts}: a request that creates or changes
     * something in Cari was written, and Cari answered it or went silent after it. A lookup that failed, or a request
     * that never reached Cari, is not an attempt: the order is simply tried again later.
     */
    public boolean isAttempt() {
        return changesCari && requestWritten;
    }

    public boolean isRetryable() {
        return failureClass == FailureClass.RETRYABLE;
    }

    /** The HTTP status Cari answered with; empty when no answer came (network failure, timeout). */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** Cari's {@code hata.kod}, e.g. {@code DOGRULAMA_HATASI}. */
    public Optional<String> cariCode() {
        return Optional.ofNullable(cariCode);
    }

    /** Cari's {@code hata.mesaj}, masked. */
    public Optional<String> cariMessage() {
        return Optional.ofNullable(cariMessage);
    }

    /** Cari's {@code hata.alanlar}, masked; empty when Cari named no field. */
    public List<CariFieldError> fieldErrors() {
        return fieldErrors;
    }

    /** How long Cari asked us to wait ({@code Retry-After}, seconds or HTTP-date); empty when it did not say. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * For {@link FailureClass#CONFLICT}: the id of the record Cari already has ({@code hata.mevcut_id}): the invoice
     * with this number for an invoice creation, the customer with this key for a customer creation or update.
     */
    public Optional<String> existingId() {
        return Optional.ofNullable(existingId);
    }

    /** {@link #existingId()}, named for the invoice calls, whose conflicts can only name an invoice. */
    public Optional<String> existingInvoiceId() {
        return existingId();
    }
}
