package com.caricomtr.agent.woo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * WordPress dates. Columns are read as text: WordPress writes {@code 0000-00-00 00:00:00} for "none", which JDBC
 * drivers turn into errors or odd values depending on driver and server settings.
 */
final class SqlDates {
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private SqlDates() {
    }

    /** A GMT {@code DATETIME} column, or null when absent or zero. */
    static Instant gmt(String text, String field) {
        if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
            return null;
        }
        Instant fast = fastParse(text);
        if (fast != null) {
            return fast;
        }
        String t = text.length() > 19 ? text.substring(0, 19) : text;
        try {
            return LocalDateTime.parse(t.replace('T', ' '), SQL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new OrderDataException(field, "is not a date: '" + text + "'");
        }
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss} by hand: every order has several dates and the formatter-based parse was a
     * visible share of the reader's time. Anything unusual falls back to the formatter, which also validates.
     */
    private static Instant fastParse(String t) {
        if (t.length() < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != ' '
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 1 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        try {
            long days = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A unix timestamp stored as meta text ({@code _date_paid}), or null when absent or zero. */
    static Instant epochSeconds(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(text.strip());
            return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
        } catch (NumberFormatException e) {
            throw new OrderDataException(field, "is not a unix timestamp: '" + text + "'");
        }
    }
}
