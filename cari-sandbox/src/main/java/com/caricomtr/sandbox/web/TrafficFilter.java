package com.caricomtr.sandbox.web;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * The outermost filter: gives each request its {@link RequestNotes} and, for {@code /api}, logs and counts it.
 *
 * <p>An answered request is recorded just before its answer is written, and an unanswered one before its connection
 * is closed: whoever learns the outcome over HTTP finds it already in {@code /_sandbox/requests} and the stats.
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
        long epoch = stats.epoch();
        AtomicBoolean recorded = new AtomicBoolean();
        Runnable answered = () -> {
            if (recorded.compareAndSet(false, true)) {
                record(request, path, epoch, notes, at, start, response.status().code());
            }
        };
        response.beforeSend(answered);
        try {
            chain.proceed();
        } catch (HttpException e) {
            // Helidon's error handler answers after this filter; beforeSend records it then.
            throw e;
        } catch (RuntimeException e) {
            // A dropped or broken connection: no answer will reach the client.
            if (recorded.compareAndSet(false, true)) {
                record(request, path, epoch, notes, at, start, null);
            }
            throw e;
        }
        if (!response.isSent() && recorded.compareAndSet(false, true)) {
            record(request, path, epoch, notes, at, start, null);
        }
    }

    /** {@code path} is taken at the start: by the time of the answer, the request's path is relative to its service. */
    private void record(RoutingRequest request, String path, long epoch, RequestNotes notes, Instant at, long start,
                        Integer status) {
        if (stats.epoch() != epoch) {
            // Started before a reset, which forgot everything including this request.
            return;
        }
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
