package com.caricomtr.agent.sync.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An admin-started run that enqueues old orders.
 *
 * @param fromDate inclusive, null: from the first order
 * @param toDate   inclusive, null: up to now
 * @param statuses empty: every status
 * @param total    orders the run expects to look at, null until counted
 * @param queued   orders it enqueued so far
 * @param cursorId the last order id it got to, null before the first batch: a restarted run resumes after it
 */
public record Backfill(long id, LocalDate fromDate, LocalDate toDate, List<String> statuses, BackfillState state,
                       Long total, long queued, Long cursorId, Instant createdAt, Instant updatedAt) {
    public Backfill {
        statuses = List.copyOf(statuses);
    }
}
