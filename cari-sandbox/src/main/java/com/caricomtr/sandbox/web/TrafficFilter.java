package com.caricomtr.sandbox.web;

import java.time.Instant;

import com.caricomtr.sandbox.faults.FaultKind;
import com.caricomtr.sandbox.store.Company;
import com.caricomtr.sandbox.traffic.RequestLog;
import com.caricomtr.sandbox.traffic.RequestRecord;
import com.caricomtr.sandbox.traffic.TrafficStats;
import io.helidon.http.HttpException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * The outermost filter: gives each request its {@link RequestNotes} and, for {@code /api}, logs and counts it once it
 * is answered, dropped or abandoned.
 */
public final class TrafficFilter implements Filter {
    private final RequestLog log;
    private final TrafficStats stats;

    public TrafficFilter(RequestLog log, TrafficStats stats) {
        this.log = log;
        this.stats = stats;
    }

    public static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String path = request.path().path();
        RequestNotes notes = new RequestNotes(isApiPath(path));
        request.context().register(notes);
        if (!notes.api()) {
            chain.proceed();
            return;
        }
        // Read here rather than after authentication so that requests failed by a fault still show their company.
        request.headers().first(Authenticator.FIRMA_KODU).map(Company::mask).ifPresent(notes::firmaKodu);
        Instant at = Instant.now();
        long start = System.nanoTime();
        Integer status = null;
        try {
            chain.proceed();
            status = response.isSent() ? response.status().code() : null;
        } catch (HttpException e) {
            status = e.status().code();
            throw e;
        } finally {
            // Anything else thrown (a dropped or broken connection) leaves status null: no answer reached the client.
            if (status == null) {
                stats.unanswered();
            } else {
                stats.answered(status);
            }
            FaultKind fault = notes.plan().kind();
            log.add(new RequestRecord(at, request.prologue().method().text(), path,
                    request.query().rawValue(), notes.firmaKodu(), status, notes.errorCode(),
                    fault == FaultKind.NONE ? null : fault.wireName(), notes.plan().latencyMs(),
                    (System.nanoTime() - start) / 1_000_000));
        }
    }
}
