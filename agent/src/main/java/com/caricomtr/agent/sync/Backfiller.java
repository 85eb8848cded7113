package com.caricomtr.agent.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.caricomtr.agent.sync.state.Backfill;
import com.caricomtr.agent.sync.state.BackfillState;
import com.caricomtr.agent.sync.state.EnqueueRequest;
import com.caricomtr.agent.sync.state.StateStoreException;
import com.caricomtr.agent.sync.state.Trigger;
import com.caricomtr.agent.woo.WooReadException;

/**
 * Queues a site's past orders by creation date and status, batch by batch, recording its cursor so that a restarted
 * agent resumes where it stopped, and checking for a cancel between batches.
 *
 * <p>A database outage does not end a run: it starts again from its stored cursor once the database answers (see
 * {@link OutageBackoff}), so that an outage of a few seconds in the middle of a long backfill needs no restart of
 * the agent. Queuing a batch twice is harmless (the queue dedupes on order and document).
 */
final class Backfiller {
    private static final int PAGE = 500;
    private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Istanbul");

    private final SiteRuntime site;
    private final Runnable onQueued;

    Backfiller(SiteRuntime site, Runnable onQueued) {
        this.site = site;
        this.onQueued = onQueued;
    }

    /**
     * Runs one backfill to its end or its cancel, through database outages, for as long as {@code siteOpen} holds
     * and the thread is not interrupted. Returns early only when the site closes; the run then stays running in the
     * state, and the next start resumes it.
     */
    void run(long backfillId, BooleanSupplier siteOpen) {
        OutageBackoff outage = new OutageBackoff("site " + site.id() + ": backfill " + backfillId);
        while (siteOpen.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
                runFromStoredCursor(backfillId, outage);
                return;
            } catch (StateStoreException | WooReadException e) {
                // A closing site interrupts us, which also fails the statement under way: that is no outage.
                if (!siteOpen.getAsBoolean() || Thread.currentThread().isInterrupted() || !pause(outage.failed(e))) {
                    return;
                }
            }
        }
    }

    private void runFromStoredCursor(long backfillId, OutageBackoff outage) {
        Backfill backfill = read(backfillId);
        List<String> statuses = backfill.statuses().isEmpty() ? site.policy().triggerStatuses() : backfill.statuses();
        Instant from = backfill.fromDate() == null ? Instant.EPOCH : start(backfill.fromDate());
        Instant to = backfill.toDate() == null ? Instant.now().plusSeconds(86_400) : start(backfill.toDate().plusDays(1));
        long cursor = backfill.cursorId() == null ? 0 : backfill.cursorId();
        String resumed = cursor == 0 ? "continuing from the first order" : "continuing after order " + cursor;
        while (backfill.state() == BackfillState.RUNNING) {
            List<Long> ids = site.changes().createdBetween(from, to, statuses, cursor, PAGE);
            if (ids.isEmpty()) {
                site.state().backfills().finish(backfillId);
                break;
            }
            var summary = site.state().orders().enqueueAll(ids.stream()
                    .map(id -> new EnqueueRequest(id, "", Trigger.BACKFILL, false)).toList());
            cursor = ids.getLast();
            site.state().backfills().progress(backfillId, summary.queued(), cursor);
            if (summary.queued() > 0) {
                onQueued.run();
            }
            outage.succeeded(resumed);
            backfill = read(backfillId);
        }
        outage.succeeded(backfill.state() == BackfillState.RUNNING ? resumed + "; finished"
                : "it is " + backfill.state().name().toLowerCase(java.util.Locale.ROOT) + " meanwhile, stopping");
    }

    private Backfill read(long backfillId) {
        return site.state().backfills().get(backfillId).orElseThrow(
                () -> new IllegalStateException("backfill " + backfillId + " is not in the site's state"));
    }

    /** False when interrupted: the site is closing. */
    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(SHOP_ZONE).toInstant();
    }
}
