package com.caricomtr.sandbox.web;

import com.caricomtr.sandbox.faults.FaultInjector;
import com.caricomtr.sandbox.faults.FaultPlan;
import com.caricomtr.sandbox.faults.RequestKind;
import com.caricomtr.sandbox.faults.TimeoutThen;
import io.helidon.http.Method;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Applies the injected faults to {@code /api} requests, before authentication, as a flaky network or server would.
 *
 * <p>A dropped connection is a {@link CloseConnectionException}: Helidon then closes the socket without writing any
 * response, so the client sees a connection failure rather than an HTTP status. Store-then-fail is left to the invoice
 * and customer endpoints, which alone know when the record is stored; a held answer is left to the {@link ApiResponder}.
 */
public final class FaultFilter implements Filter {
    private final FaultInjector injector;
    private final ApiResponder responder;
    private final Pauses pauses;

    public FaultFilter(FaultInjector injector, ApiResponder responder, Pauses pauses) {
        this.injector = injector;
        this.responder = responder;
        this.pauses = pauses;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        RequestNotes notes = RequestNotes.of(request);
        if (!notes.api()) {
            chain.proceed();
            return;
        }
        FaultPlan plan = injector.decide(kind(request));
        notes.plan(plan);
        pauses.pause(plan.latencyMs());
        switch (plan.kind()) {
            case DROP -> throw new CloseConnectionException("Cari sandbox: connection dropped (fault injection)");
            case TIMEOUT -> {
                if (plan.timeoutThen() == TimeoutThen.CLOSE) {
                    pauses.pause(plan.hangMs());
                    throw new CloseConnectionException("Cari sandbox: held request closed (fault injection)");
                }
                chain.proceed();
            }
            case ERROR -> responder.send(request, response, ApiErrors.serverError(plan.errorStatus()));
            case RATE_LIMIT -> responder.send(request, response, ApiErrors.tooManyRequests(plan.retryAfterSeconds()));
            default -> chain.proceed();
        }
    }

    private static RequestKind kind(RoutingRequest request) {
        if (request.prologue().method() != Method.POST) {
            return RequestKind.OTHER;
        }
        return switch (request.path().path()) {
            case "/api/faturalar" -> RequestKind.INVOICE_CREATION;
            case "/api/cariler" -> RequestKind.CUSTOMER_CREATION;
            default -> RequestKind.OTHER;
        };
    }
}
