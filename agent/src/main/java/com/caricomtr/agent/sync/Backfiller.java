package com.caricomtr.agent.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.caricomtr.agent.sync.state.Backfill;
import com.caricomtr.agent.sync.state.BackfillState;
import com.caricomtr.agent.sync.state.EnqueueRequest;
import com.caricomtr.agent.sync.state.Trigger;

/**
 * Queues a site's past orders by creation date and status, batch by batch, recording its cursor so that a restarted
 * agent resumes where it stopped, and checking for a cancel between batches.
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

    /** Runs one backfill to its end (or its cancel). */
    void run(Backfill backfill) {
        List<String> statuses = backfill.statuses().isEmpty() ? site.policy().triggerStatuses() : backfill.statuses();
        Instant from = backfill.fromDate() == null ? Instant.EPOCH : start(backfill.fromDate());
        Instant to = backfill.toDate() == null ? Instant.now().plusSeconds(86_400) : start(backfill.toDate().plusDays(1));
        long cursor = backfill.cursorId() == null ? 0 : backfill.cursorId();
        while (true) {
            Backfill now = site.state().backfills().get(backfill.id()).orElseThrow();
            if (now.state() != BackfillState.RUNNING) {
                return;
            }
            List<Long> ids = site.changes().createdBetween(from, to, statuses, cursor, PAGE);
            if (ids.isEmpty()) {
                site.state().backfills().finish(backfill.id());
                return;
            }
            var summary = site.state().orders().enqueueAll(ids.stream()
                    .map(id -> new EnqueueRequest(id, "", Trigger.BACKFILL, false)).toList());
            cursor = ids.getLast();
            site.state().backfills().progress(backfill.id(), summary.queued(), cursor);
            if (summary.queued() > 0) {
                onQueued.run();
            }
        }
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(SHOP_ZONE).toInstant();
    }
}
