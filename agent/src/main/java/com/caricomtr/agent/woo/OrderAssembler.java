package com.caricomtr.agent.woo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Checks a raw order and builds the {@link Order}; throws {@link OrderDataException} when it cannot. */
final class OrderAssembler {
    private final ReaderSettings settings;
    private final ItemAssembler items;

    OrderAssembler(ReaderSettings settings, ItemAssembler items) {
        this.settings = settings;
        this.items = items;
    }

    Order assemble(RawOrder raw) {
        List<Problem> problems = new ArrayList<>();
        ItemAssembler.Lines lines = items.assemble(raw.items, "", null, problems);
        List<Refund> refunds = new ArrayList<>();
        raw.refunds.sort(Comparator.comparingLong(r -> r.id));
        for (RawOrder refund : raw.refunds) {
            refunds.add(refund(refund, lines.taxLines(), problems));
        }
        Address billing = raw.billing == null ? Address.EMPTY : raw.billing;
        if (billing.firstName().isBlank() && billing.lastName().isBlank() && billing.company().isBlank()
                && billing.address1().isBlank()) {
            problems.add(new Problem("billing", "billing name, company and address are missing"));
        }
        String currency = text(raw.currency).strip();
        if (currency.isEmpty()) {
            problems.add(new Problem("currency", "the order has no currency"));
        }
        boolean pricesIncludeTax = Boolean.TRUE.equals(raw.pricesIncludeTax);
        if (raw.pricesIncludeTax == null) {
            problems.add(new Problem("prices_include_tax", "not stored on the order; taken as false"));
        }
        String number = raw.firstMeta(settings.orderNumberKeys());
        return new Order(raw.id,
                number.isEmpty() ? Long.toString(raw.id) : number,
                status(raw.status, problems),
                currency,
                pricesIncludeTax,
                SqlDates.gmt(raw.createdAt, "date_created"),
                SqlDates.gmt(raw.updatedAt, "date_updated"),
                date(raw.paidAt, raw.paidCompletedAsEpoch, "date_paid"),
                date(raw.completedAt, raw.paidCompletedAsEpoch, "date_completed"),
                customerId(raw.customerId, problems),
                billing,
                raw.shipping == null ? Address.EMPTY : raw.shipping,
                text(raw.paymentMethod),
                text(raw.paymentMethodTitle),
                text(raw.transactionId),
                text(raw.customerNote),
                new TaxIdentity(raw.firstMeta(settings.tcknKeys()), raw.firstMeta(settings.vknKeys()),
                        raw.firstMeta(settings.taxOfficeKeys())),
                totals(raw, ""),
                lines.lineItems(),
                lines.shippingLines(),
                lines.feeLines(),
                lines.couponLines(),
                lines.taxLines(),
                List.copyOf(refunds),
                List.copyOf(problems));
    }

    private Refund refund(RawOrder raw, List<TaxLine> orderTaxLines, List<Problem> problems) {
        String where = "refunds[" + raw.id + "].";
        ItemAssembler.Lines lines = items.assemble(raw.items, where, orderTaxLines, problems);
        OrderTotals totals = totals(raw, where);
        String amountText = raw.meta.get("_refund_amount");
        BigDecimal amount = amountText == null || amountText.isBlank()
                ? totals.total().negate()
                : Amounts.parse(amountText, where + "_refund_amount");
        return new Refund(raw.id, amount, text(raw.meta.get("_refund_reason")),
                SqlDates.gmt(raw.createdAt, where + "date_created"), totals, lines.lineItems(), lines.shippingLines(),
                lines.feeLines());
    }

    private static OrderTotals totals(RawOrder raw, String where) {
        return new OrderTotals(
                Amounts.parseRequired(raw.total, where + "total"),
                Amounts.parseOrZero(raw.cartTax, where + "cart_tax"),
                Amounts.parseOrZero(raw.shippingTotal, where + "shipping_total"),
                Amounts.parseOrZero(raw.shippingTax, where + "shipping_tax"),
                Amounts.parseOrZero(raw.discountTotal, where + "discount_total"),
                Amounts.parseOrZero(raw.discountTax, where + "discount_tax"));
    }

    private static String status(String stored, List<Problem> problems) {
        String s = text(stored);
        String status = s.startsWith("wc-") ? s.substring(3) : s;
        if (!Order.CORE_STATUSES.contains(status)) {
            problems.add(new Problem("status", "'" + s + "' is not a WooCommerce order status"));
        }
        return status;
    }

    private static long customerId(String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem("customer_id", "is not a user id: '" + text + "'; treated as a guest"));
            return 0;
        }
    }

    private static Instant date(String text, boolean epoch, String field) {
        return epoch ? SqlDates.epochSeconds(text, field) : SqlDates.gmt(text, field);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
