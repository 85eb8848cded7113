package com.caricomtr.agent.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.invoice.NumberingStrategy;

/**
 * The settings a shop admin changes from wp-admin, kept in the agent's settings table over the configured
 * defaults. Values are validated here, with an error per field, before anything is stored.
 */
public record SiteSettings(String firmaKodu,
                           List<String> triggerStatuses,
                           String invoiceSeries,
                           NumberingStrategy numbering,
                           int retentionDays,
                           boolean allowPlaceholderTckn) {

    public static final String FIRMA_KODU = "firma_kodu";
    public static final String TRIGGER_STATUSES = "trigger_statuses";
    public static final String INVOICE_SERIES = "invoice_series";
    public static final String NUMBERING = "numbering";
    public static final String RETENTION_DAYS = "retention_days";
    public static final String PLACEHOLDER_TCKN = "allow_placeholder_tckn";
    public static final List<String> NAMES = List.of(FIRMA_KODU, TRIGGER_STATUSES, INVOICE_SERIES, NUMBERING,
            RETENTION_DAYS, PLACEHOLDER_TCKN);

    /** A field that failed validation. */
    public record FieldError(String field, String message) {
    }

    public static SiteSettings of(SiteConfig config) {
        return new SiteSettings(config.cari().firmaKodu(), config.policy().triggerStatuses(),
                config.invoice().series(), config.invoice().numbering(), config.policy().retentionDays(),
                config.invoice().allowPlaceholderTckn());
    }

    /** These settings with the stored or submitted values over them; call {@link #validate} first. */
    public SiteSettings with(Map<String, String> values) {
        return new SiteSettings(
                values.getOrDefault(FIRMA_KODU, firmaKodu),
                values.containsKey(TRIGGER_STATUSES) ? statuses(values.get(TRIGGER_STATUSES)) : triggerStatuses,
                values.getOrDefault(INVOICE_SERIES, invoiceSeries),
                values.containsKey(NUMBERING) ? NumberingStrategy.valueOf(values.get(NUMBERING)) : numbering,
                values.containsKey(RETENTION_DAYS) ? Integer.parseInt(values.get(RETENTION_DAYS)) : retentionDays,
                values.containsKey(PLACEHOLDER_TCKN) ? Boolean.parseBoolean(values.get(PLACEHOLDER_TCKN))
                        : allowPlaceholderTckn);
    }

    /** Every problem with the submitted values; empty when they can be stored. */
    public static List<FieldError> validate(Map<String, String> values, boolean gibStyle) {
        List<FieldError> errors = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!NAMES.contains(name)) {
                errors.add(new FieldError(name, "is not a setting; known: " + NAMES));
            }
        });
        check(values, FIRMA_KODU, v -> v.matches("[A-Za-z0-9_-]{2,32}"), "must be 2-32 letters, digits, '_' or '-'",
                errors);
        check(values, TRIGGER_STATUSES, v -> !statuses(v).isEmpty()
                && statuses(v).stream().allMatch(s -> s.matches("[a-z0-9_-]{1,20}")),
                "must list at least one order status, e.g. processing,completed", errors);
        check(values, INVOICE_SERIES, v -> gibStyle ? v.matches("[A-Z0-9]{3}") : v.matches("[A-Za-z0-9_-]{1,16}"),
                gibStyle ? "must be exactly 3 of A-Z and 0-9 for GİB-style numbers" : "must be 1-16 letters or digits",
                errors);
        check(values, NUMBERING, v -> Arrays.stream(NumberingStrategy.values()).anyMatch(n -> n.name().equals(v)),
                "must be ORDER_NUMBER or GAPLESS_COUNTER", errors);
        check(values, RETENTION_DAYS, v -> v.matches("\\d{1,4}") && Integer.parseInt(v) >= 1
                && Integer.parseInt(v) <= 3650, "must be a whole number of days from 1 to 3650", errors);
        check(values, PLACEHOLDER_TCKN, v -> v.equals("true") || v.equals("false"), "must be true or false", errors);
        return errors;
    }

    public InvoiceSettings applyTo(InvoiceSettings invoice) {
        return invoice.withSeries(invoiceSeries).withNumbering(numbering).withAllowPlaceholderTckn(allowPlaceholderTckn);
    }

    public SyncPolicy applyTo(SyncPolicy policy) {
        return policy.withTriggerStatuses(triggerStatuses).withRetentionDays(retentionDays);
    }

    /** As stored and shown; the firma kodu is shown masked (it identifies the Cari account). */
    public Map<String, String> toMap(boolean maskFirmaKodu) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(FIRMA_KODU, maskFirmaKodu ? com.caricomtr.agent.cari.Masker.mask(firmaKodu) : firmaKodu);
        map.put(TRIGGER_STATUSES, String.join(",", triggerStatuses));
        map.put(INVOICE_SERIES, invoiceSeries);
        map.put(NUMBERING, numbering.name());
        map.put(RETENTION_DAYS, Integer.toString(retentionDays));
        map.put(PLACEHOLDER_TCKN, Boolean.toString(allowPlaceholderTckn));
        return map;
    }

    private static List<String> statuses(String csv) {
        return Arrays.stream(csv.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("wc-") ? s.substring(3) : s).distinct().toList();
    }

    private static void check(Map<String, String> values, String name, java.util.function.Predicate<String> valid,
                              String message, List<FieldError> errors) {
        String value = values.get(name);
        if (value != null && !valid.test(value)) {
            errors.add(new FieldError(name, message));
        }
    }
}
