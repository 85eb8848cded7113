package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rounds draft lines to kuruş so that the invoice says exactly what WooCommerce charged.
 *
 * <ol>
 *     <li>Tax, per rate id: the order's tax line for the rate (items, fees and shipping) is fixed; the lines of that
 *     rate are rounded to it by largest remainder. Starting from HALF_UP, this also reproduces WooCommerce's
 *     half-down tax rounding in stores with prices including tax, and its "round at subtotal" setting.</li>
 *     <li>Net, over all lines: the order total minus all tax lines is fixed; the lines' nets are rounded to it by
 *     largest remainder.</li>
 *     <li>Gross = net + tax per line, so the lines add up to the order total.</li>
 * </ol>
 * Net, not gross, is the side that is rounded because WooCommerce itself rounds the net (tax-exclusive) totals
 * and the taxes separately, in both price modes; a line then shows what WooCommerce shows for it (line total +
 * line tax). A residue above one kuruş per line is no rounding difference but an inconsistent order, and fails.
 */
final class Reconciliation {

    record Result(List<InvoiceLine> lines, BigDecimal subtotal, List<TaxSummary> taxes, BigDecimal taxTotal,
                  BigDecimal grandTotal) {
    }

    private Reconciliation() {
    }

    static Result reconcile(long orderId, List<DraftLine> drafts, OrderTaxRates rates, BigDecimal orderTotal) {
        if (orderTotal == null) {
            throw new MappingException(orderId, "total", "missing");
        }
        if (!Kurus.isWhole(orderTotal)) {
            throw new MappingException(orderId, "total", orderTotal.toPlainString() + " is not a whole kuruş amount");
        }
        BigDecimal grandTotal = Kurus.round(orderTotal);
        BigDecimal[] taxes = new BigDecimal[drafts.size()];
        Arrays.fill(taxes, Kurus.ZERO);
        BigDecimal taxTotal = Kurus.ZERO;
        for (OrderTaxRates.Rate rate : rates.all()) {
            taxTotal = taxTotal.add(rate.target());
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                if (Long.valueOf(rate.rateId()).equals(drafts.get(i).rateId())) {
                    members.add(i);
                }
            }
            if (members.isEmpty()) {
                if (rate.target().signum() != 0) {
                    throw new MappingException(orderId, rate.field(), "charges " + rate.target().toPlainString()
                            + " tax at rate id " + rate.rateId() + " (" + rate.line().label()
                            + "), but no line is taxed at that rate");
                }
                continue;
            }
            LargestRemainder.Result rounded = LargestRemainder.distribute(
                    members.stream().map(i -> drafts.get(i).rawTax()).toList(), rate.target());
            if (!rounded.fits()) {
                throw new MappingException(orderId, rate.field(), "charges " + rate.target().toPlainString()
                        + " tax at rate id " + rate.rateId() + ", but the " + members.size()
                        + " lines taxed at it round to " + offset(rate.target(), -rounded.residue())
                        + ": more than a kuruş per line apart");
            }
            for (int m = 0; m < members.size(); m++) {
                taxes[members.get(m)] = rounded.amounts().get(m);
            }
        }
        BigDecimal subtotal = grandTotal.subtract(taxTotal);
        LargestRemainder.Result nets = LargestRemainder.distribute(drafts.stream().map(DraftLine::rawNet).toList(),
                subtotal);
        if (!nets.fits()) {
            throw new MappingException(orderId, "total", "order total " + grandTotal.toPlainString() + " minus tax "
                    + taxTotal.toPlainString() + " leaves " + subtotal.toPlainString() + " for the lines, but their "
                    + drafts.size() + " net amounts round to " + offset(subtotal, -nets.residue())
                    + ": more than a kuruş per line apart");
        }
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            lines.add(line(drafts.get(i), nets.amounts().get(i), taxes[i]));
        }
        return new Result(List.copyOf(lines), subtotal, summaries(lines), taxTotal, grandTotal);
    }

    private static InvoiceLine line(DraftLine draft, BigDecimal net, BigDecimal tax) {
        BigDecimal quantity = draft.quantity();
        // Display only: net / quantity rarely divides to kuruş, and netAmount stays what counts.
        BigDecimal unitPrice = quantity.signum() == 0 ? net : net.divide(quantity, Kurus.SCALE, RoundingMode.HALF_UP);
        return new InvoiceLine(draft.kind(), draft.name(), draft.sku(), quantity, unitPrice, draft.percent(), net, tax,
                net.add(tax));
    }

    /** One summary per KDV percent, highest first; rate ids with equal percents (regional rates) share one. */
    private static List<TaxSummary> summaries(List<InvoiceLine> lines) {
        Map<BigDecimal, BigDecimal[]> byPercent = new TreeMap<>(Comparator.reverseOrder());
        for (InvoiceLine line : lines) {
            BigDecimal[] sums = byPercent.computeIfAbsent(line.taxRate(), p -> new BigDecimal[] {Kurus.ZERO,
                    Kurus.ZERO});
            sums[0] = sums[0].add(line.netAmount());
            sums[1] = sums[1].add(line.taxAmount());
        }
        return byPercent.entrySet().stream()
                .map(e -> new TaxSummary(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static String offset(BigDecimal target, long offsetKurus) {
        return target.add(BigDecimal.valueOf(offsetKurus, Kurus.SCALE)).toPlainString();
    }
}
