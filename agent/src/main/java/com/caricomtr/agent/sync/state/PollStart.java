package com.caricomtr.agent.sync.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where polling of one source stands: its watermark, and since when the agent has watched the source. Polls look
 * back a few seconds from the watermark for late commits, but never before {@code watchingSince}: what was there
 * before the agent's first start is history, invoiced only on purpose (a backfill, a manual sync).
 *
 * @param watchingSince null for a watermark stored before V11 (no floor)
 */
public record PollStart(Watermark watermark, Instant watchingSince) {
    public PollStart {
        Objects.requireNonNull(watermark, "watermark");
    }

    /** The earliest modification time a poll reads: {@code lookBack} before the watermark, not before the floor. */
    public Instant since(Duration lookBack) {
        Instant since = watermark.modifiedGmt().minus(lookBack);
        return watchingSince != null && since.isBefore(watchingSince) ? watchingSince : since;
    }
}
