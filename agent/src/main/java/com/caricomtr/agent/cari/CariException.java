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
    }

    /** A failure before any HTTP exchange or without an HTTP status (network, timeout, unsendable data). */
    static CariException withoutStatus(FailureClass failureClass, String message, Throwable cause) {
        return new CariException(failureClass, 0, null, null, List.of(), null, null, message, cause);
    }

    public FailureClass failureClass() {
        return failureClass;
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
