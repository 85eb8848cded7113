package com.caricomtr.agent.cari;

/**
 * Who is calling, for correlating exchange logs: the WooCommerce order being synced and which attempt this is.
 * The client only passes it through to {@link CariExchangeListener}.
 *
 * @param orderId null when the call is not about one order (e.g. the connection test)
 * @param attempt 1 for the first try; 0 when unknown
 */
public record CariCallContext(Long orderId, int attempt) {
    public static final CariCallContext NONE = new CariCallContext(null, 0);

    public static CariCallContext forOrder(long orderId, int attempt) {
        return new CariCallContext(orderId, attempt);
    }

    @Override
    public String toString() {
        return "order=" + (orderId == null ? "-" : orderId) + " attempt=" + attempt;
    }
}
