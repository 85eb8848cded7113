package com.caricomtr.agent.sync.state;

import java.util.List;

/**
 * One page of a listing. {@code hasMore} is found by reading one row past the page, which is cheaper than a
 * COUNT(*) over a large, filtered log.
 */
public record Page<T>(List<T> items, int offset, int limit, boolean hasMore) {
    public Page {
        items = List.copyOf(items);
    }

    static <T> Page<T> of(List<T> fetched, int offset, int limit) {
        boolean more = fetched.size() > limit;
        return new Page<>(more ? fetched.subList(0, limit) : fetched, offset, limit, more);
    }
}
