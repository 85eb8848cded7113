package com.caricomtr.agent.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The date formats WordPress and WooCommerce store. Dates are written as text, never as JDBC timestamps, so that no
 * driver or JVM time zone can shift them: {@code *_gmt} columns and HPOS hold UTC, {@code post_date} and the
 * legacy {@code _paid_date}/{@code _completed_date} meta hold the shop's local time (Europe/Istanbul, UTC+3).
 */
final class DemoDates {
    static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Istanbul");
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** WooCommerce's order post title: {@code Order &ndash; January 8, 2025 @ 02:59 AM}. */
    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM d, yyyy '@' hh:mm a",
            Locale.ENGLISH);
    /** The slug WordPress derives from the title when the post is created: {@code order-jan-08-2025-0259-am}. */
    private static final DateTimeFormatter SLUG = DateTimeFormatter.ofPattern("MMM-dd-yyyy-hhmm-a", Locale.ENGLISH);

    private DemoDates() {
    }

    static String gmt(Instant instant) {
        return instant == null ? null : SQL.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String local(Instant instant) {
        return instant == null ? null : SQL.format(instant.atZone(SHOP_ZONE));
    }

    static String titleDate(Instant instant) {
        return TITLE.format(instant.atZone(SHOP_ZONE));
    }

    static String slugDate(Instant instant) {
        return SLUG.format(instant.atZone(SHOP_ZONE)).toLowerCase(Locale.ROOT);
    }

    /** Unix seconds as WooCommerce's legacy {@code _date_paid}/{@code _date_completed} meta. */
    static String unix(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }
}
