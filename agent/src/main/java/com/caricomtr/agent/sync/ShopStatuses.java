package com.caricomtr.agent.sync;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.caricomtr.agent.sync.state.StoredHooks;

/**
 * The order statuses a shop has: what its bridge registered ({@code wc_get_order_statuses()}, custom statuses
 * included) or, before it did, WooCommerce's own. A trigger or backfill status outside them is a typo
 * ({@code Processing!!}, {@code no-such-status}): no order ever comes into it, so orders the admin expects invoiced
 * never are.
 */
public final class ShopStatuses {
    /** WooCommerce's own statuses, without {@code wc-}. */
    public static final List<String> WOOCOMMERCE = List.of("pending", "processing", "on-hold", "completed",
            "cancelled", "refunded", "failed", "checkout-draft");

    private final Set<String> known;
    private final boolean registered;

    private ShopStatuses(Set<String> known, boolean registered) {
        this.known = known;
        this.registered = registered;
    }

    /** From the site's stored registration, when the bridge sent statuses; else WooCommerce's own. */
    public static ShopStatuses of(Optional<StoredHooks> hooks) {
        Set<String> registered = new LinkedHashSet<>();
        hooks.ifPresent(h -> h.orderStatuses().keySet().forEach(key -> registered.add(slug(key))));
        return registered.isEmpty() ? new ShopStatuses(new LinkedHashSet<>(WOOCOMMERCE), false)
                : new ShopStatuses(registered, true);
    }

    /** As {@link SyncPolicy} keeps a status: lower case, without {@code wc-}. */
    public static String slug(String status) {
        String lower = status.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("wc-") ? lower.substring(3) : lower;
    }

    /** The given statuses the shop does not have, as given, in their order. */
    public List<String> unknown(Collection<String> statuses) {
        return statuses.stream().filter(s -> !known.contains(slug(s))).distinct().toList();
    }

    /** Why {@code unknown} are refused, for a person: what the shop has, and whence that is known. */
    public String explain(List<String> unknown) {
        String which = String.join(", ", unknown.stream().map(s -> "'" + s + "'").toList());
        String whence = registered ? ", as its bridge registered them)"
                : "; WooCommerce's own: a custom status is known once the shop's bridge has registered its statuses)";
        return which + (unknown.size() == 1 ? " is not" : " are not") + " among the shop's order statuses ("
                + String.join(", ", known) + whence;
    }
}
