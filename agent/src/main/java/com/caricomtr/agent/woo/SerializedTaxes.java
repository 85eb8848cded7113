package com.caricomtr.agent.woo;

import com.caricomtr.agent.woo.php.PhpSerialized;
import com.caricomtr.agent.woo.php.PhpSerializedException;
import com.caricomtr.agent.woo.php.PhpValue;

/**
 * A line's serialized tax data, decoded once: a line item reads both its "total" and its "subtotal" section from
 * the same value.
 *
 * @param value   null when absent or unreadable
 * @param failure why it is unreadable, or null
 */
record SerializedTaxes(PhpValue value, String failure) {
    private static final SerializedTaxes ABSENT = new SerializedTaxes(null, null);

    static SerializedTaxes decode(String serialized) {
        if (serialized == null || serialized.isBlank()) {
            return ABSENT;
        }
        try {
            return new SerializedTaxes(PhpSerialized.decode(serialized), null);
        } catch (PhpSerializedException e) {
            return new SerializedTaxes(null, "is not readable PHP-serialized data (" + e.getMessage() + ")");
        }
    }
}
