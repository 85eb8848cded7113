package com.caricomtr.agent.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.sync.state.EnqueueRequest;
import com.caricomtr.agent.sync.state.PollStart;
import com.caricomtr.agent.sync.state.Trigger;
import com.caricomtr.agent.sync.state.Watermark;
import com.caricomtr.agent.woo.OrderChange;

/**
 * Finds orders that changed since the stored watermark and queues those in a trigger status. An idle shop costs
 * one indexed query per interval.
 *
 * <p>The watermark is (modification second, id), and each poll looks {@link #OVERLAP} back: a transaction that
 * committed late with an older timestamp is still seen, and queuing an order twice is a no-op (the queue dedupes
 * on order and document). It never looks back before the agent began watching the site: a first start queues
 * nothing that existed before it, since history is invoiced only on purpose (a backfill, a manual sync).
 */
final class OrderPoller {
    static final String SOURCE = "orders";
    static final Duration OVERLAP = Duration.ofSeconds(3);
    private static final int PAGE = 500;

    private final SiteRuntime site;
    private final Runnable onQueued;

    OrderPoller(SiteRuntime site, Runnable onQueued) {
        this.site = site;
        this.onQueued = onQueued;
    }

    /**
     * Fixes where a site seen for the first time is watched from, at the agent's start rather than at its first
     * successful poll: a database that goes away right after the start must not move "now" past the changes made
     * meanwhile.
     */
    void startWatchingIfNew() {
        if (site.state().watermarks().pollStart(SOURCE).isEmpty()) {
            startWatching();
        }
    }

    /** One poll; returns how many orders it queued. */
    int pollOnce() {
        PollStart start = site.state().watermarks().pollStart(SOURCE).orElseGet(this::startWatching);
        Watermark mark = start.watermark();
        Instant since = start.since(OVERLAP);
        long afterId = 0;
        int queued = 0;
        while (true) {
            List<OrderChange> changes = site.changes().changedSince(since, afterId, PAGE,
                    site.policy().triggerStatuses());
            List<EnqueueRequest> requests = new ArrayList<>();
            for (OrderChange change : changes) {
                if (site.policy().triggers(change.status())) {
                    requests.add(new EnqueueRequest(change.orderId(), change.status(), Trigger.POLL, false));
                }
            }
            if (!requests.isEmpty()) {
                queued += site.state().orders().enqueueAll(requests).queued();
            }
            if (!changes.isEmpty()) {
                OrderChange last = changes.getLast();
                Watermark next = new Watermark(last.modifiedGmt(), last.orderId());
                if (next.compareTo(mark) > 0) {
                    site.state().watermarks().advance(SOURCE, next);
                    mark = next;
                }
                since = last.modifiedGmt();
                afterId = last.orderId();
            }
            if (changes.size() < PAGE) {
                break;
            }
        }
        if (queued > 0) {
            onQueued.run();
        }
        return queued;
    }

    /**
     * A site seen for the first time is watched from now on. "Now" allows for the shop's clock being up to
     * {@link #OVERLAP} behind the database's, so that a change made just after the start is not missed, but never
     * reaches the newest order there already was: that one, and everything before it, is history.
     */
    private PollStart startWatching() {
        Instant afterNewest = site.changes().newest().modifiedGmt().plusSeconds(1);
        return site.state().watermarks().startWatching(SOURCE, OVERLAP, afterNewest);
    }
}
