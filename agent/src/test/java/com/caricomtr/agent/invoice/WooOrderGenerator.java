package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.TaxAmounts;

/**
 * Random orders that WooCommerce itself could have written, following its arithmetic: line totals and taxes kept
 * to 6 decimals; tax-inclusive prices split into net and tax; coupons already inside line totals; negative fees
 * taxed in proportion to the order's tax classes (with an untaxed share for untaxed items); tax lines per rate rounded
 * per line or, with "round tax at subtotal", once per rate; line taxes rounded half down in stores with prices
 * including tax; the order total rounded HALF_UP from the unrounded nets plus the tax lines.
 */
final class WooOrderGenerator {
    static final long[] RATE_IDS = {1, 2, 3, 4};
    static final int[] PERCENTS = {20, 10, 1, 0};
    /** Index into RATE_IDS; this one means "tax status none". */
    private static final int UNTAXED = RATE_IDS.length;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What a product or shipping line was before rounding, in invoice line order. */
    record RawLine(BigDecimal net, BigDecimal tax) {
    }

    /** A fee by name, before rounding. */
    record RawFee(String name, BigDecimal total, BigDecimal tax) {
    }

    record Generated(Order order, List<RawLine> productsAndShipping, List<RawFee> fees, String description) {
    }

    private final Random random;

    WooOrderGenerator(long seed) {
        this.random = new Random(seed);
    }

