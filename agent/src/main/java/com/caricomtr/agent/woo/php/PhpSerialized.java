package com.caricomtr.agent.woo.php;

/**
 * Decodes PHP's {@code serialize()} format, in which WordPress and WooCommerce store structured meta such as
 * {@code _line_tax_data}. No well-kept Java library for this format exists on Maven Central (pherialize and its
 * kind are abandoned), so this is a small decoder of our own, tested against hostile input.
 *
 * <p>It reads data only: no PHP class is looked up, no reference is followed, and untrusted text can make it do no
 * more than throw a {@link PhpSerializedException}. Limits: nesting depth {@value #MAX_DEPTH}; lengths and counts
 * must fit in what is left of the input; nothing may follow the value. The deprecated {@code S:} escaped-string
 * form is not supported.
 */
public final class PhpSerialized {
    /** Deepest nesting of arrays and objects accepted; WooCommerce meta is rarely deeper than 3. */
    public static final int MAX_DEPTH = PhpDecoder.MAX_DEPTH;

    private PhpSerialized() {
    }

    /**
     * Decodes one serialized value that must make up the whole of {@code text}.
     *
     * @param text as read from the database; its {@code s:N} lengths are UTF-8 byte counts, so it must have been
     *             decoded from UTF-8 (utf8mb4) for them to match
     * @throws PhpSerializedException if the text is null, malformed, or exceeds a limit; never anything else
     */
    public static PhpValue decode(String text) {
        if (text == null) {
            throw new PhpSerializedException("the text is null");
        }
        try {
            return new PhpDecoder(text).decodeAll();
        } catch (PhpSerializedException e) {
            throw e;
        } catch (RuntimeException e) {
            // Should be unreachable; if a bug ever lets one through, callers still see the one type they handle.
            throw new PhpSerializedException("internal decoder error: " + e, e);
        }
    }
}
