package com.caricomtr.sandbox.api;

import com.caricomtr.sandbox.faults.FaultInjector;
import com.caricomtr.sandbox.faults.FaultKind;
import com.caricomtr.sandbox.faults.FaultPlan;
import com.caricomtr.sandbox.faults.StoreThenFail;
import com.caricomtr.sandbox.web.ApiErrors;
import com.caricomtr.sandbox.web.ApiException;
import com.caricomtr.sandbox.web.RequestNotes;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;

/**
 * The store-then-fail fault, applied by an endpoint right after it stored a new record: only the endpoint knows when
 * that happened, and a request refused before storing must not be failed "after storing".
 */
final class LostAnswer {
    private LostAnswer() {
    }

    /** Throws the planned failure (a 500 or a dropped connection) when this request drew store-then-fail. */
    static void ifPlanned(ServerRequest request, FaultInjector faults, String what) throws ApiException {
        FaultPlan plan = RequestNotes.of(request).plan();
        if (plan.kind() != FaultKind.STORE_THEN_FAIL) {
            return;
        }
        faults.countStoreThenFail();
        if (plan.storeThenFail() == StoreThenFail.DROP) {
            throw new CloseConnectionException("Cari sandbox: " + what + " stored, connection dropped (fault injection)");
        }
        throw new ApiException(ApiErrors.serverError(500));
    }
}
