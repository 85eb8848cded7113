package com.caricomtr.agent.sync.state;

import java.time.Instant;

/**
 * Filters for the request log; newest first.
 *
 * @param orderId       null: every order
 * @param outcome       null: every outcome, else e.g. {@code OK}, {@code RETRYABLE}
 * @param from          inclusive, null: no lower bound
 * @param to            exclusive, null: no upper bound
 * @param text          null or blank: no search; else a case-insensitive substring of the URL, bodies or error
 *                      class. Scans the rows the other filters leave, so narrow the time range on a big log.
 * @param includeBodies false leaves the bodies out of the page (they can be large); {@link ApiLogStore#get} has them
 */
public record ApiLogQuery(Long orderId, String outcome, Instant from, Instant to, String text, boolean includeBodies,
                          PageRequest page) {
    public ApiLogQuery {
        page = page == null ? PageRequest.FIRST : page;
    }

    public static ApiLogQuery all() {
        return new ApiLogQuery(null, null, null, null, null, false, PageRequest.FIRST);
    }

    public ApiLogQuery withOrderId(Long id) {
        return new ApiLogQuery(id, outcome, from, to, text, includeBodies, page);
    }

    public ApiLogQuery withOutcome(String wanted) {
        return new ApiLogQuery(orderId, wanted, from, to, text, includeBodies, page);
    }

    public ApiLogQuery between(Instant fromInclusive, Instant toExclusive) {
        return new ApiLogQuery(orderId, outcome, fromInclusive, toExclusive, text, includeBodies, page);
    }

    public ApiLogQuery withText(String search) {
        return new ApiLogQuery(orderId, outcome, from, to, search, includeBodies, page);
    }

    public ApiLogQuery withBodies() {
        return new ApiLogQuery(orderId, outcome, from, to, text, true, page);
    }

    public ApiLogQuery withPage(int offset, int limit) {
        return new ApiLogQuery(orderId, outcome, from, to, text, includeBodies, PageRequest.of(offset, limit));
    }
}
