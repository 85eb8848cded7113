package com.caricomtr.agent.sync.state;

/** Text limits and search patterns, in one place so that every store cuts and matches alike. */
final class Texts {
    /** TEXT holds 65,535 bytes; 16,000 characters fit even at four bytes each. */
    static final int MAX_MESSAGE = 16_000;
    /** MEDIUMTEXT holds 16 MB, but a body that large would also break the default max_allowed_packet. */
    static final int MAX_BODY = 2_000_000;
    private static final String CUT = " …[cut]";

    private Texts() {
    }

    /** Strict SQL mode rejects an over-long value; a log line cut short is better than a lost one. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
    }

    /** A {@code LIKE ... ESCAPE '!'} pattern matching {@code needle} anywhere, with its wildcards taken literally. */
    static String contains(String needle) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : needle.toCharArray()) {
            if (c == '!' || c == '%' || c == '_') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    static String requireLength(String what, String value, int max, boolean nullable) {
        if (value == null) {
            if (nullable) {
                return null;
            }
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + " characters, got " + value.length());
        }
        return value;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
