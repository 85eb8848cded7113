package com.caricomtr.agent.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.caricomtr.agent.sync.OrderResult;
import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.SyncState;

/**
 * One order's state as the bridge reads it (docs/agent-api.md, "Order state"): every key for every state, in one
 * order, so that the PHP side never has to ask whether a key is there, and two answers can be compared as text.
 * Unknown text is {@code ""}, counts {@code 0}, times {@code null}.
 */
final class OrderStateJson {
    private OrderStateJson() {
    }

    /**
     * @param state           null when the agent holds nothing for the order
     * @param siteHeldForHooks the site's orders wait for its bridge's first registration
     */
    static Map<String, Object> of(OrderSyncState state, boolean siteHeldForHooks) {
        Map<String, Object> json = new LinkedHashMap<>();
        boolean pending = state != null && state.state() == SyncState.PENDING;
        json.put("state", state == null ? "none" : state.state().dbValue());
        json.put("invoice_number", state == null || state.invoiceNumber() == null ? ""
                : state.invoiceNumber().number());
        json.put("cari_invoice_id", state == null ? "" : text(state.cariInvoiceId()));
        json.put("error_class", state == null ? "" : text(state.lastErrorClass()));
        json.put("last_error", state == null ? "" : text(state.lastError()));
        json.put("attempts", state == null ? 0 : state.attempts());
        json.put("claims", state == null ? 0 : state.claims());
        json.put("lost_claims", state == null ? 0 : state.lostClaims());
        // The column keeps the last due time after a claim; it means something only while the order waits.
        json.put("next_attempt_at", pending ? state.nextAttemptAt() : null);
        json.put("synced_at", state == null ? null : state.syncedAt());
        json.put("waiting_for_hooks", pending && siteHeldForHooks);
        return json;
    }

    /** What a notify or sync call did to the order, then the order's state. */
    static Map<String, Object> of(OrderResult result, OrderSyncState state, boolean siteHeldForHooks) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("order_id", result.orderId());
        json.put("outcome", result.outcome());
        json.put("message", result.message());
        json.putAll(of(state, siteHeldForHooks));
        return json;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
