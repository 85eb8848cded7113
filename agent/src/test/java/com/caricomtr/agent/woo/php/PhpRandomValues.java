package com.caricomtr.agent.woo.php;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic random values of every kind, with the text pieces most likely to confuse a decoder: separators
 * inside strings, NUL, and characters of every UTF-8 width. References only point backwards, as PHP's do.
 */
final class PhpRandomValues {
    private static final List<String> STRING_PIECES = List.of("a", "Z", "0", "9", " ", "\"", ";", ":", "{", "}",
            "\0", "\n", "\\", "ş", "İ", "ğ", "ı", "€", "–", "🙏", "😀", "s:1:\"", "a:1:{", "\";");
    private static final List<String> FLOAT_TEXTS = List.of("0.1", "-0", "63.3", "1.0E+25", "2.5E-5", "INF", "-INF",
            "NAN", "0.30000000000000004", "-1234567.891", "7");
    private static final List<String> CLASS_NAMES = List.of("stdClass", "WC_DateTime", "Automattic\\WooCommerce\\X",
            "Sınıf", "_");

    private final Random random;
    /** Values written so far that a reference may point at, counted as PHP counts them. */
    private int referable;

    PhpRandomValues(Random random) {
        this.random = random;
    }

    PhpValue next() {
        referable = 0;
        return value(0);
    }

    private PhpValue value(int depth) {
        int kind = random.nextInt(depth >= 4 ? 7 : 11);
        if (kind == 6 && referable > 0) {
            boolean sameObject = random.nextBoolean();
            int index = 1 + random.nextInt(referable);
            if (sameObject) {
                referable++;
            }
            return new PhpReference(sameObject ? PhpReference.Kind.SAME_OBJECT : PhpReference.Kind.PHP_REFERENCE, index);
        }
        referable++;
        return switch (kind) {
            case 0 -> PhpNull.INSTANCE;
            case 1 -> PhpBool.of(random.nextBoolean());
            case 2 -> new PhpInt(interestingLong());
            case 3 -> new PhpDouble(FLOAT_TEXTS.get(random.nextInt(FLOAT_TEXTS.size())));
            case 4 -> new PhpEnum(className(), "Case" + random.nextInt(10));
            case 7, 8 -> array(depth);
            case 9 -> object(depth);
            case 10 -> new PhpCustomObject(className(), string());
            default -> new PhpString(string());
        };
    }

    private PhpArray array(int depth) {
        int size = random.nextInt(6);
        Map<Object, PhpValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Object key = random.nextBoolean() ? (Object) (long) (random.nextInt(21) - 10) : stringKey();
            // A repeated key would overwrite a value already counted for references, so it is skipped instead.
            if (!entries.containsKey(key)) {
                entries.put(key, value(depth + 1));
            }
        }
        return new PhpArray(entries);
    }

    private PhpObject object(int depth) {
        int size = random.nextInt(4);
        Map<String, PhpValue> properties = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            String name = switch (random.nextInt(3)) {
                case 0 -> "\0*\0" + string();
                case 1 -> "\0Foo\0" + string();
                default -> string();
            };
            if (!properties.containsKey(name)) {
                properties.put(name, value(depth + 1));
            }
        }
        return new PhpObject(className(), properties);
    }

    /** A string key, or the int key PHP turns it into. */
    private Object stringKey() {
        String key = random.nextInt(4) == 0 ? Long.toString(interestingLong()) : string();
        Long integerKey = PhpArray.integerKeyOf(key);
        return integerKey != null ? integerKey : key;
    }

    private String string() {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            text.append(STRING_PIECES.get(random.nextInt(STRING_PIECES.size())));
        }
        return text.toString();
    }

    private String className() {
        return CLASS_NAMES.get(random.nextInt(CLASS_NAMES.size()));
    }

    private long interestingLong() {
        return switch (random.nextInt(4)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            case 2 -> random.nextLong();
            default -> random.nextInt(2001) - 1000;
        };
    }
}
