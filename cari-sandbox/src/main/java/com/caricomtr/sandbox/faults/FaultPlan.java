package com.caricomtr.sandbox.faults;

/**
 * The fate of one API request, decided when it arrives. It carries the settings it needs so that changing the faults
 * while a request is held does not change what happens to that request.
 *
 * @param latencyMs     delay before the request is handled
 * @param kind          the fault, or {@link FaultKind#NONE}
 * @param errorStatus   the status for {@link FaultKind#ERROR}
 * @param hangMs        how long a {@link FaultKind#TIMEOUT} holds the request
 * @param timeoutThen   what a {@link FaultKind#TIMEOUT} does afterwards
 * @param retryAfterSeconds the {@code Retry-After} of a {@link FaultKind#RATE_LIMIT}
 * @param storeThenFail how a {@link FaultKind#STORE_THEN_FAIL} loses the answer
 */
public record FaultPlan(int latencyMs, FaultKind kind, int errorStatus, int hangMs, TimeoutThen timeoutThen,
                        int retryAfterSeconds, StoreThenFail storeThenFail) {
    public static final FaultPlan NONE = new FaultPlan(0, FaultKind.NONE, 500, 0, TimeoutThen.ANSWER, 0,
            StoreThenFail.ERROR);

    public boolean holdsAnswer() {
        return kind == FaultKind.TIMEOUT && timeoutThen == TimeoutThen.ANSWER;
    }
}
