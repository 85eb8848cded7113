package com.caricomtr.agent.cari;

import java.math.BigDecimal;
import java.util.List;

import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.CustomerType;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.invoice.InvoiceLine;
import com.caricomtr.agent.invoice.LineKind;
import com.caricomtr.agent.invoice.TaxSummary;

/** Domain records to Cari's wire shapes. Throws {@link IllegalArgumentException} for data Cari must not see. */
final class CariMapping {
    private CariMapping() {
    }

    static CariWire.CustomerRequest customer(CustomerRecord customer) {
        CustomerType type = required(customer.type(), "cari.tur");
        // Cari keeps one tax id field per kind of buyer; the other stays empty, as in the documented example.
        String taxNumber = text(customer.taxNumber());
        return new CariWire.CustomerRequest(new CariWire.Customer(
                required(customer.key(), "cari.dis_anahtar"),
                customerType(type),
                text(customer.company()),
                text(customer.name()),
                type == CustomerType.COMPANY ? taxNumber : "",
                type == CustomerType.INDIVIDUAL ? taxNumber : "",
                text(customer.taxOffice()),
                text(customer.address()),
                text(customer.district()),
                text(customer.city()),
                text(customer.postcode()),
                text(customer.country()),
                text(customer.phone()),
                text(customer.email())));
    }

    /** @param key the invoice's {@code dis_anahtar} ({@code <site id>/<order id>}); null to leave it out */
    static CariWire.InvoiceRequest invoice(Invoice invoice, String cariId, String key) {
        List<CariWire.Line> lines = required(invoice.lines(), "fatura.satirlar").stream()
                .map(CariMapping::line)
                .toList();
        List<CariWire.TaxTotal> taxes = required(invoice.taxes(), "fatura.kdv_toplamlari").stream()
                .map(CariMapping::taxTotal)
                .toList();
        return new CariWire.InvoiceRequest(new CariWire.Invoice(
                key,
                required(invoice.series(), "fatura.seri_no"),
                invoice.sequence(),
                required(invoice.number(), "fatura.fatura_no"),
                required(invoice.issueDate(), "fatura.tarih").toString(),
                required(invoice.currency(), "fatura.para_birimi"),
                invoice.exchangeRate() == null ? null : decimal(invoice.exchangeRate(), "fatura.doviz_kuru"),
                required(cariId, "fatura.cari_id"),
                invoice.orderNumber(),
                invoice.note(),
                lines,
                money(invoice.subtotal(), "fatura.ara_toplam"),
                taxes,
                money(invoice.taxTotal(), "fatura.kdv_toplam"),
                money(invoice.grandTotal(), "fatura.genel_toplam")));
    }

    static String customerType(CustomerType type) {
        // An exhaustive switch: a new CustomerType does not compile until it has a wire name.
        return switch (type) {
            case INDIVIDUAL -> CariWire.CUSTOMER_INDIVIDUAL;
            case COMPANY -> CariWire.CUSTOMER_COMPANY;
            case FOREIGN -> CariWire.CUSTOMER_FOREIGN;
        };
    }

    static String lineKind(LineKind kind) {
        return switch (kind) {
            case PRODUCT -> CariWire.LINE_PRODUCT;
            case SHIPPING -> CariWire.LINE_SHIPPING;
            case FEE -> CariWire.LINE_FEE;
        };
    }

    /**
     * Kuruş as a two-decimal string. {@code setScale(2)} without a rounding mode throws when digits would be lost:
     * the invoice package promises kuruş, and rounding silently here would break its reconciliation.
     */
    static String money(BigDecimal amount, String field) {
        required(amount, field);
        try {
            return amount.setScale(2).toPlainString();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " is not in kuruş: " + amount.toPlainString());
        }
    }

    /** Rates and quantities: exact, without trailing zeros ({@code "20"}, {@code "1.5"}). */
    static String decimal(BigDecimal value, String field) {
        BigDecimal plain = required(value, field).stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    private static CariWire.Line line(InvoiceLine line) {
        return new CariWire.Line(
                lineKind(required(line.kind(), "satirlar.tur")),
                required(line.name(), "satirlar.ad"),
                text(line.sku()),
                decimal(line.quantity(), "satirlar.miktar"),
                money(line.unitPrice(), "satirlar.birim_fiyat"),
                decimal(line.taxRate(), "satirlar.kdv_orani"),
                money(line.netAmount(), "satirlar.tutar"),
                money(line.taxAmount(), "satirlar.kdv_tutari"),
                money(line.grossAmount(), "satirlar.toplam"));
    }

    private static CariWire.TaxTotal taxTotal(TaxSummary tax) {
        return new CariWire.TaxTotal(
                decimal(tax.rate(), "kdv_toplamlari.oran"),
                money(tax.base(), "kdv_toplamlari.matrah"),
                money(tax.amount(), "kdv_toplamlari.tutar"));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