    Generated next(long id) {
        boolean pricesIncludeTax = random.nextBoolean();
        boolean roundAtSubtotal = random.nextInt(5) == 0;
        RoundingMode taxRounding = pricesIncludeTax ? RoundingMode.HALF_DOWN : RoundingMode.HALF_UP;
        int discountPercent = new int[] {0, 0, 0, 10, 15, 25, 100}[random.nextInt(7)];
        OrderBuilder order = OrderBuilder.order(id).pricesIncludeTax(pricesIncludeTax);
        Map<Long, List<BigDecimal>> cartTaxes = new TreeMap<>();
        Map<Long, List<BigDecimal>> shippingTaxes = new TreeMap<>();
        Map<Integer, BigDecimal> costByClass = new TreeMap<>();
        List<RawLine> raw = new ArrayList<>();
        List<RawFee> fees = new ArrayList<>();
        BigDecimal unroundedTotal = BigDecimal.ZERO;

        int items = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 6);
        for (int i = 0; i < items; i++) {
            int taxClass = randomClass();
            int quantity = 1 + random.nextInt(10);
            BigDecimal gross = price().multiply(BigDecimal.valueOf(quantity))
                    .multiply(BigDecimal.valueOf(100 - discountPercent)).divide(HUNDRED);
            BigDecimal net;
            BigDecimal tax;
            int percent = taxClass == UNTAXED ? 0 : PERCENTS[taxClass];
            if (pricesIncludeTax) {
                net = gross.multiply(HUNDRED).divide(BigDecimal.valueOf(100 + percent), 6, RoundingMode.HALF_UP);
                tax = gross.subtract(net);
            } else {
                net = gross.setScale(6, RoundingMode.HALF_UP);
                tax = net.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED, 6, RoundingMode.HALF_UP);
            }
            String qty = Integer.toString(quantity);
            if (taxClass == UNTAXED) {
                order.untaxedItem("Ürün " + i, qty, net.toPlainString());
            } else {
                long rateId = RATE_IDS[taxClass];
                TaxAmounts taxes = new TaxAmounts(Map.of(rateId, tax));
                order.item("Ürün " + i, qty, net.toPlainString(), net.toPlainString(), taxes, taxes,
                        stored(tax, roundAtSubtotal, taxRounding));
                cartTaxes.computeIfAbsent(rateId, r -> new ArrayList<>()).add(tax);
            }
            costByClass.merge(taxClass, net, BigDecimal::add);
            raw.add(new RawLine(net, taxClass == UNTAXED ? BigDecimal.ZERO : tax));
            unroundedTotal = unroundedTotal.add(net);
        }

        int shippingLines = random.nextInt(3);
        for (int s = 0; s < shippingLines; s++) {
            BigDecimal cost = BigDecimal.valueOf(random.nextInt(4) == 0 ? 0 : random.nextInt(50_000), 2);
            int taxClass = randomClass();
            if (taxClass == UNTAXED) {
                order.untaxedShipping("Kargo " + s, cost.toPlainString());
                raw.add(new RawLine(cost, BigDecimal.ZERO));
            } else {
                BigDecimal tax = percentOf(cost, PERCENTS[taxClass]);
                order.shipping("Kargo " + s, cost.toPlainString(), RATE_IDS[taxClass], tax.toPlainString());
                shippingTaxes.computeIfAbsent(RATE_IDS[taxClass], r -> new ArrayList<>()).add(tax);
                raw.add(new RawLine(cost, tax));
            }
            costByClass.merge(taxClass, cost, BigDecimal::add);
            unroundedTotal = unroundedTotal.add(cost);
        }

        int feeLines = random.nextInt(3);
        for (int f = 0; f < feeLines; f++) {
            String name = "Ücret " + f;
            Map<Long, String> taxes = new LinkedHashMap<>();
            BigDecimal total;
            BigDecimal cost = costByClass.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (random.nextInt(3) == 0 && cost.compareTo(BigDecimal.ONE) > 0) {
                // A discount as a fee: at most half the cart, so WooCommerce's cap never applies.
                total = BigDecimal.valueOf(-(1 + random.nextInt(cost.movePointRight(2).intValue() / 2)), 2);
                for (Map.Entry<Integer, BigDecimal> share : costByClass.entrySet()) {
                    if (share.getKey() != UNTAXED && share.getValue().signum() > 0) {
                        BigDecimal amount = total.multiply(share.getValue()).divide(cost, 10, RoundingMode.HALF_UP);
                        taxes.merge(RATE_IDS[share.getKey()],
                                percentOf(amount, PERCENTS[share.getKey()]).toPlainString(),
                                (a, b) -> new BigDecimal(a).add(new BigDecimal(b)).toPlainString());
                    }
                }
            } else {
                total = BigDecimal.valueOf(1 + random.nextInt(5_000), 2);
                int taxClass = randomClass();
                if (taxClass != UNTAXED) {
                    taxes.put(RATE_IDS[taxClass], percentOf(total, PERCENTS[taxClass]).toPlainString());
                }
            }
            order.fee(name, total.toPlainString(), taxes);
            BigDecimal feeTax = BigDecimal.ZERO;
            for (Map.Entry<Long, String> tax : taxes.entrySet()) {
                cartTaxes.computeIfAbsent(tax.getKey(), r -> new ArrayList<>()).add(new BigDecimal(tax.getValue()));
                feeTax = feeTax.add(new BigDecimal(tax.getValue()));
            }
            fees.add(new RawFee(name, total, feeTax));
            unroundedTotal = unroundedTotal.add(total);
        }

        for (int r = 0; r < RATE_IDS.length; r++) {
            long rateId = RATE_IDS[r];
            if (!cartTaxes.containsKey(rateId) && !shippingTaxes.containsKey(rateId)) {
                continue;
            }
            BigDecimal cart = taxLineAmount(cartTaxes.get(rateId), roundAtSubtotal, taxRounding);
            BigDecimal ship = taxLineAmount(shippingTaxes.get(rateId), roundAtSubtotal, taxRounding);
            order.taxLine(rateId, Integer.toString(PERCENTS[r]), false, cart.toPlainString(), ship.toPlainString());
            unroundedTotal = unroundedTotal.add(cart).add(ship);
        }
        order.total(unroundedTotal.setScale(2, RoundingMode.HALF_UP).toPlainString());
        String description = "order " + id + " (prices " + (pricesIncludeTax ? "incl." : "excl.") + " tax, "
                + (roundAtSubtotal ? "tax rounded at subtotal" : "tax rounded per line") + ", coupon "
                + discountPercent + "%)";
        return new Generated(order.build(), raw, fees, description);
    }

    private int randomClass() {
        int pick = random.nextInt(10);
        return pick < 4 ? 0 : pick < 6 ? 1 : pick < 8 ? 2 : pick < 9 ? UNTAXED : 3;
    }

    /** Unit prices as shops set them: mostly any price, some x.90/x.99, some free gifts. */
    private BigDecimal price() {
        return switch (random.nextInt(10)) {
            case 0 -> BigDecimal.ZERO;
            case 1, 2 -> BigDecimal.valueOf(random.nextInt(2_000) * 100L + (random.nextBoolean() ? 90 : 99), 2);
            default -> BigDecimal.valueOf(1 + random.nextInt(200_000), 2);
        };
    }

    private static BigDecimal percentOf(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED, 6, RoundingMode.HALF_UP);
    }

    private static BigDecimal stored(BigDecimal tax, boolean roundAtSubtotal, RoundingMode mode) {
        return roundAtSubtotal ? tax : tax.setScale(2, mode);
    }

    private static BigDecimal taxLineAmount(List<BigDecimal> taxes, boolean roundAtSubtotal, RoundingMode mode) {
        if (taxes == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (roundAtSubtotal) {
            return taxes.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, mode);
        }
        return taxes.stream().map(t -> t.setScale(2, mode)).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
