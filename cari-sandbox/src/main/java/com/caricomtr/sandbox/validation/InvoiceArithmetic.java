package com.caricomtr.sandbox.validation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sums that must hold between an invoice's lines and totals.
 *
 * <p>Every equality is exact except the per-rate KDV, which may differ from {@code matrah × oran / 100} by a kuruş per
 * line plus one: WooCommerce rounds each line and each rate separately, and the invoice keeps WooCommerce's figures.
 */
final class InvoiceArithmetic {
    private static final BigDecimal KURUS = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Line(int index, String rate, BigDecimal net, BigDecimal tax) {
    }

    record TaxTotal(int index, String path, String rate, BigDecimal base, BigDecimal amount) {
    }

    private final JsonFields fatura;
    private final FieldErrors errors;

    InvoiceArithmetic(JsonFields fatura, FieldErrors errors) {
        this.fatura = fatura;
        this.errors = errors;
    }

    void checkSubtotal(List<Line> lines, BigDecimal araToplam) {
        BigDecimal sum = lines.stream().map(Line::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(araToplam) != 0) {
            fatura.error("ara_toplam", "satırların tutar toplamı (" + Decimals.money(sum) + ") ile eşleşmiyor; gelen: "
                    + Decimals.money(araToplam));
        }
    }

    void checkTaxTotals(List<Line> lines, List<TaxTotal> taxes) {
        Map<String, RateSum> byRate = new LinkedHashMap<>();
        for (Line line : lines) {
            byRate.computeIfAbsent(line.rate(), r -> new RateSum()).add(line);
        }
        Set<String> seen = new HashSet<>();
        for (TaxTotal total : taxes) {
            if (!seen.add(total.rate())) {
                errors.add(total.path() + ".oran", "%" + total.rate() + " oranı birden fazla kez verilmiş");
                continue;
            }
            RateSum sum = byRate.get(total.rate());
            if (sum == null) {
                errors.add(total.path() + ".oran", "%" + total.rate() + " oranında satır yok");
                continue;
            }
            checkRate(total, sum);
        }
        byRate.keySet().stream()
                .filter(rate -> !seen.contains(rate))
                .forEach(rate -> fatura.error("kdv_toplamlari", "satırlarda kullanılan %" + rate + " oranı için kayıt eksik"));
    }

    private void checkRate(TaxTotal total, RateSum sum) {
        String rateText = "%" + total.rate() + " oranlı satırların";
        if (total.base().compareTo(sum.base) != 0) {
            errors.add(total.path() + ".matrah", rateText + " tutar toplamı (" + Decimals.money(sum.base)
                    + ") ile eşleşmiyor; gelen: " + Decimals.money(total.base()));
        }
        if (total.amount().compareTo(sum.tax) != 0) {
            errors.add(total.path() + ".tutar", rateText + " kdv_tutari toplamı (" + Decimals.money(sum.tax)
                    + ") ile eşleşmiyor; gelen: " + Decimals.money(total.amount()));
        }
        BigDecimal exact = total.base().multiply(new BigDecimal(total.rate())).divide(HUNDRED);
        BigDecimal tolerance = KURUS.multiply(BigDecimal.valueOf(sum.lines + 1L));
        BigDecimal difference = total.amount().subtract(exact).abs();
        if (difference.compareTo(tolerance) > 0) {
            errors.add(total.path() + ".tutar", "matrah × oran / 100 = " + exact.stripTrailingZeros().toPlainString()
                    + "; fark " + difference.stripTrailingZeros().toPlainString() + ", izin verilen en fazla "
                    + tolerance.toPlainString());
        }
    }

    void checkTaxTotal(List<TaxTotal> taxes, BigDecimal kdvToplam) {
        BigDecimal sum = taxes.stream().map(TaxTotal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(kdvToplam) != 0) {
            fatura.error("kdv_toplam", "kdv_toplamlari[].tutar toplamı (" + Decimals.money(sum)
                    + ") ile eşleşmiyor; gelen: " + Decimals.money(kdvToplam));
        }
    }

    void checkGrandTotal(BigDecimal araToplam, BigDecimal kdvToplam, BigDecimal genelToplam) {
        BigDecimal expected = araToplam.add(kdvToplam);
        if (expected.compareTo(genelToplam) != 0) {
            fatura.error("genel_toplam", "ara_toplam + kdv_toplam (" + Decimals.money(expected)
                    + ") ile eşleşmiyor; gelen: " + Decimals.money(genelToplam));
        }
    }

    private static final class RateSum {
        private BigDecimal base = BigDecimal.ZERO;
        private BigDecimal tax = BigDecimal.ZERO;
        private int lines;

        void add(Line line) {
            base = base.add(line.net());
            tax = tax.add(line.tax());
            lines++;
        }
    }
}
