package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.woo.TaxAmounts;

/**
 * A negative fee (a discount given as a fee) as invoice lines. WooCommerce taxes a negative fee "as a true
 * discount": it splits the fee over the order's tax classes in proportion to their totals, taxes each share at its
 * class's rate and leaves the share of untaxed items untaxed. A mixed cart therefore gives the fee several rates,
 * and even a single-rate fee may cover untaxed items too.
 *
 * <p>The fee stays a FEE line with negative amounts (one per rate, plus an untaxed one when needed) rather than being
 * folded into the product lines: WooCommerce's tax lines already contain the fee's negative tax, so a line of its
 * own lets every rate's lines add up to that rate's tax line exactly, and the products keep the amounts the shop
 * sold them at. Each share's base is recovered from its tax ({@code tax × 100 / rate}); what the shares do not
 * explain is the untaxed share.
 */
final class NegativeFeeSplit {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /**
     * How much of the fee the recovered bases may leave unexplained and still count as rounding noise rather than
     * an untaxed share. WooCommerce keeps the fee's taxes to 6 decimals, so the bases are good to far below this.
     */
    private static final BigDecimal NOISE = Kurus.ONE;
    private static final int RAW_SCALE = 6;

    private NegativeFeeSplit() {
    }

    static List<DraftLine> split(long orderId, String field, String name, BigDecimal total, TaxAmounts taxes,
                                 OrderTaxRates rates) {
        List<DraftLine> shares = new ArrayList<>();
        BigDecimal taxedBase = BigDecimal.ZERO;
        for (Map.Entry<Long, BigDecimal> entry : taxes.byRateId().entrySet()) {
            BigDecimal tax = entry.getValue();
            if (tax == null) {
                throw new MappingException(orderId, field + ".taxes", "missing amount for rate id " + entry.getKey());
            }
            BigDecimal percent = rates.percentOf(entry.getKey(), field);
            if (percent.signum() == 0 && tax.signum() != 0) {
                throw new MappingException(orderId, field + ".taxes", "tax " + tax.toPlainString()
                        + " at a 0% rate (id " + entry.getKey() + ")");
            }
            if (tax.signum() == 0) {
                continue; // no base to recover (a 0% share, or one too small to tax): the untaxed share takes it
            }
            if (tax.signum() > 0) {
                throw new MappingException(orderId, field + ".taxes", "positive tax " + tax.toPlainString()
                        + " on a negative fee of " + total.toPlainString());
            }
            BigDecimal base = tax.multiply(HUNDRED).divide(percent, RAW_SCALE, RoundingMode.HALF_UP);
            taxedBase = taxedBase.add(base);
            shares.add(new DraftLine(LineKind.FEE, field, name, "", BigDecimal.ONE, entry.getKey(), percent, base, tax));
        }
        BigDecimal untaxed = total.subtract(taxedBase);
        if (untaxed.compareTo(NOISE) > 0) {
            throw new MappingException(orderId, field + ".taxes", "taxes " + taxes.byRateId()
                    + " imply a discount of " + taxedBase.negate().toPlainString() + ", more than the fee's "
                    + total.negate().toPlainString());
        }
        if (untaxed.abs().compareTo(NOISE) <= 0 && !shares.isEmpty()) {
            absorb(shares, untaxed);
        } else if (untaxed.signum() != 0 || shares.isEmpty()) {
            shares.add(DraftLine.untaxed(LineKind.FEE, field, name, "", BigDecimal.ONE, untaxed));
        }
        return shares.size() == 1 ? shares : named(shares, name);
    }

    /** Rounding noise goes to the largest share, so that the shares still add up to the fee exactly. */
    private static void absorb(List<DraftLine> shares, BigDecimal noise) {
        int largest = 0;
        for (int i = 1; i < shares.size(); i++) {
            if (shares.get(i).rawNet().abs().compareTo(shares.get(largest).rawNet().abs()) > 0) {
                largest = i;
            }
        }
        DraftLine share = shares.get(largest);
        shares.set(largest, new DraftLine(share.kind(), share.field(), share.name(), share.sku(), share.quantity(),
                share.rateId(), share.percent(), share.rawNet().add(noise), share.rawTax()));
    }

    private static List<DraftLine> named(List<DraftLine> shares, String name) {
        return shares.stream().map(s -> new DraftLine(s.kind(), s.field(), name + " ("
                + (s.rateId() == null ? "KDV'siz" : "%" + s.percent().toPlainString() + " KDV") + ")", s.sku(),
                s.quantity(), s.rateId(), s.percent(), s.rawNet(), s.rawTax())).toList();
    }
}
