package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import com.caricomtr.agent.demo.DemoOrder.Amounts;
import com.caricomtr.agent.demo.DemoOrder.CouponLine;
import com.caricomtr.agent.demo.DemoOrder.FeeLine;
import com.caricomtr.agent.demo.DemoOrder.Items;
import com.caricomtr.agent.demo.DemoOrder.ProductLine;
import com.caricomtr.agent.demo.DemoOrder.ShippingLine;
import com.caricomtr.agent.demo.DemoOrder.TaxLine;

/**
 * WooCommerce 9.9's order arithmetic, as {@code WC_Order::add_product()}, {@code apply_coupon()} and
 * {@code calculate_totals()} do it (not the cart's, which rounds differently). Following it step by step is what makes
 * the stored figures identical to a real shop's, down to the kuruş where line taxes are rounded one by one.
 */
final class OrderCalculator {
    private static final String NON_TAXABLE = "non-taxable";
    private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);

    private final RoundingMode taxRounding;

    /** @param taxRounding {@code wc_round_tax_total()}'s mode, see {@link WooMath#taxRoundingFor(boolean)} */
    OrderCalculator(RoundingMode taxRounding) {
        this.taxRounding = taxRounding;
    }

    /** Calculates the order; item ids come from {@code nextItemId} in the order the items are written. */
    Calculated calculate(OrderDraft draft, LongSupplier nextItemId) {
        List<LineWork> lines = draft.lines().stream().map(l -> addProduct(draft, l)).toList();
        CouponWork coupon = draft.coupon() == null ? null : applyCoupon(draft, lines);
        lines.forEach(this::calculateLineTaxes);

        List<ProductLine> products = new ArrayList<>();
        for (LineWork l : lines) {
            products.add(new ProductLine(nextItemId.getAsLong(), l.product, l.quantity, l.subtotal, l.total,
                    l.subtotalTaxes, l.totalTaxes, sumRounded(l.subtotalTaxes), sumRounded(l.totalTaxes), 0));
        }
        List<ShippingLine> shipping = new ArrayList<>();
        if (draft.shipping() != null) {
            Map<Integer, BigDecimal> taxes = shippingTaxes(draft, lines);
            shipping.add(new ShippingLine(nextItemId.getAsLong(), draft.shipping(), draft.shipping().cost(), taxes,
                    sumRounded(taxes), 0));
        }
        List<FeeLine> fees = new ArrayList<>();
        for (OrderDraft.Fee fee : draft.fees()) {
            Map<Integer, BigDecimal> taxes = feeTaxes(draft, fee, lines, shipping);
            fees.add(new FeeLine(nextItemId.getAsLong(), fee.name(), fee.amount(), taxes, sumRounded(taxes)));
        }
        List<TaxLine> taxLines = taxLines(products, fees, shipping, nextItemId);
        List<CouponLine> coupons = coupon == null ? List.of()
                : List.of(new CouponLine(nextItemId.getAsLong(), draft.coupon(), coupon.discount, coupon.discountTax));
        Items items = new Items(products, shipping, fees, taxLines, coupons);
        return new Calculated(items, totals(products, shipping, fees, taxLines));
    }

    record Calculated(Items items, Amounts amounts) {
    }

    /** {@code add_product()}: the tax-exclusive line price, via {@code wc_get_price_excluding_tax()}. */
    private LineWork addProduct(OrderDraft draft, OrderDraft.Line line) {
        CatalogProduct product = line.product();
        BigDecimal linePrice = product.price().multiply(BigDecimal.valueOf(line.quantity()));
        Optional<TaxRate> base = product.taxable() ? DemoCatalog.turkishRate(product.taxClass()) : Optional.empty();
        // Tax-inclusive prices always lose the shop's own (base) tax, even for a buyer abroad who then pays none.
        BigDecimal subtotal = draft.pricesIncludeTax() && base.isPresent()
                ? linePrice.subtract(WooMath.inclusiveTax(linePrice, base.get().percent())) : linePrice;
        Optional<TaxRate> applied = draft.taxedInTurkey() ? base : Optional.empty();
        LineWork work = new LineWork(product, line.quantity(), applied, subtotal);
        work.subtotalTaxes = exclusiveTaxes(applied, subtotal);
        return work;
    }

    /**
     * {@code apply_coupon()}: {@code WC_Discounts} in kuruş on the tax-inclusive price when prices include tax, then
     * {@code set_item_discount_amounts()} takes the discount's own tax back out before lowering the line total.
     */
    private CouponWork applyCoupon(OrderDraft draft, List<LineWork> lines) {
        BigDecimal[] prices = new BigDecimal[lines.size()];
        int[] quantities = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            LineWork l = lines.get(i);
            BigDecimal price = draft.pricesIncludeTax() ? l.subtotal.add(sumRounded(l.subtotalTaxes)) : l.subtotal;
            prices[i] = price.movePointRight(2);
            quantities[i] = l.quantity;
        }
        long[] cents = CouponDiscounts.apply(draft.coupon(), prices, quantities);
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal discountTax = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            LineWork l = lines.get(i);
            BigDecimal lineDiscount = BigDecimal.valueOf(cents[i]).movePointLeft(2);
            amount = amount.add(lineDiscount);
            BigDecimal net = lineDiscount;
            if (l.applied.isPresent()) {
                BigDecimal percent = l.applied.get().percent();
                if (draft.pricesIncludeTax()) {
                    net = lineDiscount.subtract(WooMath.inclusiveTax(lineDiscount, percent));
                }
                // set_coupon_discount_amounts(): each line's discount tax is rounded on its own.
                discountTax = discountTax.add(WooMath.roundTax(draft.pricesIncludeTax()
                        ? WooMath.inclusiveTax(lineDiscount, percent)
                        : WooMath.exclusiveTax(lineDiscount, percent), taxRounding));
            }
            l.total = l.subtotal.subtract(net).max(BigDecimal.ZERO);
        }
        BigDecimal discount = draft.pricesIncludeTax() ? amount.subtract(discountTax) : amount;
        return new CouponWork(discount, discountTax);
    }

    /** {@code WC_Order_Item_Product::calculate_taxes()} and {@code set_taxes()}. */
    private void calculateLineTaxes(LineWork l) {
        l.totalTaxes = exclusiveTaxes(l.applied, l.total);
        l.subtotalTaxes = exclusiveTaxes(l.applied, l.subtotal);
        if (sum(l.subtotalTaxes).compareTo(sum(l.totalTaxes)) < 0) {
            l.subtotalTaxes = l.totalTaxes;
        }
    }

    /**
     * Shipping tax class "inherit": the first of standard, then the tax classes in table order, that a taxable line
     * uses; no taxable line means no shipping tax, except on an order without any line, which gets the standard class.
     */
    private Map<Integer, BigDecimal> shippingTaxes(OrderDraft draft, List<LineWork> lines) {
        List<String> lineClasses = lines.stream().filter(l -> l.product.taxable()).map(l -> l.product.taxClass())
                .toList();
        List<String> classOrder = new ArrayList<>(List.of(DemoCatalog.STANDARD));
        DemoCatalog.TAX_CLASSES.forEach(c -> classOrder.add(c.getKey()));
        Optional<String> shippingClass = classOrder.stream().filter(lineClasses::contains).findFirst();
        if (shippingClass.isEmpty() && lines.isEmpty()) {
            shippingClass = Optional.of(DemoCatalog.STANDARD);
        }
        Optional<TaxRate> rate = draft.taxedInTurkey() ? shippingClass.flatMap(DemoCatalog::turkishRate)
                : Optional.empty();
        return exclusiveTaxes(rate, draft.shipping().cost());
    }

    /**
     * {@code WC_Order_Item_Fee::calculate_taxes()}: a positive fee is taxed in its own (standard) class; a negative one
     * takes tax off every class in proportion to what the order's lines, shipping and positive fees cost in it.
     */
    private Map<Integer, BigDecimal> feeTaxes(OrderDraft draft, OrderDraft.Fee fee, List<LineWork> lines,
                                              List<ShippingLine> shipping) {
        if (!draft.taxedInTurkey()) {
            return Map.of();
        }
        if (fee.amount().signum() >= 0) {
            return exclusiveTaxes(DemoCatalog.turkishRate(DemoCatalog.STANDARD), fee.amount());
        }
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        lines.stream().filter(l -> l.product.taxable()).forEach(l -> costs.putIfAbsent(l.product.taxClass(),
                BigDecimal.ZERO));
        String firstItemClass = costs.keySet().stream().findFirst().orElse(DemoCatalog.STANDARD);
        costs.put(NON_TAXABLE, BigDecimal.ZERO);
        for (LineWork l : lines) {
            if (l.total.signum() >= 0) {
                costs.merge(l.product.taxable() ? l.product.taxClass() : NON_TAXABLE, l.total, BigDecimal::add);
            }
        }
        for (ShippingLine s : shipping) {
            if (s.cost().signum() >= 0) {
                costs.merge(firstItemClass, s.cost(), BigDecimal::add);
            }
        }
        for (OrderDraft.Fee other : draft.fees()) {
            if (other.amount().signum() >= 0) {
                costs.merge(DemoCatalog.STANDARD, other.amount(), BigDecimal::add);
            }
        }
        costs.values().removeIf(v -> v.signum() == 0);
        BigDecimal totalCost = costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Integer, BigDecimal> taxes = new LinkedHashMap<>();
        if (totalCost.signum() == 0) {
            return taxes;
        }
        costs.forEach((taxClass, cost) -> {
            if (NON_TAXABLE.equals(taxClass)) {
                return;
            }
            BigDecimal share = fee.amount().multiply(cost).divide(totalCost, DIVISION);
            exclusiveTaxes(DemoCatalog.turkishRate(taxClass), share).forEach((rate, tax) ->
                    taxes.merge(rate, tax, BigDecimal::add));
        });
        return taxes;
    }

    /** {@code update_taxes()}: one tax line per rate, each item's tax rounded before it is added. */
    List<TaxLine> taxLines(List<ProductLine> products, List<FeeLine> fees, List<ShippingLine> shipping,
                                   LongSupplier nextItemId) {
        Map<Integer, BigDecimal> cart = new LinkedHashMap<>();
        products.forEach(p -> addRounded(cart, p.totalTaxes()));
        fees.forEach(f -> addRounded(cart, f.taxes()));
        Map<Integer, BigDecimal> ship = new LinkedHashMap<>();
        shipping.forEach(s -> addRounded(ship, s.taxes()));
        Map<Integer, TaxRate> rates = new LinkedHashMap<>();
        cart.keySet().forEach(id -> rates.put(id, rate(id)));
        ship.keySet().forEach(id -> rates.putIfAbsent(id, rate(id)));
        List<TaxLine> out = new ArrayList<>();
        rates.forEach((id, rate) -> out.add(new TaxLine(nextItemId.getAsLong(), rate,
                cart.getOrDefault(id, BigDecimal.ZERO), ship.getOrDefault(id, BigDecimal.ZERO))));
        return out;
    }

    /** {@code calculate_totals()}: line totals rounded one by one, fees as they are, then everything rounded once. */
    Amounts totals(List<ProductLine> products, List<ShippingLine> shipping, List<FeeLine> fees,
                           List<TaxLine> taxLines) {
        BigDecimal cartSubtotal = products.stream().map(p -> WooMath.money(p.subtotal()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cartTotal = products.stream().map(p -> WooMath.money(p.total()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shippingTotal = shipping.stream().map(s -> WooMath.money(s.cost()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal feesTotal = fees.stream().map(FeeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cartTax = taxLines.stream().map(TaxLine::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shippingTax = taxLines.stream().map(TaxLine::shippingTaxAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rawSubtotalTax = products.stream().map(p -> sum(p.subtotalTaxes()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rawTotalTax = products.stream().map(p -> sum(p.totalTaxes()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = WooMath.money(cartTotal.add(feesTotal).add(shippingTotal).add(cartTax).add(shippingTax));
        return new Amounts(total, cartTax, shippingTotal, shippingTax, WooMath.money(cartSubtotal.subtract(cartTotal)),
                WooMath.roundTax(rawSubtotalTax.subtract(rawTotalTax), taxRounding));
    }

    private static Map<Integer, BigDecimal> exclusiveTaxes(Optional<TaxRate> rate, BigDecimal amount) {
        Map<Integer, BigDecimal> taxes = new LinkedHashMap<>();
        rate.ifPresent(r -> taxes.put(r.id(), WooMath.exclusiveTax(amount, r.percent())));
        return taxes;
    }

    private void addRounded(Map<Integer, BigDecimal> into, Map<Integer, BigDecimal> taxes) {
        taxes.forEach((rate, tax) -> into.merge(rate, WooMath.roundTax(tax, taxRounding), BigDecimal::add));
    }

    private BigDecimal sumRounded(Map<Integer, BigDecimal> taxes) {
        return taxes.values().stream().map(t -> WooMath.roundTax(t, taxRounding))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sum(Map<Integer, BigDecimal> taxes) {
        return taxes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static TaxRate rate(int id) {
        return DemoCatalog.TAX_RATES.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** A product line while {@code calculate_totals()} is still changing it. */
    private static final class LineWork {
        final CatalogProduct product;
        final int quantity;
        final Optional<TaxRate> applied;
        final BigDecimal subtotal;
        BigDecimal total;
        Map<Integer, BigDecimal> subtotalTaxes;
        Map<Integer, BigDecimal> totalTaxes;

        LineWork(CatalogProduct product, int quantity, Optional<TaxRate> applied, BigDecimal subtotal) {
            this.product = product;
            this.quantity = quantity;
            this.applied = applied;
            this.subtotal = subtotal;
            this.total = subtotal;
        }
    }

    private record CouponWork(BigDecimal discount, BigDecimal discountTax) {
    }
}
