package com.caricomtr.agent.woo.php;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One decoding pass over one text. It walks the Java string once and counts UTF-8 bytes as it goes, because PHP's
 * lengths are byte counts while the text arrived already decoded by JDBC; byte offsets for errors are only worked
 * out when an error is thrown.
 *
 * <p>Every loop consumes input or fails, recursion stops at {@link #MAX_DEPTH}, and every declared size is checked
 * against what is left of the input before anything is allocated for it, so hostile text costs time and memory in
 * proportion to its length.
 */
final class PhpDecoder {
    static final int MAX_DEPTH = 64;
    /** The shortest possible entry is {@code i:0;N;}: a count that could not fit in what is left is a lie. */
    private static final int MIN_ENTRY_CHARS = 6;
    /** Each char is at most 3 UTF-8 bytes (a surrogate pair is 4 bytes for 2 chars). */
    private static final int MAX_BYTES_PER_CHAR = 3;

    private final String text;
    private final int end;
    private int pos;
    private int depth;
    /** Values decoded so far that a reference may point at, in PHP's numbering. */
    private int referableValues;
    /** A custom object's payload may declare values of its own, which we do not parse, so counts are off after one. */
    private boolean referableValuesKnown = true;

    PhpDecoder(String text) {
        this.text = text;
        this.end = text.length();
    }

    PhpValue decodeAll() {
        if (end == 0) {
            throw error(0, "the text is empty");
        }
        PhpValue value = readValue();
        if (pos != end) {
            throw error(pos, "unexpected data after the end of the value");
        }
        return value;
    }

    private PhpValue readValue() {
        if (pos >= end) {
            throw error(pos, "expected a value but the input ends");
        }
        char type = text.charAt(pos);
        int referableBefore = referableValues;
        // PHP numbers every value except R: itself, and array keys are read elsewhere, so they are not counted.
        if (type != 'R') {
            referableValues++;
        }
        return switch (type) {
            case 'N' -> readNull();
            case 'b' -> readBool();
            case 'i' -> new PhpInt(readInt());
            case 'd' -> readDouble();
            case 's' -> new PhpString(readString(Counted.STRING));
            case 'a' -> readArray();
            case 'O' -> readObject();
            case 'C' -> readCustomObject();
            case 'E' -> readEnum();
            case 'r', 'R' -> readReference(type, referableBefore);
            case 'S' -> throw error(pos, "escaped strings (S:) are not supported");
            case '}' -> throw error(pos, "expected a value but found '}': the container has fewer entries than declared");
            default -> throw unexpected("a value (N, b, i, d, s, a, O, C, E, r or R)");
        };
    }

    private PhpValue readNull() {
        pos++;
        expect(';', "after N");
        return PhpNull.INSTANCE;
    }

    private PhpValue readBool() {
        startOfType();
        if (pos < end && (text.charAt(pos) == '0' || text.charAt(pos) == '1')) {
            boolean value = text.charAt(pos) == '1';
            pos++;
            expect(';', "after a bool");
            return PhpBool.of(value);
        }
        throw unexpected("0 or 1 for a bool");
    }

    /** {@code i:-12;}, also used for array keys. PHP allows a '+' and leading zeros, so we do too. */
    private long readInt() {
        int start = pos;
        startOfType();
        boolean negative = false;
        if (pos < end && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            negative = text.charAt(pos) == '-';
            pos++;
        }
        if (pos >= end || !PhpNumberSyntax.isDigit(text.charAt(pos))) {
            throw unexpected("digits of an int");
        }
        // Accumulating downwards reaches Long.MIN_VALUE, which has no positive counterpart.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long value = 0;
        while (pos < end && PhpNumberSyntax.isDigit(text.charAt(pos))) {
            int digit = text.charAt(pos) - '0';
            if (value < limit / 10 || value * 10 < limit + digit) {
                throw error(start, "int does not fit in 64 bits");
            }
            value = value * 10 - digit;
            pos++;
        }
        expect(';', "after an int");
        return negative ? value : -value;
    }

    private PhpValue readDouble() {
        int start = pos;
        startOfType();
        int numberStart = pos;
        int limit = Math.min(end, numberStart + PhpNumberSyntax.MAX_CHARS + 1);
        int semicolon = numberStart;
        while (semicolon < limit && text.charAt(semicolon) != ';') {
            semicolon++;
        }
        if (semicolon == limit) {
            throw semicolon == end
                    ? error(end, "expected ';' after a float but the input ends")
                    : error(numberStart, "float is longer than " + PhpNumberSyntax.MAX_CHARS + " characters");
        }
        String number = text.substring(numberStart, semicolon);
        if (!PhpDouble.isSpecial(number) && !PhpNumberSyntax.isDecimal(number)) {
            throw error(start, "float is not a decimal number, INF, -INF or NAN");
        }
        pos = semicolon + 1;
        return new PhpDouble(number);
    }

    /** {@code s:5:"hello";}, also used for array keys and property names. */
    private String readString(Counted what) {
        String value = readQuoted(what);
        expect(';', what.after);
        return value;
    }

    /** {@code s:5:"hello"} and the like: the byte length, then exactly that many bytes between quotes. */
    private String readQuoted(Counted what) {
        startOfType();
        int byteLength = readCount(what.length);
        expect(':', what.afterLength);
        expect('"', what.opening);
        String value = readUtf8Bytes(byteLength, what.name);
        expectEndOfCounted('"', byteLength, what.name);
        return value;
    }

    private PhpValue readArray() {
        int start = pos;
        startOfType();
        int count = readCount("array size");
        expect(':', "after the array size");
        expect('{', "to open the array");
        checkCountFits(start, count, "array");
        enterNesting(start);
        Map<Object, PhpValue> entries = count == 0 ? null : LinkedHashMap.newLinkedHashMap(count);
        for (int i = 0; i < count; i++) {
            Object key = readArrayKey(i, count);
            entries.put(key, readValue());
        }
        expectClose(count, "array");
        depth--;
        return count == 0 ? PhpArray.EMPTY : new PhpArray(entries);
    }

    private Object readArrayKey(int index, int count) {
        if (pos < end && text.charAt(pos) == 'i') {
            return readInt();
        }
        if (pos < end && text.charAt(pos) == 's') {
            String key = readString(Counted.ARRAY_KEY);
            Long integerKey = PhpArray.integerKeyOf(key);
            return integerKey != null ? integerKey : key;
        }
        throw missingKey(index, count, "an array key (i: or s:)");
    }

    private PhpValue readObject() {
        int start = pos;
        String className = readClassName();
        expect(':', "after the class name");
        int count = readCount("property count");
        expect(':', "after the property count");
        expect('{', "to open the object");
        checkCountFits(start, count, "object");
        enterNesting(start);
        Map<String, PhpValue> properties = LinkedHashMap.newLinkedHashMap(count);
        for (int i = 0; i < count; i++) {
            String name = readPropertyName(i, count);
            properties.put(name, readValue());
        }
        expectClose(count, "object");
        depth--;
        return new PhpObject(className, properties);
    }

    private String readPropertyName(int index, int count) {
        if (pos < end && text.charAt(pos) == 'i') {
            return Long.toString(readInt());
        }
        if (pos < end && text.charAt(pos) == 's') {
            return readString(Counted.PROPERTY_NAME);
        }
        throw missingKey(index, count, "a property name (i: or s:)");
    }

    private PhpValue readCustomObject() {
        String className = readClassName();
        expect(':', "after the class name");
        int byteLength = readCount("payload length");
        expect(':', "after the payload length");
        expect('{', "to open the payload");
        String payload = readUtf8Bytes(byteLength, "payload");
        expectEndOfCounted('}', byteLength, "payload");
        referableValuesKnown = false;
        return new PhpCustomObject(className, payload);
    }

    /** {@code O:8:"stdClass"} or {@code C:11:"ArrayObject"}, up to the closing quote. */
    private String readClassName() {
        int start = pos;
        String className = readQuoted(Counted.CLASS_NAME);
        if (!isValidClassName(className)) {
            throw error(start, "class name is empty or has characters PHP does not allow");
        }
        return className;
    }

    private PhpValue readEnum() {
        int start = pos;
        String name = readString(Counted.ENUM_NAME);
        int colon = name.indexOf(':');
        if (colon < 0 || colon == name.length() - 1 || !isValidClassName(name.substring(0, colon))) {
            throw error(start, "enum name is not Class:Case");
        }
        return new PhpEnum(name.substring(0, colon), name.substring(colon + 1));
    }

    private PhpValue readReference(char type, int referableBefore) {
        int start = pos;
        startOfType();
        int index = readCount("reference index");
        expect(';', "after the reference index");
        // PHP refuses a reference to nothing, to itself, or to a value not yet decoded; so do we.
        if (index < 1) {
            throw error(start, "reference index must be at least 1");
        }
        if (referableValuesKnown && index > referableBefore) {
            throw error(start, "reference to value " + index + " but only " + referableBefore + " came before it");
        }
        return new PhpReference(type == 'r' ? PhpReference.Kind.SAME_OBJECT : PhpReference.Kind.PHP_REFERENCE, index);
    }

    /** Skips the type letter and the colon after it. */
    private void startOfType() {
        pos++;
        expect(':', "after the type letter");
    }

    /** A length, count or index: digits only, as PHP writes them, never negative and within an int. */
    private int readCount(String what) {
        int start = pos;
        long value = 0;
        while (pos < end && PhpNumberSyntax.isDigit(text.charAt(pos))) {
            value = value * 10 + (text.charAt(pos) - '0');
            if (value > Integer.MAX_VALUE) {
                throw error(start, what + " is too large");
            }
            pos++;
        }
        if (pos == start) {
            throw unexpected("digits of the " + what);
        }
        return (int) value;
    }

    private void checkCountFits(int start, int count, String what) {
        if (count > (end - pos) / MIN_ENTRY_CHARS) {
            throw error(start, what + " declares " + count + " entries but the rest of the input could hold at most "
                    + (end - pos) / MIN_ENTRY_CHARS);
        }
    }

    private void enterNesting(int start) {
        if (depth >= MAX_DEPTH) {
            throw error(start, "arrays and objects are nested deeper than " + MAX_DEPTH);
        }
        depth++;
    }

    /**
     * Reads exactly {@code byteLength} UTF-8 bytes' worth of chars. A length that ends inside a character cannot
     * have come from PHP writing this text, so it is an error rather than something to round.
     */
    private String readUtf8Bytes(int byteLength, String what) {
        int start = pos;
        if (byteLength > (long) (end - start) * MAX_BYTES_PER_CHAR) {
            throw error(start, what + " declares " + byteLength + " bytes, more than the rest of the input");
        }
        int i = start;
        int remaining = byteLength;
        while (remaining > 0) {
            if (i >= end) {
                throw error(i, what + " declares " + byteLength + " bytes but the input ends first");
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                remaining--;
                i++;
                continue;
            }
            int width;
            int chars = 1;
            if (c < 0x800) {
                width = 2;
            } else if (!Character.isSurrogate(c)) {
                width = 3;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                width = 4;
                chars = 2;
            } else {
                throw error(i, "unpaired UTF-16 surrogate in the " + what + ": the text did not come from valid UTF-8");
            }
            if (width > remaining) {
                throw error(i, what + " declares " + byteLength + " bytes, which ends inside a " + width
                        + "-byte UTF-8 character");
            }
            remaining -= width;
            i += chars;
        }
        pos = i;
        return text.substring(start, i);
    }

    private void expectEndOfCounted(char wanted, int byteLength, String what) {
        if (pos >= end || text.charAt(pos) != wanted) {
            throw error(pos, what + " does not end with '" + wanted + "' after its declared " + byteLength
                    + " bytes: the length is wrong or the text was cut");
        }
        pos++;
    }

    private void expectClose(int count, String container) {
        if (pos >= end || text.charAt(pos) != '}') {
            throw unexpected("'}' to close the " + container + " after its " + count + " declared entries");
        }
        pos++;
    }

    private void expect(char wanted, String purpose) {
        if (pos >= end) {
            throw error(pos, "expected '" + wanted + "' " + purpose + " but the input ends");
        }
        if (text.charAt(pos) != wanted) {
            throw unexpected("'" + wanted + "' " + purpose);
        }
        pos++;
    }

    private PhpSerializedException missingKey(int index, int count, String expected) {
        if (pos < end && text.charAt(pos) == '}') {
            return error(pos, "found '}' after " + index + " of the " + count + " declared entries");
        }
        return unexpected(expected);
    }

    private PhpSerializedException unexpected(String expected) {
        if (pos >= end) {
            return error(pos, "expected " + expected + " but the input ends");
        }
        return error(pos, "expected " + expected + " but found " + describe(text.charAt(pos)));
    }

    private PhpSerializedException error(int charIndex, String problem) {
        return new PhpSerializedException(problem, utf8Length(text, charIndex));
    }

    /** PHP's {@code zend_is_valid_class_name()}: letters, digits, '_', '\' and any non-ASCII; not starting with '\'. */
    private static boolean isValidClassName(String name) {
        if (name.isEmpty() || name.charAt(0) == '\\') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 0x80 || c == '_' || c == '\\' || PhpNumberSyntax.isDigit(c)
                    || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** One character only, never a stretch of the input: see {@link PhpSerializedException}. */
    private static String describe(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** Bytes PHP would count before {@code charIndex}; an unpaired surrogate, which valid input never has, counts 3. */
    static long utf8Length(String text, int charIndex) {
        long bytes = 0;
        for (int i = 0; i < charIndex; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < charIndex && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The parts of the format that carry a byte length, with their messages built once rather than per value. */
    private enum Counted {
        STRING("string"),
        ARRAY_KEY("array key"),
        PROPERTY_NAME("property name"),
        CLASS_NAME("class name"),
        ENUM_NAME("enum name");

        final String name;
        final String length;
        final String afterLength;
        final String opening;
        final String after;

        Counted(String name) {
            this.name = name;
            this.length = name + " length";
            this.afterLength = "after the " + name + " length";
            this.opening = "to open the " + name;
            this.after = "after the " + name;
        }
    }
}
