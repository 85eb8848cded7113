package com.caricomtr.agent.sync.state;

import java.time.Instant;

/**
 * Filters for the error list; newest first.
 *
 * @param orderId          null: every order
 * @param includeDismissed false: open errors only
 * @param text             null or blank: no search; else a case-insensitive substring of message, field or class
 * @param from             inclusive, null: no lower bound
 * @param to               exclusive, null: no upper bound
 */
public record ErrorQuery(Long orderId, boolean includeDismissed, String text, Instant from, Instant to,
                         PageRequest page) {
    public ErrorQuery {
        page = page == null ? PageRequest.FIRST : page;
    }

    public static ErrorQuery open() {
        return new ErrorQuery(null, false, null, null, null, PageRequest.FIRST);
    }

    public ErrorQuery withOrderId(Long id) {
        return new ErrorQuery(id, includeDismissed, text, from, to, page);
    }

    public ErrorQuery withDismissed() {
        return new ErrorQuery(orderId, true, text, from, to, page);
    }

    public ErrorQuery withText(String search) {
        return new ErrorQuery(orderId, includeDismissed, search, from, to, page);
    }

    public ErrorQuery between(Instant fromInclusive, Instant toExclusive) {
        return new ErrorQuery(orderId, includeDismissed, text, fromInclusive, toExclusive, page);
    }

    public ErrorQuery withPage(int offset, int limit) {
        return new ErrorQuery(orderId, includeDismissed, text, from, to, PageRequest.of(offset, limit));
    }
}
