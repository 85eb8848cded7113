package com.caricomtr.sandbox.web;

import com.caricomtr.sandbox.faults.FaultPlan;
import io.helidon.webserver.http.ServerRequest;

/**
 * What the filters and handlers learn about one request, kept in its context so the traffic filter can log it:
 * its fault plan, the (masked) firma kodu and the error code of the answer.
 */
public final class RequestNotes {
    private final boolean api;
    private volatile FaultPlan plan = FaultPlan.NONE;
    private volatile String firmaKodu;
    private volatile String errorCode;

    RequestNotes(boolean api) {
        this.api = api;
    }

    /** The notes of {@code request}; a request that bypassed the traffic filter gets fresh ones. */
    public static RequestNotes of(ServerRequest request) {
        return request.context().get(RequestNotes.class).orElseGet(() -> new RequestNotes(false));
    }

    public boolean api() {
        return api;
    }

    public FaultPlan plan() {
        return plan;
    }

    void plan(FaultPlan plan) {
        this.plan = plan;
    }

    public String firmaKodu() {
        return firmaKodu;
    }

    void firmaKodu(String firmaKodu) {
        this.firmaKodu = firmaKodu;
    }

    public String errorCode() {
        return errorCode;
    }

    void errorCode(String errorCode) {
        this.errorCode = errorCode;
    }
}
