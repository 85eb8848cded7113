package com.caricomtr.sandbox.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules of the contract's invoice ({@code fatura}) table: field formats here, sums in {@link InvoiceArithmetic}.
 */
public final class InvoiceValidator {
    private static final Set<String> FIELDS = Set.of(
            "dis_anahtar", "seri_no", "sira_no", "fatura_no", "tarih", "para_birimi", "doviz_kuru", "cari_id",
            "siparis_no", "aciklama", "satirlar", "ara_toplam", "kdv_toplamlari", "kdv_toplam", "genel_toplam");
    private static final Set<String> LINE_FIELDS = Set.of(
            "tur", "ad", "stok_kodu", "miktar", "birim_fiyat", "kdv_orani", "tutar", "kdv_tutari", "toplam");
    private static final Set<String> TAX_FIELDS = Set.of("oran", "matrah", "tutar");
    private static final List<String> LINE_TYPES = List.of("urun", "kargo", "ucret");
    private static final String GIB_NUMBER = "[A-Z0-9]{3}[0-9]{4}[0-9]{9}";

    private InvoiceValidator() {
    }

    /**
     * Validates a request body {@code {"fatura": {...}}}.
     *
     * @param customerExists whether a {@code cari_id} names a customer of the calling company
     * @return the {@code fatura} object when valid
     */
    public static Validated<ObjectNode> validate(JsonNode body, Predicate<String> customerExists) {
        FieldErrors errors = new FieldErrors();
        JsonFields root = JsonFields.of(body, "", errors);
        root.rejectUnknown(Set.of("fatura"));
        JsonFields fatura = JsonFields.of(body.get("fatura"), "fatura", errors);
        if (fatura.node() != null) {
            check(fatura, customerExists, errors);
        }
        return Validated.of(fatura.node(), errors);
    }

    private static void check(JsonFields fatura, Predicate<String> customerExists, FieldErrors errors) {
        fatura.rejectUnknown(FIELDS);
        fatura.optionalText("dis_anahtar").ifPresent(key -> {
            if (key.codePointCount(0, key.length()) > CustomerValidator.MAX_KEY_LENGTH) {
                fatura.error("dis_anahtar", "en fazla " + CustomerValidator.MAX_KEY_LENGTH + " karakter olabilir");
            }
        });
        Optional<String> seriNo = fatura.requiredText("seri_no")
                .filter(s -> fatura.check("seri_no", s, "[A-Z0-9]{1,16}", "1–16 karakter, yalnızca A–Z ve 0–9"));
        Optional<Long> siraNo = fatura.requiredInteger("sira_no", 1, 999_999_999L);
        Optional<LocalDate> tarih = fatura.requiredText("tarih").flatMap(text -> date(fatura, text));
        fatura.requiredText("fatura_no").ifPresent(no -> checkNumber(fatura, no, seriNo, siraNo, tarih));
        fatura.requiredText("para_birimi")
                .ifPresent(c -> fatura.check("para_birimi", c, "[A-Z]{3}", "ISO 4217 para birimi kodu olmalı, ör. \"TRY\""));
        fatura.optionalPositiveDecimal("doviz_kuru");
        fatura.requiredText("cari_id").ifPresent(id -> {
            if (!customerExists.test(id)) {
                fatura.error("cari_id", "bu firmada \"" + id + "\" numaralı cari yok");
            }
        });
        fatura.optionalText("siparis_no");
        fatura.optionalText("aciklama");

        List<InvoiceArithmetic.Line> lines = new ArrayList<>();
        boolean linesComplete = fatura.requiredNonEmptyArray("satirlar")
                .map(array -> readLines(array, fatura.path("satirlar"), errors, lines))
                .orElse(false);
        List<InvoiceArithmetic.TaxTotal> taxes = new ArrayList<>();
        boolean taxesComplete = fatura.requiredNonEmptyArray("kdv_toplamlari")
                .map(array -> readTaxTotals(array, fatura.path("kdv_toplamlari"), errors, taxes))
                .orElse(false);
        Optional<BigDecimal> araToplam = fatura.requiredMoney("ara_toplam");
        Optional<BigDecimal> kdvToplam = fatura.requiredMoney("kdv_toplam");
        Optional<BigDecimal> genelToplam = fatura.requiredMoney("genel_toplam");

        InvoiceArithmetic arithmetic = new InvoiceArithmetic(fatura, errors);
        if (linesComplete) {
            araToplam.ifPresent(value -> arithmetic.checkSubtotal(lines, value));
            if (taxesComplete) {
                arithmetic.checkTaxTotals(lines, taxes);
            }
        }
        if (taxesComplete) {
            kdvToplam.ifPresent(value -> arithmetic.checkTaxTotal(taxes, value));
        }
        if (araToplam.isPresent() && kdvToplam.isPresent() && genelToplam.isPresent()) {
            arithmetic.checkGrandTotal(araToplam.get(), kdvToplam.get(), genelToplam.get());
        }
    }

    private static Optional<LocalDate> date(JsonFields fatura, String text) {
        if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        fatura.error("tarih", "YYYY-AA-GG biçiminde geçerli bir tarih olmalı; gelen: \"" + text + "\"");
        return Optional.empty();
    }

