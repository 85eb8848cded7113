package com.caricomtr.sandbox.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The rules of the contract's customer ({@code cari}) table. */
public final class CustomerValidator {
    public static final int MAX_KEY_LENGTH = 190;
    private static final Set<String> FIELDS = Set.of(
            "dis_anahtar", "tur", "unvan", "ad_soyad", "vergi_no", "tc_kimlik_no", "vergi_dairesi",
            "adres", "ilce", "il", "posta_kodu", "ulke", "telefon", "eposta");
    private static final List<String> TYPES = List.of("gercek", "tuzel", "yabanci");

    private CustomerValidator() {
    }

    /**
     * Validates a request body {@code {"cari": {...}}}.
     *
     * @return the {@code cari} object when valid
     */
    public static Validated<ObjectNode> validate(JsonNode body) {
        FieldErrors errors = new FieldErrors();
        JsonFields root = JsonFields.of(body, "", errors);
        root.rejectUnknown(Set.of("cari"));
        JsonFields cari = JsonFields.of(body.get("cari"), "cari", errors);
        if (cari.node() != null) {
            check(cari);
        }
        return Validated.of(cari.node(), errors);
    }

    private static void check(JsonFields cari) {
        cari.rejectUnknown(FIELDS);
        cari.requiredText("dis_anahtar").ifPresent(key -> {
            if (key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
                cari.error("dis_anahtar", "en fazla " + MAX_KEY_LENGTH + " karakter olabilir");
            }
        });
        Optional<String> type = cari.requiredText("tur");
        type.ifPresent(t -> {
            if (!TYPES.contains(t)) {
                cari.error("tur", "gercek, tuzel veya yabanci olmalı; gelen: \"" + t + "\"");
            }
        });
        String tur = type.filter(TYPES::contains).orElse("");

        Optional<String> unvan = cari.optionalText("unvan");
        Optional<String> adSoyad = cari.optionalText("ad_soyad");
        Optional<String> tckn = cari.optionalText("tc_kimlik_no");
        Optional<String> vkn = cari.optionalText("vergi_no");
        Optional<String> vergiDairesi = cari.optionalText("vergi_dairesi");
        for (String field : List.of("adres", "ilce", "il", "posta_kodu", "telefon")) {
            cari.optionalText(field);
        }
        cari.requiredText("ulke").ifPresent(country ->
                cari.check("ulke", country, "[A-Z]{2}", "ISO 3166-1 alpha-2 ülke kodu olmalı (2 büyük harf), ör. \"TR\""));
        cari.optionalText("eposta").ifPresent(mail -> {
            if (!mail.contains("@")) {
                cari.error("eposta", "geçerli bir e-posta adresi olmalı (@ içermeli)");
            }
        });

        switch (tur) {
            case "tuzel" -> {
                requireNonBlank(cari, "unvan", unvan, "tüzel kişi için zorunlu");
                requireNonBlank(cari, "vergi_dairesi", vergiDairesi, "tüzel kişi için zorunlu");
                if (vkn.isEmpty()) {
                    cari.error("vergi_no", "tüzel kişi için zorunlu");
                }
            }
            case "gercek" -> {
                requireNonBlank(cari, "ad_soyad", adSoyad, "gerçek kişi için zorunlu");
                if (tckn.isEmpty()) {
                    cari.error("tc_kimlik_no", "gerçek kişi için zorunlu (bilinmiyorsa " + TaxIds.TCKN_PLACEHOLDER + ")");
                }
            }
            case "yabanci" -> requireNonBlank(cari, "ad_soyad", adSoyad, "yabancı alıcı için zorunlu");
            default -> {
                // tur itself is already reported
            }
        }
        tckn.ifPresent(value -> {
            boolean placeholder = "gercek".equals(tur) && TaxIds.TCKN_PLACEHOLDER.equals(value);
            if (!placeholder && !TaxIds.isValidTckn(value)) {
                cari.error("tc_kimlik_no", "geçersiz TC kimlik numarası (11 hane ve doğru kontrol haneleri gerekir)");
            }
        });
        // A foreign buyer may carry a foreign tax number here, which no Turkish checksum can judge.
        vkn.filter(value -> !"yabanci".equals(tur)).ifPresent(value -> {
            if (!TaxIds.isValidVkn(value)) {
                cari.error("vergi_no", "geçersiz vergi kimlik numarası (10 hane ve doğru kontrol hanesi gerekir)");
            }
        });
    }

    private static void requireNonBlank(JsonFields cari, String field, Optional<String> value, String message) {
        if (value.filter(v -> !v.isBlank()).isEmpty()) {
            cari.error(field, message);
        }
    }
}
