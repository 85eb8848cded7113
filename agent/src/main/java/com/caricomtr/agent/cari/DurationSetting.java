package com.caricomtr.agent.cari;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timeouts in configuration: ISO-8601 ({@code PT10S}) or a number with a unit ({@code 500ms}, {@code 10s}, {@code 2m}). */
public final class DurationSetting {
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private DurationSetting() {
    }

    /**
     * A bare number is refused: whether {@code 30} means seconds or milliseconds is exactly the kind of guess that
     * turns into a 1000-fold timeout in production.
     */
    public static Duration parse(String key, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = WITH_UNIT.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    key + " must be a duration such as 10s, 500ms or PT10S, got '" + value + "'");
        }
    }
}
