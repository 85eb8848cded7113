package com.caricomtr.agent.sync.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How far polling got: the last (modified time, id) seen. The next poll reads rows with
 * {@code (modified, id) > (modifiedGmt, lastId)}, so orders modified in the same second are neither skipped nor
 * read forever.
 *
 * @param modifiedGmt whole seconds, like WooCommerce's {@code date_modified_gmt}; finer input is cut down, which
 *                    can only make a poll re-read a row, never skip one
 */
public record Watermark(Instant modifiedGmt, long lastId) implements Comparable<Watermark> {
    public Watermark {
        modifiedGmt = Objects.requireNonNull(modifiedGmt, "modifiedGmt").truncatedTo(ChronoUnit.SECONDS);
        if (lastId < 0) {
            throw new IllegalArgumentException("last id must not be negative, got " + lastId);
        }
    }

    @Override
    public int compareTo(Watermark other) {
        int byTime = modifiedGmt.compareTo(other.modifiedGmt);
        return byTime != 0 ? byTime : Long.compare(lastId, other.lastId);
    }
}
