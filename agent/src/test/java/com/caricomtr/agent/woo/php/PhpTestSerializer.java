package com.caricomtr.agent.woo.php;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/** What PHP's serialize() would write for a value, so round-trip tests can generate input freely. */
final class PhpTestSerializer {
    /** Sometimes writes an int key as its numeric string, which PHP (and the decoder) reads back as the same key. */
    private final Random keyStyle;

    PhpTestSerializer(Random keyStyle) {
        this.keyStyle = keyStyle;
    }

    String write(PhpValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private void write(PhpValue value, StringBuilder out) {
        switch (value) {
            case PhpNull n -> out.append("N;");
            case PhpBool b -> out.append("b:").append(b.value() ? 1 : 0).append(';');
            case PhpInt i -> out.append("i:").append(i.value()).append(';');
            case PhpDouble d -> out.append("d:").append(d.text()).append(';');
            case PhpString s -> string(s.value(), out);
            case PhpArray a -> {
                out.append("a:").append(a.size()).append(":{");
                for (Map.Entry<Object, PhpValue> entry : a.entries().entrySet()) {
                    if (entry.getKey() instanceof Long key && !keyStyle.nextBoolean()) {
                        out.append("i:").append(key).append(';');
                    } else {
                        string(entry.getKey().toString(), out);
                    }
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case PhpObject o -> {
                out.append("O:").append(bytes(o.className())).append(":\"").append(o.className()).append("\":")
                        .append(o.properties().size()).append(":{");
                for (Map.Entry<String, PhpValue> entry : o.properties().entrySet()) {
                    string(entry.getKey(), out);
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case PhpCustomObject c -> out.append("C:").append(bytes(c.className())).append(":\"").append(c.className())
                    .append("\":").append(bytes(c.payload())).append(":{").append(c.payload()).append('}');
            case PhpEnum e -> {
                String name = e.className() + ":" + e.caseName();
                out.append("E:").append(bytes(name)).append(":\"").append(name).append("\";");
            }
            case PhpReference r -> out.append(r.kind() == PhpReference.Kind.SAME_OBJECT ? "r:" : "R:")
                    .append(r.index()).append(';');
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append("s:").append(bytes(text)).append(":\"").append(text).append("\";");
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
