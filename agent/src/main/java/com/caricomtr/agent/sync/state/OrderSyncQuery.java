package com.caricomtr.agent.sync.state;

import java.util.EnumSet;
import java.util.Set;

/**
 * Filters for the dashboard's order listing; results come newest order first.
 *
 * @param states    empty: every state
 * @param orderId   null: every order
 * @param errorText null or blank: no search; else a case-insensitive substring of the last error or its class
 */
public record OrderSyncQuery(Set<SyncState> states, Long orderId, String errorText, PageRequest page) {
    public OrderSyncQuery {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        page = page == null ? PageRequest.FIRST : page;
    }

    public static OrderSyncQuery all() {
        return new OrderSyncQuery(Set.of(), null, null, PageRequest.FIRST);
    }

    public OrderSyncQuery withStates(SyncState... wanted) {
        return new OrderSyncQuery(Set.of(wanted), orderId, errorText, page);
    }

    public OrderSyncQuery withOrderId(Long id) {
        return new OrderSyncQuery(states, id, errorText, page);
    }

    public OrderSyncQuery withErrorText(String text) {
        return new OrderSyncQuery(states, orderId, text, page);
    }

    public OrderSyncQuery withPage(int offset, int limit) {
        return new OrderSyncQuery(states, orderId, errorText, PageRequest.of(offset, limit));
    }
}
