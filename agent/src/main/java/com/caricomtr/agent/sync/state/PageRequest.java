package com.caricomtr.agent.sync.state;

/** Offset and size of a page; sizes are capped so that one dashboard request cannot read a whole log. */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 500;
    public static final PageRequest FIRST = new PageRequest(0, 50);

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    public static PageRequest of(int offset, int limit) {
        return new PageRequest(offset, limit);
    }
}
