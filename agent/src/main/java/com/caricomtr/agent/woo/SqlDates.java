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
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SqlDates() {
    }

    /** A GMT {@code DATETIME} column, or null when absent or zero. */
    static Instant gmt(String text, String field) {
        if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
            return null;
        }
        String t = text.length() > 19 ? text.substring(0, 19) : text;
        try {
            return LocalDateTime.parse(t.replace('T', ' '), SQL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new OrderDataException(field, "is not a date: '" + text + "'");
        }
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
