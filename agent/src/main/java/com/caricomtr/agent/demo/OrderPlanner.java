package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

import com.caricomtr.agent.demo.DemoOrder.Payment;
import com.caricomtr.agent.demo.DemoOrder.ProductLine;
import com.caricomtr.agent.demo.DemoOrder.Refund;
import com.caricomtr.agent.woo.Address;

/**
 * Decides what each demo order looks like (buyer, basket, coupon, shipping, payment, status, dates, refunds) from a
 * random stream of its own, derived from the seed and the order's position: the same seed gives the same shop in
 * every storage layout.
 */
final class OrderPlanner {
    /** 2025-01-01 00:00 in Istanbul (UTC+3). */
    static final Instant SHOP_OPENED = Instant.parse("2024-12-31T21:00:00Z");
    static final String WOOCOMMERCE_VERSION = "9.9.5";

    private static final Payment CARD = new Payment("iyzico", "Kredi / Banka Kartı (iyzico)");
    private static final Payment TRANSFER = new Payment("bacs", "Banka Havalesi / EFT");
    private static final Payment CASH_ON_DELIVERY = new Payment("cod", "Kapıda Ödeme");
    private static final Payment NONE = new Payment("", "");
    private static final List<String> USER_AGENTS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"
                    + " Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                    + " Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile"
                    + " Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1"
                    + " Safari/605.1.15");
    private static final List<String> NOTES = List.of(
            "Lütfen kapıya bırakmayın, komşuya (Daire 6) teslim edin. Teşekkürler 🙏",
            "Fatura şirket adına DEĞİL, şahsıma kesilsin.\nİkinci satır: teslimat hafta içi 09:00–17:00 😊",
            "Hediye paketi yapılabilir mi? İçine not: \"İyi ki doğdun Işıl!\"",
            "Zili çalmayın, bebek uyuyor.",
            "Kargo şubesinden teslim alacağım.",
            "Ödeme dekontunu e-posta ile gönderdim; açıklamaya sipariş numarasını yazdım.");
    private static final List<String> PARTIAL_REASONS = List.of("Ürün hasarlı geldi", "Müşteri bir ürünü iade etti",
            "Yanlış beden gönderildi", "Eksik ürün");
    private static final List<String> GOODWILL_REASONS = List.of("Kargo gecikmesi nedeniyle kısmi iade",
            "Müşteri memnuniyeti – kısmi iade", "Fiyat farkı iadesi");
    private static final String LOYALTY_DISCOUNT = "Sadakat İndirimi";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final long seed;
    private final long slotSeconds;
    private final List<Buyer> customers;
    private final OrderCalculator calculator;
    private final RefundCalculator refunds;
    private final List<CatalogProduct> basketProducts;

    OrderPlanner(long seed, int orderCount, List<Buyer> customers, OrderCalculator calculator) {
        this.seed = seed;
        // Spread the orders over a year, but never denser than one per 5 minutes or sparser than one a day.
        this.slotSeconds = Math.max(300, Math.min(86_400, 365L * 86_400 / Math.max(1, orderCount)));
        this.customers = customers;
        this.calculator = calculator;
        this.refunds = new RefundCalculator(calculator);
        this.basketProducts = DemoCatalog.PRODUCTS.stream()
                .filter(p -> p != DemoCatalog.GIFT_WRAP && p != DemoCatalog.DONATION).toList();
    }

    DemoOrder plan(int index, long orderId, LongSupplier nextItemId, LongSupplier nextRefundId) {
        SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        Instant created = SHOP_OPENED.plusSeconds(index * slotSeconds + r.nextLong(slotSeconds));

        Buyer buyer = buyer(r);
        boolean pricesIncludeTax = r.nextInt(100) < 85;
        List<OrderDraft.Line> lines = basket(r);
        boolean donationOnly = lines.stream().allMatch(l -> l.product() == DemoCatalog.DONATION);
        BigDecimal gross = lines.stream().map(l -> l.product().price().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        CatalogCoupon coupon = donationOnly ? null : coupon(r, gross);
        boolean free = coupon == DemoCatalog.FULL_100;
        ShippingMethod shipping = donationOnly ? null : shipping(r, buyer, gross, lines.size(), free);
        String status = free ? "completed" : status(r);
        Payment payment = free ? NONE : payment(r, buyer, shipping != null, status);
        List<OrderDraft.Fee> fees = free ? List.of() : fees(r, buyer, payment, gross, lines);

        OrderDraft draft = new OrderDraft(pricesIncludeTax, buyer.isTurkish(), lines, shipping, fees, coupon);
        OrderCalculator.Calculated calculated = calculator.calculate(draft, nextItemId);
        if (calculated.amounts().total().signum() == 0 && "refunded".equals(status)) {
            status = "completed";
        }

        Instant paid = switch (status) {
            case "processing", "completed", "refunded" -> paidAt(r, created, payment);
            default -> null;
        };
        Instant completed = "completed".equals(status) || "refunded".equals(status)
                ? paid.plus(Duration.ofMinutes(60 + r.nextInt(4 * 24 * 60))) : null;
        Instant updated = switch (status) {
            case "cancelled" -> created.plus(Duration.ofMinutes(60 + r.nextInt(3 * 24 * 60)));
            case "processing" -> paid.plusSeconds(r.nextInt(600));
            case "completed", "refunded" -> completed;
            default -> created.plusSeconds(r.nextInt(3600));
        };

        Instant refundBase = completed != null ? completed : paid;
        List<Refund> orderRefunds = refunds(r, status, orderId, calculated, refundBase, nextItemId, nextRefundId);
        for (Refund refund : orderRefunds) {
            updated = refund.created().plusSeconds(30 + r.nextInt(300));
        }

        Address staleBilling = DemoPeople.earlierAddressOf(r, buyer.billing());
        Address staleShipping = DemoPeople.earlierAddressOf(r, buyer.shipping());
        String transactionId = payment == CARD && paid != null ? "IYZ" + (100_000_000 + r.nextInt(900_000_000)) : "";
        String note = r.nextInt(100) < 8 ? DemoPeople.pick(r, NOTES) : "";
        return new DemoOrder(orderId, status, r.nextInt(100) < 85 ? "checkout" : "admin", pricesIncludeTax, created, updated,
                paid, completed, buyer, staleBilling, staleShipping, payment, transactionId, ipAddress(r),
                DemoPeople.pick(r, USER_AGENTS), note, orderKey(r), calculated.items(), calculated.amounts(),
                orderRefunds);
    }

    private Buyer buyer(SplittableRandom r) {
        int kind = r.nextInt(100);
        Buyer buyer;
        if (kind < 45 && !customers.isEmpty()) {
            buyer = DemoPeople.pick(r, customers);
        } else if (kind < 95) {
            buyer = DemoPeople.turkish(r, r.nextInt(100) < 25);
        } else {
            buyer = DemoPeople.german(r);
        }
        if (buyer.isTurkish() && r.nextInt(100) < 5) {
            buyer = buyer.withShipping(DemoPeople.giftRecipient(r));
        }
        if (r.nextInt(200) == 0) {
            buyer = new Buyer(buyer.userId(), buyer.kind(), DemoPeople.withVeryLongAddress(buyer.billing()),
                    DemoPeople.withVeryLongAddress(buyer.shipping()), buyer.tckn(), buyer.vkn(), buyer.taxOffice());
        }
        return buyer;
    }

    private List<OrderDraft.Line> basket(SplittableRandom r) {
        if (r.nextInt(100) == 0) {
            return List.of(new OrderDraft.Line(DemoCatalog.DONATION, 1 + r.nextInt(3)));
        }
        int roll = r.nextInt(100);
        int count = roll < 35 ? 1 : roll < 65 ? 2 : roll < 80 ? 3 : roll < 95 ? 4 + r.nextInt(3)
                : roll < 99 ? 7 + r.nextInt(6) : 20 + r.nextInt(8);
        List<CatalogProduct> chosen = new ArrayList<>();
        while (chosen.size() < Math.min(count, basketProducts.size())) {
            CatalogProduct p = DemoPeople.pick(r, basketProducts);
            if (!chosen.contains(p)) {
                chosen.add(p);
            }
        }
        List<OrderDraft.Line> lines = new ArrayList<>();
        for (CatalogProduct p : chosen) {
            int q = r.nextInt(100);
            lines.add(new OrderDraft.Line(p, q < 60 ? 1 : q < 85 ? 2 : q < 97 ? 3 + r.nextInt(3) : 6 + r.nextInt(7)));
        }
        if (r.nextInt(100) < 3) {
            lines.add(new OrderDraft.Line(DemoCatalog.GIFT_WRAP, 1));
        }
        if (r.nextInt(100) < 2) {
            lines.add(new OrderDraft.Line(DemoCatalog.DONATION, 1));
        }
        return lines;
    }

    private static CatalogCoupon coupon(SplittableRandom r, BigDecimal gross) {
        int roll = r.nextInt(1000);
        if (roll < 70) {
            return DemoCatalog.PERCENT_10;
        }
        if (roll < 110 && gross.compareTo(BigDecimal.valueOf(150)) >= 0) {
            return DemoCatalog.FIXED_50;
        }
        return roll < 113 ? DemoCatalog.FULL_100 : null;
    }

    private static ShippingMethod shipping(SplittableRandom r, Buyer buyer, BigDecimal gross, int lineCount,
                                           boolean free) {
        if (!buyer.isTurkish()) {
            return DemoCatalog.DHL;
        }
        if (free || gross.compareTo(BigDecimal.valueOf(2000)) >= 0 && r.nextBoolean()) {
            return DemoCatalog.FREE;
        }
        return lineCount >= 8 ? DemoCatalog.FREIGHT : DemoPeople.pick(r, DemoCatalog.DOMESTIC_PAID);
    }

    private static String status(SplittableRandom r) {
        int roll = r.nextInt(100);
        return roll < 50 ? "completed" : roll < 66 ? "processing" : roll < 73 ? "on-hold" : roll < 80 ? "pending"
                : roll < 89 ? "cancelled" : roll < 92 ? "failed" : roll < 96 ? "refunded" : "completed";
    }

    private static Payment payment(SplittableRandom r, Buyer buyer, boolean shipped, String status) {
        if ("on-hold".equals(status)) {
            return TRANSFER; // on-hold is WooCommerce's state for a transfer not yet received
        }
        int roll = r.nextInt(100);
        if ("failed".equals(status) || roll < 50) {
            return CARD;
        }
        return roll < 80 || !buyer.isTurkish() || !shipped ? TRANSFER : CASH_ON_DELIVERY;
    }

    private static List<OrderDraft.Fee> fees(SplittableRandom r, Buyer buyer, Payment payment, BigDecimal gross,
                                             List<OrderDraft.Line> lines) {
        List<OrderDraft.Fee> fees = new ArrayList<>();
        if (payment == CASH_ON_DELIVERY && r.nextInt(100) < 80) {
            fees.add(new OrderDraft.Fee("Kapıda Ödeme Ücreti", new BigDecimal("15")));
        }
        if (r.nextInt(100) < 3) {
            fees.add(new OrderDraft.Fee("Hediye Paketleme Ücreti", new BigDecimal("25")));
        }
        boolean hasTaxableLine = lines.stream().anyMatch(l -> l.product().taxable());
        if (buyer.userId() > 0 && hasTaxableLine && gross.compareTo(BigDecimal.valueOf(200)) >= 0
                && r.nextInt(100) < 6) {
            fees.add(new OrderDraft.Fee(LOYALTY_DISCOUNT, new BigDecimal("-20")));
        }
        return fees;
    }

    private static Instant paidAt(SplittableRandom r, Instant created, Payment payment) {
        if (payment == CARD || payment == NONE) {
            return created.plusSeconds(30 + r.nextInt(600));
        }
        if (payment == TRANSFER) {
            return created.plus(Duration.ofMinutes(90 + r.nextInt(36 * 60)));
        }
        return created.plus(Duration.ofHours(48 + r.nextInt(72))); // cash on delivery is paid at the door
    }

    private List<Refund> refunds(SplittableRandom r, String status, long orderId,
                                 OrderCalculator.Calculated order, Instant after, LongSupplier nextItemId,
                                 LongSupplier nextRefundId) {
        BigDecimal total = order.amounts().total();
        boolean full = "refunded".equals(status);
        boolean partial = ("completed".equals(status) || "processing".equals(status)) && total.signum() > 0
                && r.nextInt(100) < 7;
        if (!full && !partial) {
            return List.of();
        }
        Instant when = after.plus(Duration.ofHours(6 + r.nextInt(10 * 24)));
        LongSupplier trialIds = () -> 0;
        if (full) {
            if (order.items().fees().isEmpty() && r.nextBoolean()) {
                Map<ProductLine, Integer> all = new LinkedHashMap<>();
                order.items().products().stream().filter(p -> p.total().signum() > 0)
                        .forEach(p -> all.put(p, p.quantity()));
                String reason = "Sipariş tamamen iade edildi";
                // The admin screen's kuruş-rounded line shares can miss the order total by a kuruş; a shop manager
                // then refunds the amount instead, and so do we.
                if (refunds.lines(0, orderId, when, reason, all, order.items().shipping(), trialIds).amount()
                        .compareTo(total) == 0) {
                    return List.of(refunds.lines(nextRefundId.getAsLong(), orderId, when, reason, all,
                            order.items().shipping(), nextItemId));
                }
            }
            return List.of(refunds.amountOnly(nextRefundId.getAsLong(), orderId, when, total, "Order fully refunded."));
        }
        List<ProductLine> refundable = order.items().products().stream().filter(p -> p.total().signum() > 0).toList();
        if (!refundable.isEmpty() && r.nextInt(100) < 60) {
            ProductLine line = DemoPeople.pick(r, refundable);
            int quantity = 1 + r.nextInt(line.quantity());
            String reason = DemoPeople.pick(r, PARTIAL_REASONS) + " (" + quantity + " adet)";
            if (refunds.lines(0, orderId, when, reason, Map.of(line, quantity), List.of(), trialIds).amount()
                    .compareTo(total) < 0) {
                return List.of(refunds.lines(nextRefundId.getAsLong(), orderId, when, reason, Map.of(line, quantity),
                        List.of(), nextItemId));
            }
        }
        BigDecimal amount = WooMath.money(total.multiply(BigDecimal.valueOf(5 + r.nextInt(26)))
                .divide(WooMath.HUNDRED)).max(new BigDecimal("0.01"));
        if (amount.compareTo(total) >= 0) {
            return List.of();
        }
        return List.of(refunds.amountOnly(nextRefundId.getAsLong(), orderId, when, amount,
                DemoPeople.pick(r, GOODWILL_REASONS)));
    }

    private static String ipAddress(SplittableRandom r) {
        return (r.nextBoolean() ? "203.0.113." : "198.51.100.") + (1 + r.nextInt(254));
    }

    private static String orderKey(SplittableRandom r) {
        StringBuilder key = new StringBuilder("wc_order_");
        for (int i = 0; i < 13; i++) {
            key.append(ALPHANUMERIC.charAt(r.nextInt(ALPHANUMERIC.length())));
        }
        return key.toString();
    }

    /** SplitMix64's finaliser, so that neighbouring orders get unrelated random streams. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
