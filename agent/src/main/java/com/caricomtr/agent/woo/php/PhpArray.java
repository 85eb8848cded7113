package com.caricomtr.agent.woo.php;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * {@code a:2:{...}}, in the order written. Keys are {@link Long} or {@link String}, exactly as PHP holds them: a
 * string key that is a canonical integer such as {@code "7"} becomes the int key 7, just as PHP's own
 * {@code unserialize()} does, while {@code "07"} or {@code "-0"} stay strings. A key written twice keeps its first
 * position and its last value, again as in PHP.
 */
public final class PhpArray implements PhpValue {
    public static final PhpArray EMPTY = new PhpArray(Map.of());

    private final Map<Object, PhpValue> entries;

    /** Takes ownership of {@code entries} without copying: only the decoder builds arrays. */
    PhpArray(Map<Object, PhpValue> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** Unmodifiable, in the order written; keys are {@link Long} or {@link String}. */
    public Map<Object, PhpValue> entries() {
        return entries;
    }

    public Optional<PhpValue> get(long key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Looks {@code "7"} up as the int key 7, as PHP does. */
    public Optional<PhpValue> get(String key) {
        Long integerKey = integerKeyOf(key);
        return Optional.ofNullable(entries.get(integerKey != null ? integerKey : key));
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The int key PHP would use for this string key, or null if it stays a string: an optional minus and digits
     * without a leading zero ({@code "0"} itself is fine, {@code "-0"} is not), within 64 bits.
     */
    static Long integerKeyOf(String key) {
        int length = key.length();
        boolean negative = length > 0 && key.charAt(0) == '-';
        int firstDigit = negative ? 1 : 0;
        if (length == firstDigit || length - firstDigit > 19) {
            return null;
        }
        if (key.charAt(firstDigit) == '0' && length > 1) {
            return null;
        }
        // Accumulating downwards reaches Long.MIN_VALUE, which has no positive counterpart.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long value = 0;
        for (int i = firstDigit; i < length; i++) {
            char c = key.charAt(i);
            if (!PhpNumberSyntax.isDigit(c)) {
                return null;
            }
            int digit = c - '0';
            if (value < limit / 10 || value * 10 < limit + digit) {
                return null;
            }
            value = value * 10 - digit;
        }
        return negative ? value : -value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhpArray array && entries.equals(array.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "PhpArray" + entries;
    }
}