    /** GİB numbers are 3-character prefix + year + 9-digit sequence; each part must agree with its own field. */
    private static void checkNumber(JsonFields fatura, String number, Optional<String> seriNo, Optional<Long> siraNo,
                                    Optional<LocalDate> tarih) {
        if (!number.matches(GIB_NUMBER)) {
            fatura.error("fatura_no", "GİB biçiminde olmalı: 3 karakter önek + 4 hane yıl + 9 hane sıra, "
                    + "ör. \"WOO2025000000042\"; gelen: \"" + number + "\"");
            return;
        }
        String prefix = number.substring(0, 3);
        int year = Integer.parseInt(number.substring(3, 7));
        long sequence = Long.parseLong(number.substring(7));
        seriNo.filter(s -> !s.equals(prefix)).ifPresent(s -> fatura.error("fatura_no",
                "önek \"" + prefix + "\" seri_no \"" + s + "\" ile aynı olmalı"));
        tarih.filter(d -> d.getYear() != year).ifPresent(d -> fatura.error("fatura_no",
                "yıl " + year + " tarih yılı " + d.getYear() + " ile aynı olmalı"));
        siraNo.filter(n -> n != sequence).ifPresent(n -> fatura.error("fatura_no",
                "sıra kısmı " + number.substring(7) + " sira_no " + n + " ile eşleşmiyor"));
    }

    /** Reads and checks every line; true when each line is complete enough for the sums. */
    private static boolean readLines(ArrayNode array, String path, FieldErrors errors,
                                     List<InvoiceArithmetic.Line> lines) {
        boolean complete = true;
        for (int i = 0; i < array.size(); i++) {
            JsonFields line = JsonFields.of(array.get(i), path + "[" + i + "]", errors);
            if (line.node() == null) {
                complete = false;
                continue;
            }
            Optional<InvoiceArithmetic.Line> read = readLine(line, i);
            read.ifPresent(lines::add);
            complete &= read.isPresent();
        }
        return complete;
    }

    private static Optional<InvoiceArithmetic.Line> readLine(JsonFields line, int index) {
        line.rejectUnknown(LINE_FIELDS);
        Optional<String> type = line.requiredText("tur").filter(t -> {
            if (LINE_TYPES.contains(t)) {
                return true;
            }
            line.error("tur", "urun, kargo veya ucret olmalı; gelen: \"" + t + "\"");
            return false;
        });
        boolean fee = type.filter("ucret"::equals).isPresent();
        line.requiredText("ad");
        line.optionalText("stok_kodu");
        line.requiredPositiveDecimal("miktar");
        line.requiredMoney("birim_fiyat").ifPresent(price -> {
            if (price.signum() < 0 && !fee && type.isPresent()) {
                line.error("birim_fiyat", "yalnızca ucret satırlarında negatif olabilir");
            }
        });
        Optional<String> rate = line.requiredText("kdv_orani").filter(r -> {
            if (KdvRates.isAllowed(r)) {
                return true;
            }
            line.error("kdv_orani", "izin verilmeyen KDV oranı \"" + r + "\"; geçerli oranlar: " + KdvRates.allowedText());
            return false;
        });
        Optional<BigDecimal> net = line.requiredMoney("tutar");
        net.filter(amount -> amount.signum() < 0 && !fee && type.isPresent())
                .ifPresent(amount -> line.error("tutar", "yalnızca ucret satırlarında negatif olabilir"));
        Optional<BigDecimal> tax = line.requiredMoney("kdv_tutari");
        Optional<BigDecimal> gross = line.requiredMoney("toplam");
        if (net.isPresent() && tax.isPresent() && tax.get().signum() != 0
                && tax.get().signum() != net.get().signum()) {
            line.error("kdv_tutari", "tutar ile aynı işaretli (ya da sıfır) olmalı");
        }
        if (net.isPresent() && tax.isPresent() && gross.isPresent()) {
            BigDecimal expected = net.get().add(tax.get());
            if (gross.get().compareTo(expected) != 0) {
                line.error("toplam", "tutar + kdv_tutari (" + Decimals.money(expected) + ") ile eşleşmiyor; gelen: "
                        + Decimals.money(gross.get()));
            }
        }
        if (rate.isEmpty() || net.isEmpty() || tax.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InvoiceArithmetic.Line(index, rate.get(), net.get(), tax.get()));
    }

    private static boolean readTaxTotals(ArrayNode array, String path, FieldErrors errors,
                                         List<InvoiceArithmetic.TaxTotal> taxes) {
        boolean complete = true;
        for (int i = 0; i < array.size(); i++) {
            JsonFields entry = JsonFields.of(array.get(i), path + "[" + i + "]", errors);
            if (entry.node() == null) {
                complete = false;
                continue;
            }
            entry.rejectUnknown(TAX_FIELDS);
            Optional<String> rate = entry.requiredText("oran").filter(r -> {
                if (KdvRates.isAllowed(r)) {
                    return true;
                }
                entry.error("oran", "izin verilmeyen KDV oranı \"" + r + "\"; geçerli oranlar: " + KdvRates.allowedText());
                return false;
            });
            Optional<BigDecimal> base = entry.requiredMoney("matrah");
            Optional<BigDecimal> amount = entry.requiredMoney("tutar");
            if (rate.isPresent() && base.isPresent() && amount.isPresent()) {
                taxes.add(new InvoiceArithmetic.TaxTotal(i, entry.path(), rate.get(), base.get(), amount.get()));
            } else {
                complete = false;
            }
        }
        return complete;
    }
}
