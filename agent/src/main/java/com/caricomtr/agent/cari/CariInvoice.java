package com.caricomtr.agent.cari;

import java.math.BigDecimal;
import java.util.List;

/**
 * An invoice as Cari holds it, read back to check that it is the one an order meant to send before adopting it
 * ({@link CariClient#mismatch}). Fields Cari left out are null.
 *
 * @param key      {@code dis_anahtar}: the shop and order it was sent for, {@code <site id>/<order id>}
 * @param orderRef {@code siparis_no}: the WooCommerce order number
 * @param taxes    {@code kdv_toplamlari}, per rate
 */
public record CariInvoice(String id,
                          String key,
                          String series,
                          String number,
                          String orderRef,
                          String currency,
                          BigDecimal subtotal,
                          List<Tax> taxes,
                          BigDecimal taxTotal,
                          BigDecimal grandTotal) {

    /** One {@code kdv_toplamlari} entry: the rate in percent, the base and the KDV. */
    public record Tax(BigDecimal rate, BigDecimal base, BigDecimal amount) {
    }

    public CariInvoice {
        taxes = taxes == null ? List.of() : List.copyOf(taxes);
    }
}
